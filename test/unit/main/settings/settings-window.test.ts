import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcContract } from '../../../../electron/shared/ipc-contract';
import { SettingsWindow } from '../../../../electron/main/settings/settings-window';
import { windowFiles } from '../../../../electron/main/windows/app-window';
import { until } from '../../../helpers/until';
import { BrowserWindow, resetFakeElectron } from '../../../fakes/fake-electron';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

const files = windowFiles('/opt/latchkey', 'settings');
const changes = (window: BrowserWindow | undefined) => window?.webContents.sent.filter(({ channel }) => channel === ipcContract.settings.changed.name) ?? [];

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

  it('says why it could not open', async () => {
    BrowserWindow.failingPages.add(files.page.href);
    const failed = vi.fn();
    new SettingsWindow(files, failed).open();
    await until(() => failed.mock.calls.length === 1, 'the failure');
    expect(String(failed.mock.calls[0]?.[0])).toMatch(/ERR_HTTP_RESPONSE_CODE_FAILURE/);
  });
});
