/**
 * The settings window stays true while it is open: whatever else changes the settings or sessions — the
 * CLI writing the settings file, the tray's own actions — main tells the window (`changed`), and a
 * preferences save from it changes only the fields it names, keeping what the tray changed meanwhile.
 * The app as composed for real (keychain, files, file watch), with Electron faked.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { settingsPath } from '../../../electron/core/settings/settings-path';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { ipcContract } from '../../../electron/shared/ipc-contract';
import { BrowserWindow, ipcMain } from '../../fakes/fake-electron';
import { keyring } from '../../helpers/components';
import { cliWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { describeWith } from '../../helpers/needs';
import { runTestApp, type RunningTestApp } from './running-app';

vi.mock('electron', () => import('../../fakes/fake-electron'));

const WAIT = { timeout: 20_000, interval: 20 };

describeWith([keyring], 'the settings window, live', () => {
  let world: CliWorld;
  let app: RunningTestApp;
  let window: BrowserWindow;
  const store = () => new SettingsStore(settingsPath(world.env));
  /** How many times main has told the window that something changed. */
  const changes = () => window.webContents.sent.filter(({ channel }) => channel === ipcContract.settings.changed.name).length;

  beforeAll(async () => {
    world = cliWorld('http://127.0.0.1:9');
    expect((await world.run(['identity', 'add', 'alice', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE'], { input: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' })).code).toBe(0);
    app = await runTestApp(world);
    (await app.menuShowing('Settings…')).click('Settings…');
    window = await vi.waitFor(() => {
      const open = BrowserWindow.all.find((candidate) => candidate.page?.endsWith('settings.html') && candidate.visible);
      if (!open) throw new Error('no settings window yet');
      return open;
    }, WAIT);
  }, 60_000);
  afterAll(async () => app?.quit());

  it('is told when the CLI changes the settings file', async () => {
    const before = changes();
    const added = await world.run(['role', 'add', 'dev', '--role-arn', 'arn:aws:iam::123456789012:role/dev', '--source', 'alice']);
    expect(added).toMatchObject({ code: 0 });
    await vi.waitFor(() => expect(changes()).toBeGreaterThan(before), WAIT);
    expect(window.webContents.sent.at(-1)).toEqual({ channel: ipcContract.settings.changed.name, payload: {} });
    await app.menuShowing('dev');
  });

  it('is told when a tray action changes the settings, and a save from it keeps that change', async () => {
    const before = changes();
    (await app.menuShowing('Launch at login')).click('Launch at login');
    await vi.waitFor(() => expect(changes()).toBeGreaterThan(before), WAIT);
    await vi.waitFor(async () => expect((await store().load()).preferences.launchAtLogin).toBe(true), WAIT);

    // The window saves only the field the person changed: "Launch at login" stays on.
    const view = (await ipcMain.invoke(ipcContract.settings.savePreferences.name, window.webContents.invokeEvent(), { preferences: { reminderLeadMinutes: 5 } })) as {
      preferences: { launchAtLogin: boolean; reminderLeadMinutes: number };
    };
    expect(view.preferences).toMatchObject({ launchAtLogin: true, reminderLeadMinutes: 5 });
    expect((await store().load()).preferences).toMatchObject({ launchAtLogin: true, reminderLeadMinutes: 5 });
  });

  it('once closed, is not told, while the tray still follows', async () => {
    window.close();
    const sent = window.webContents.sent.length;
    expect((await world.run(['role', 'add', 'ops', '--role-arn', 'arn:aws:iam::123456789012:role/ops', '--source', 'alice'])).code).toBe(0);
    await app.menuShowing('ops');
    expect(window.webContents.sent.length).toBe(sent);
  });
});
