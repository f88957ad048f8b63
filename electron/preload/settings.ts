/** Preload for the settings window: the verbs of ipcContract.settings and its `changed`, `progress` and `show` events, nothing else. */
import { ipcContract } from '../shared/ipc-contract';
import { invokeVerbs } from '../shared/window-api';
import { expose, invoke, subscribe } from './lib/expose';

expose('settings', {
  ...invokeVerbs(ipcContract.settings, invoke),
  onChanged: (listener) => subscribe(ipcContract.settings.changed, () => listener()),
  onProgress: (listener) => subscribe(ipcContract.settings.progress, (progress) => listener(progress)),
  onShow: (listener) => subscribe(ipcContract.settings.show, (at) => listener(at)),
});
