/** Linux: xdg-open (the desktop's choice of browser), and Chromium, Chrome or Firefox found on PATH. */
import type { PlatformBrowser } from './browser-opener';

export const linuxBrowser: PlatformBrowser = {
  defaultBrowser: (url) => ({ command: 'xdg-open', args: [url] }),
  chromiumCandidates: () => ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
  // Debian's own package names its command firefox-esr.
  firefoxCandidates: () => ['firefox', 'firefox-esr'],
};
