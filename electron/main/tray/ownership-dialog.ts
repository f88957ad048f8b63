/**
 * The app's side of the core's ownership refusals (profile-ownership): the choice the CLI offers with
 * --replace, asked in a native message box. A long-term key is never offered Replace, only the way
 * out: Import, which lives in the settings window. The box shows the core's message, which names the
 * profile and masks the key id; no secret reaches it.
 */
import { dialog } from 'electron';
import type { LatchkeyError } from '../../shared/errors';

export type OwnershipChoice = 'replace' | 'open-settings' | 'cancel';

/** Asks the person what to do when writing `name`'s session was refused ('not-owned' or 'long-term-key'). */
export interface OwnershipConfirm {
  ownership(error: LatchkeyError, name: string): Promise<OwnershipChoice>;
}

export const ownershipDialog: OwnershipConfirm = {
  async ownership(error, name) {
    const longTermKey = error.code === 'long-term-key';
    const choices: [label: string, choice: OwnershipChoice][] = longTermKey
      ? [
          ['Open Settings', 'open-settings'],
          ['Cancel', 'cancel'],
        ]
      : [
          ['Replace', 'replace'],
          ['Cancel', 'cancel'],
        ];
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: 'Latchkey',
      message: longTermKey
        ? `Switching to ${name} would overwrite a long-term access key. Import it from ~/.aws in Settings to keep it in the keychain, or choose another target profile.`
        : `Replace credentials Latchkey did not write, to switch to ${name}?`,
      detail: error.message,
      buttons: choices.map(([label]) => label),
      // Replacing destroys what another tool wrote: Enter and Escape must not do it.
      defaultId: longTermKey ? 0 : 1,
      cancelId: 1,
      noLink: true,
    });
    return choices[response]?.[1] ?? 'cancel';
  },
};
