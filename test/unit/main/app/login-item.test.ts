import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LoginItem } from '../../../../electron/main/app/login-item';
import { app, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

describe('LoginItem', () => {
  beforeEach(resetFakeElectron);

  it('makes the OS login item follow the preference, touching it only on a change', () => {
    const set = vi.spyOn(app, 'setLoginItemSettings');
    const item = new LoginItem();
    item.follow(false);
    expect(set).not.toHaveBeenCalled();
    item.follow(true);
    item.follow(true);
    expect(set.mock.calls).toEqual([[{ openAtLogin: true }]]);
    item.follow(false);
    expect(app.loginItem).toEqual({ openAtLogin: false });
  });
});
