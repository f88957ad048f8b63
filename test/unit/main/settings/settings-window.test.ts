import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcContract } from '../../../../electron/shared/ipc-contract';
import { SettingsWindow } from '../../../../electron/main/settings/settings-window';
import { windowFiles } from '../../../../electron/main/windows/app-window';
import { until } from '../../../helpers/until';
import { BrowserWindow, resetFakeElectron } from '../../../fakes/fake-electron';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

const files = windowFiles('/opt/latchkey', 'settings');
const changes = (window: BrowserWindow | undefined) => window?.webContents.sent.filter(({ channel }) => channel === ipcContract.settings.changed.name) ?? [];
const places = (window: BrowserWindow | undefined) => window?.webContents.sent.filter(({ channel }) => channel === ipcContract.settings.show.name) ?? [];

describe('SettingsWindow', () => {
  beforeEach(resetFakeElectron);

  it('tells the open window, once its page has loaded, that something changed', async () => {
    const settings = new SettingsWindow(files, vi.fn());
    settings.changed();
    settings.open();
    // Still loading: it reads the view itself once loaded.
    settings.changed();
    const [window] = BrowserWindow.all;
    expect(changes(window)).toEqual([]);
    await until(() => window?.visible === true, 'the settings window to show');
    settings.changed();
    expect(changes(window)).toEqual([{ channel: 'latchkey:settings:changed', payload: {} }]);
  });

  it('tells no window once it is closed, by the person or by the app, and tells a reopened one', async () => {
    const settings = new SettingsWindow(files, vi.fn());
    settings.open();
    const [first] = BrowserWindow.all;
    await until(() => first?.visible === true, 'the settings window to show');
    first?.close();
    settings.changed();
    expect(changes(first)).toEqual([]);

    settings.open();
    const second = BrowserWindow.all[1];
    await until(() => second?.visible === true, 'the settings window to show again');
    settings.close();
    settings.changed();
    expect(changes(second)).toEqual([]);
    expect(settings.isOpen).toBe(false);
  });

  it('opened at an identity, tells the window where to go once its page has loaded, and again when it is already open', async () => {
    const settings = new SettingsWindow(files, vi.fn());
    settings.open({ identity: 'alice' });
    const window = BrowserWindow.all[0] as BrowserWindow;
    // Still loading: the page could not hear it yet.
    expect(places(window)).toEqual([]);
    await until(() => places(window).length === 1, 'the place to be sent');
    expect(window.webContents.url).toBe(files.page.href);
    expect(window.visible).toBe(true);
    expect(places(window)).toEqual([{ channel: 'latchkey:settings:show', payload: { identity: 'alice' } }]);

    // Already open (the person went to another app): brought forward and told, in the same window.
    window.focused = false;
    settings.open({ identity: 'bob' });
    await until(() => places(window).length === 2, 'the second place to be sent');
    expect(BrowserWindow.all).toEqual([window]);
    expect(window.focused).toBe(true);
    expect(places(window)[1]).toEqual({ channel: 'latchkey:settings:show', payload: { identity: 'bob' } });

    // Opened with no place (the tray's "Settings…"): brought forward, nothing sent; it stays where the person left it.
    window.focused = false;
    settings.open();
    await until(() => window.focused, 'the window to come forward');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(places(window)).toHaveLength(2);
  });

  it('sends only a place the contract accepts, and says why it could not', async () => {
    const failed = vi.fn();
    const settings = new SettingsWindow(files, failed);
    settings.open({ identity: 'not a name' });
    await until(() => failed.mock.calls.length === 1, 'the failure');
    expect(String(failed.mock.calls[0]?.[0])).toMatch(/name "not a name" is not allowed/);
    expect(places(BrowserWindow.all[0])).toEqual([]);
  });

  it('says why it could not open', async () => {
    BrowserWindow.failingPages.add(files.page.href);
    const failed = vi.fn();
    new SettingsWindow(files, failed).open();
    await until(() => failed.mock.calls.length === 1, 'the failure');
    expect(String(failed.mock.calls[0]?.[0])).toMatch(/ERR_HTTP_RESPONSE_CODE_FAILURE/);
  });
});
