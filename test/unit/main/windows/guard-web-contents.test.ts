import type { App } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppWindow, windowFiles } from '../../../../electron/main/windows/app-window';
import { guardWebContents } from '../../../../electron/main/windows/guard-web-contents';
import { app, type BrowserWindow, FakeWebContents, preventable, resetFakeElectron } from '../../../fakes/fake-electron';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

/** Every way a web contents could leave its page, refused or not. */
function attempts(contents: FakeWebContents) {
  const refused = (event: string, ...args: unknown[]) => {
    const attempt = preventable();
    contents.emit(event, attempt, ...args);
    return attempt.prevented;
  };
  return {
    navigate: refused('will-navigate', 'https://evil.example/'),
    redirect: refused('will-redirect', 'https://evil.example/'),
    attachWebview: refused('will-attach-webview', { preload: '/tmp/evil.js', nodeIntegration: true }, { src: 'https://evil.example/' }),
    openWindow: contents.windowOpenHandler?.({ url: 'https://evil.example/' }),
  };
}
const ALL_REFUSED = { navigate: true, redirect: true, attachWebview: true, openWindow: { action: 'deny' } };

describe('guardWebContents', () => {
  beforeEach(() => {
    resetFakeElectron();
    guardWebContents(app as unknown as App);
  });

  it('refuses navigation, redirects, webviews and new windows in any web contents Electron creates', () => {
    // Not one of our windows: a webview's or a devtools' contents, say.
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(attempts(contents)).toEqual(ALL_REFUSED);
  });

  it("guards the window factory's windows too, before their pages load", async () => {
    const window = (await new AppWindow(windowFiles('/opt/latchkey', 'settings'), {}).open()) as unknown as BrowserWindow;
    expect(attempts(window.webContents)).toEqual(ALL_REFUSED);
  });
});
