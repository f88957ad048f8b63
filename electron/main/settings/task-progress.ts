/**
 * Tells the page that started a long change (a key rotation, an enrolment) how it is getting on, through
 * the contract's `progress` event, so the window is never silent while AWS or the MFA prompt takes its
 * time. Best effort: a window closed meanwhile is not told, and the change goes on without it.
 */
import type { WebContents } from 'electron';
import { ipcContract, type SettingsProgress } from '../../shared/ipc-contract';
import { send } from '../ipc/send';

export type Say = (message: string) => void;

export function taskProgress(page: Pick<WebContents, 'send' | 'isDestroyed'>, task: SettingsProgress['task'], name: string): Say {
  return (message) => {
    try {
      if (!page.isDestroyed()) send(page, ipcContract.settings.progress, { task, name, message });
    } catch {
      // Destroyed between the check and the send: nobody is left to tell.
    }
  };
}
