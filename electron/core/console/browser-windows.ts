/**
 * Windows: the default browser through the URL protocol handler, what `start` does, but without cmd.exe,
 * which would read the URL's `&` as a command separator and its `%…%` as variables; and Chrome,
 * Chromium or Firefox where their installers put them.
 */
import { win32 } from 'node:path';
import type { PlatformBrowser } from './browser-opener';

/** Each path under its folder, leaving out a folder the environment does not name. */
const under = (places: [folder: string | undefined, path: string][]): string[] => places.flatMap(([folder, path]) => (folder ? [win32.join(folder, path)] : []));

export const windowsBrowser: PlatformBrowser = {
  defaultBrowser: (url) => ({ command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] }),
  chromiumCandidates: (env) =>
    under([
      [env.ProgramFiles, 'Google\\Chrome\\Application\\chrome.exe'],
      [env['ProgramFiles(x86)'], 'Google\\Chrome\\Application\\chrome.exe'],
      [env.LOCALAPPDATA, 'Google\\Chrome\\Application\\chrome.exe'],
      [env.LOCALAPPDATA, 'Chromium\\Application\\chrome.exe'],
    ]),
  firefoxCandidates: (env) =>
    under([
      [env.ProgramFiles, 'Mozilla Firefox\\firefox.exe'],
      [env['ProgramFiles(x86)'], 'Mozilla Firefox\\firefox.exe'],
    ]),
};
