/** The MFA popup's IPC handlers: the person's code and their cancel, and the page's height, from the popup's own page only. */
import type { IpcMain } from 'electron';
import { ipcContract } from '../../shared/ipc-contract';
import { handle } from '../ipc/handle';
import type { SenderCheck } from '../ipc/trusted-sender';
import type { MfaPopups } from './mfa-popups';

export function registerMfaPromptHandlers(ipcMain: Pick<IpcMain, 'handle'>, popups: Pick<MfaPopups, 'submit' | 'cancel' | 'fit'>, isTrustedSender: SenderCheck): void {
  const { submit, cancel, fit } = ipcContract.mfaPrompt;
  handle(ipcMain, submit, ({ requestId, code }) => popups.submit(requestId, code), { isTrustedSender });
  handle(ipcMain, cancel, ({ requestId }) => void popups.cancel(requestId), { isTrustedSender });
  handle(ipcMain, fit, ({ height }) => void popups.fit(height), { isTrustedSender });
}
