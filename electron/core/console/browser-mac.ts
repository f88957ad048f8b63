/** macOS: `open` (the default browser), and Chrome, Chromium or Firefox where their installers put them. */
import { join } from 'node:path';
import type { PlatformBrowser } from './browser-opener';

const CHROMIUM_APPS = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];
const FIREFOX_APPS = ['Firefox.app/Contents/MacOS/firefox'];

/** Each app in /Applications, then in the person's own ~/Applications. */
const inApplications = (apps: string[], env: NodeJS.ProcessEnv): string[] => [
  ...apps.map((app) => join('/Applications', app)),
  ...(env.HOME ? apps.map((app) => join(env.HOME as string, 'Applications', app)) : []),
];

export const macBrowser: PlatformBrowser = {
  defaultBrowser: (url) => ({ command: 'open', args: [url] }),
  chromiumCandidates: (env) => inApplications(CHROMIUM_APPS, env),
  firefoxCandidates: (env) => inApplications(FIREFOX_APPS, env),
};
