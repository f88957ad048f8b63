/** Preload for the MFA prompt popup: the verbs of ipcContract.mfaPrompt, nothing else. */
import { ipcContract } from '../shared/ipc-contract';
import { expose, invoke, subscribe } from './lib/expose';

const { show, submit, cancel, fit } = ipcContract.mfaPrompt;

expose('mfaPrompt', {
  onShow: (listener) => subscribe(show, listener),
  submit: (requestId, code) => invoke(submit, { requestId, code }),
  cancel: (requestId) => invoke(cancel, { requestId }),
  fit: (height) => invoke(fit, { height }),
});
