/** macOS: `open` (the default browser), and Chrome or Chromium where their installers put them. */
import { join } from 'node:path';
import type { PlatformBrowser } from './browser-opener';

const APPS = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];

export const macBrowser: PlatformBrowser = {
  defaultBrowser: (url) => ({ command: 'open', args: [url] }),
  chromiumCandidates: (env) => [...APPS.map((app) => join('/Applications', app)), ...(env.HOME ? APPS.map((app) => join(env.HOME as string, 'Applications', app)) : [])],
};
