/**
 * Windows: the default browser through the URL protocol handler, what `start` does, but without cmd.exe,
 * which would read the URL's `&` as a command separator and its `%…%` as variables; and Chrome or
 * Chromium where their installers put them.
 */
import { win32 } from 'node:path';
import type { PlatformBrowser } from './browser-opener';

export const windowsBrowser: PlatformBrowser = {
  defaultBrowser: (url) => ({ command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] }),
  chromiumCandidates: (env) =>
    [
      [env.ProgramFiles, 'Google\\Chrome\\Application\\chrome.exe'],
      [env['ProgramFiles(x86)'], 'Google\\Chrome\\Application\\chrome.exe'],
      [env.LOCALAPPDATA, 'Google\\Chrome\\Application\\chrome.exe'],
      [env.LOCALAPPDATA, 'Chromium\\Application\\chrome.exe'],
    ].flatMap(([folder, path]) => (folder ? [win32.join(folder, path as string)] : [])),
};
