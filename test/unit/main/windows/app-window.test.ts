import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppWindow, pageUrl, rendererFolder, windowFiles } from '../../../../electron/main/windows/app-window';
import { app, BrowserWindow, resetFakeElectron } from '../../../fakes/fake-electron';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

const files = windowFiles('/opt/latchkey', 'settings');

describe('AppWindow', () => {
  beforeEach(resetFakeElectron);

  it('addresses its page over app://, not file://, and finds its preload in the build', () => {
    expect({ page: files.page.href, preload: files.preload }).toEqual({ page: 'app://latchkey/settings.html', preload: '/opt/latchkey/dist/preload/settings.cjs' });
    expect(pageUrl(files).href).toBe('app://latchkey/settings.html');
    expect(rendererFolder('/opt/latchkey')).toBe('/opt/latchkey/dist/renderer');
  });

  it('opens a sandboxed, isolated window without Node, its page from app://, shown and focused once loaded', async () => {
    const window = (await new AppWindow(files, { width: 400, height: 300 }).open()) as unknown as BrowserWindow;
    expect(window.options).toMatchObject({
      width: 400,
      height: 300,
      show: false,
      webPreferences: { preload: files.preload, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
    });
    expect(window.page).toBe('app://latchkey/settings.html');
    expect(window.visible).toBe(true);
    // The person was elsewhere (a terminal asked for the code): the window takes the keyboard.
    expect(window.focused).toBe(true);
    expect(app.focusRequests).toBe(1);
  });

  it('can show a window without taking the focus from where the person types', async () => {
    const quiet = new AppWindow(files, {});
    const window = (await quiet.open({ focus: false })) as unknown as BrowserWindow;
    expect(window).toMatchObject({ visible: true, shownInactive: true, focused: false });
    expect(app.focusRequests).toBe(0);
    // Asked for the keyboard later, it takes it.
    await quiet.open();
    expect(window.focused).toBe(true);
  });

  it('keeps one window: opening again brings the same one forward', async () => {
    const settings = new AppWindow(files, {});
    const [first, second] = await Promise.all([settings.open(), settings.open()]);
    expect(second).toBe(first);
    expect(BrowserWindow.all).toHaveLength(1);
    expect(settings.isOpen).toBe(true);
  });

  it('tells apart the person closing the window from close()', async () => {
    const closedByPerson = vi.fn();
    const settings = new AppWindow(files, {}, closedByPerson);
    (await settings.open()).close();
    expect(closedByPerson).toHaveBeenCalledTimes(1);
    expect(settings.isOpen).toBe(false);

    await settings.open();
    settings.close();
    expect(closedByPerson).toHaveBeenCalledTimes(1);
    expect(BrowserWindow.all.map((window) => window.destroyed)).toEqual([true, true]);
  });

  it('drops a window whose page did not load, so the next open tries again', async () => {
    BrowserWindow.failingPages.add(files.page.href);
    const settings = new AppWindow(files, {});
    await expect(settings.open()).rejects.toThrow(/ERR_HTTP_RESPONSE_CODE_FAILURE/);
    expect(settings.isOpen).toBe(false);
    expect(BrowserWindow.all[0]?.destroyed).toBe(true);
    BrowserWindow.failingPages.clear();
    await settings.open();
    expect(BrowserWindow.all).toHaveLength(2);
  });
});
