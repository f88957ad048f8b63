/**
 * The app's opener for "Open console": the default browser through Electron's shell.openExternal, and
 * a per-role browser profile or Firefox container through the core's opener, which can start the browser it needs.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserOpener } from '../../../../electron/core/console/browser-opener';
import { consoleOpener } from '../../../../electron/main/tray/console-opener';
import { resetFakeElectron, shell } from '../../../fakes/fake-electron';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

const REDIRECT = 'http://127.0.0.1:41234/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

describe('consoleOpener', () => {
  beforeEach(() => resetFakeElectron());

  const profiles = () => {
    const open = vi.fn<BrowserOpener['open']>(async () => 'browser-profile');
    return { open };
  };

  it('hands the URL to the default browser through shell.openExternal', async () => {
    const withProfiles = profiles();
    expect(await consoleOpener(withProfiles).open(REDIRECT)).toBe('default-browser');
    expect(shell.opened).toEqual([REDIRECT]);
    expect(withProfiles.open).not.toHaveBeenCalled();
  });

  it("leaves a per-role browser profile to the core's opener", async () => {
    const withProfiles = profiles();
    expect(await consoleOpener(withProfiles).open(REDIRECT, { profileFolder: '/home/a/.config/latchkey/browser-profiles/dev' })).toBe('browser-profile');
    expect(withProfiles.open).toHaveBeenCalledWith(REDIRECT, { profileFolder: '/home/a/.config/latchkey/browser-profiles/dev' });
    expect(shell.opened).toEqual([]);
  });

  it("leaves a per-role Firefox container to the core's opener", async () => {
    const withProfiles = profiles();
    withProfiles.open.mockResolvedValueOnce('firefox-container');
    expect(await consoleOpener(withProfiles).open(REDIRECT, { container: 'dev' })).toBe('firefox-container');
    expect(withProfiles.open).toHaveBeenCalledWith(REDIRECT, { container: 'dev' });
    expect(shell.opened).toEqual([]);
  });
});
