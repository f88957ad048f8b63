import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LoginItem } from '../../../../electron/main/app/login-item';
import { app, resetFakeElectron } from '../../../fakes/fake-electron';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autostartPath } from '../../../../electron/main/app/linux-autostart';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

describe('LoginItem', () => {
  beforeEach(resetFakeElectron);

  it('makes the OS login item follow the preference, touching it only on a change', async () => {
    const set = vi.spyOn(app, 'setLoginItemSettings');
    const item = new LoginItem({ platform: 'darwin', env: {}, executable: '/Applications/Latchkey.app/Contents/MacOS/Latchkey' });
    await item.follow(false);
    expect(set).not.toHaveBeenCalled();
    await item.follow(true);
    await item.follow(true);
    expect(set.mock.calls).toEqual([[{ openAtLogin: true }]]);
    await item.follow(false);
    expect(app.loginItem).toEqual({ openAtLogin: false });
  });

  it('on Linux writes and removes an XDG autostart entry instead', async () => {
    const set = vi.spyOn(app, 'setLoginItemSettings');
    set.mockClear();
    const env = { XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'latchkey-login-')) };
    const item = new LoginItem({ platform: 'linux', env, executable: '/opt/Latchkey/latchkey-app' });
    await item.follow(true);
    expect(readFileSync(autostartPath(env), 'utf8')).toContain('Exec="/opt/Latchkey/latchkey-app"');
    await item.follow(false);
    expect(existsSync(autostartPath(env))).toBe(false);
    expect(set).not.toHaveBeenCalled();
  });
});
