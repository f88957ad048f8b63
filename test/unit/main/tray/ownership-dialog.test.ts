import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageBoxOptions } from 'electron';
import { checkSessionTarget } from '../../../../electron/core/sessions/profile-ownership';
import { isLatchkeyError, type LatchkeyError } from '../../../../electron/shared/errors';
import { ownershipDialog } from '../../../../electron/main/tray/ownership-dialog';

const showMessageBox = vi.hoisted(() => vi.fn(async (_options: MessageBoxOptions) => ({ response: 0, checkboxChecked: false })));
vi.mock('electron', () => ({ dialog: { showMessageBox } }));

const PATHS = { credentials: '/home/a/.aws/credentials', config: '/home/a/.aws/config' };
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = 'FQoGZXIvYXdzEXAMPLESESSIONTOKEN';

/** The refusal the core itself gives for this profile, so the box is tested with its real message. */
function refusal(credentials: Record<string, string>): LatchkeyError {
  try {
    checkSessionTarget('default', { credentials }, { keys: false, process: false }, PATHS, false);
  } catch (error) {
    if (isLatchkeyError(error)) return error;
    throw error;
  }
  throw new Error('the core did not refuse');
}

const shown = (): MessageBoxOptions => {
  const [[options]] = showMessageBox.mock.calls as [[MessageBoxOptions]];
  return options;
};

describe('ownershipDialog', () => {
  beforeEach(() => showMessageBox.mockClear());

  it('offers Replace over credentials Latchkey did not write, with Cancel as the default and the escape', async () => {
    const error = refusal({ aws_access_key_id: 'ASIAFOREIGNEXAMPLE01', aws_secret_access_key: SECRET, aws_session_token: TOKEN });
    expect(error.code).toBe('not-owned');
    expect(await ownershipDialog.ownership(error, 'dev')).toBe('replace');
    expect(shown()).toMatchObject({ buttons: ['Replace', 'Cancel'], defaultId: 1, cancelId: 1, detail: error.message });
    expect(shown().message).toContain('dev');
    expect(JSON.stringify(shown())).not.toContain(SECRET);
    expect(JSON.stringify(shown())).not.toContain(TOKEN);

    showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await ownershipDialog.ownership(error, 'dev')).toBe('cancel');
  });

  it('never offers Replace over a long-term key, only the settings (where Import lives), and shows no part of the secret', async () => {
    const error = refusal({ aws_access_key_id: KEY_ID, aws_secret_access_key: SECRET });
    expect(error.code).toBe('long-term-key');
    expect(await ownershipDialog.ownership(error, 'dev')).toBe('open-settings');
    expect(shown()).toMatchObject({ buttons: ['Open Settings', 'Cancel'], cancelId: 1, detail: error.message });
    expect(shown().message).toMatch(/long-term access key.*Import/);
    const everything = JSON.stringify(shown());
    expect(everything).not.toContain(KEY_ID);
    for (let start = 0; start + 8 <= SECRET.length; start++) expect(everything).not.toContain(SECRET.slice(start, start + 8));

    showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await ownershipDialog.ownership(error, 'dev')).toBe('cancel');
  });
});
