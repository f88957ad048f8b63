/**
 * The rules for every web contents the app ever has, applied the moment Electron creates it: the
 * windows AppWindow makes, and anything else (a <webview>, a devtools or popup contents) a bug or a
 * page might bring about. Our pages never navigate, redirect, open windows or embed webviews, so
 * whatever tries is not ours and is refused. Installed before the app is ready, so nothing escapes it.
 */
import type { App, WebContents } from 'electron';

interface Refusable {
  preventDefault(): void;
}
const refuse = (event: Refusable): void => event.preventDefault();

export function guardWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => guard(contents));
}

function guard(contents: WebContents): void {
  // A page's own navigation (AppWindow's loadURL raises no will-navigate); app:// never redirects.
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
