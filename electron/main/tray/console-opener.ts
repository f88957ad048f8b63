/**
 * The app's browser opener for "Open console": Electron's shell.openExternal, which hands the URL to
 * the desktop's default browser, or, for a per-role browser profile or Firefox container, the core's own
 * opener (Electron cannot start a browser with a profile folder, or say which browser opens a URL). Either gets only the one-shot loopback redirect
 * (core/console/one-shot-redirect.ts), never the sign-in URL: shell.openExternal runs xdg-open with it
 * on Linux, where other users can read its argv.
 */
import { shell } from 'electron';
import type { BrowserOpener } from '../../core/console/browser-opener';

export function consoleOpener(withProfiles: BrowserOpener): BrowserOpener {
  return {
    async open(url, options = {}) {
      if (options.profileFolder !== undefined || options.container !== undefined) return withProfiles.open(url, options);
      await shell.openExternal(url);
      return 'default-browser';
    },
  };
}
