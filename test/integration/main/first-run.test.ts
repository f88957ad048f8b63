/**
 * First run: with nothing configured, the tray menu says so and the settings window opens by itself on
 * its first step; with an identity configured, the app starts quietly in the tray.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { keyring } from '../../helpers/components';
import { cliWorld } from '../../helpers/latchkey-cli';
import { describeWith } from '../../helpers/needs';
import { BrowserWindow } from '../../fakes/fake-electron';
import { runTestApp, type RunningTestApp } from './running-app';

vi.mock('electron', () => import('../../fakes/fake-electron'));

const settingsWindows = () => BrowserWindow.all.filter((window) => window.page?.endsWith('settings.html') && window.visible && !window.destroyed);

describeWith([keyring], 'first run of the desktop app', () => {
  let app: RunningTestApp | undefined;
  afterEach(async () => {
    await app?.quit();
    app = undefined;
  });

  it('with nothing configured, says so in the tray and opens the settings window', async () => {
    app = await runTestApp(cliWorld('http://127.0.0.1:9'));
    const menu = await app.menuShowing('Nothing is configured yet');
    expect(JSON.stringify(menu.template)).toContain('Add your first identity…');
    await vi.waitFor(() => expect(settingsWindows()).toHaveLength(1), { timeout: 5_000 });
  });

  it('with an identity configured, starts in the tray without opening a window', async () => {
    const world = cliWorld('http://127.0.0.1:9');
    const added = await world.run(['identity', 'add', 'alice', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE'], { input: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    expect(added.code).toBe(0);
    app = await runTestApp(world);
    await app.menuShowing('alice');
    expect(settingsWindows()).toHaveLength(0);
  });
});
