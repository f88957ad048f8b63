/**
 * Opening a URL in a browser, behind one interface so the CLI, the tray and tests each pass their own:
 * the person's default browser through the system's opener, or — so two accounts never share console
 * cookies — a Chromium-family browser (Chromium, Chrome) with `--user-data-dir` pointed at a per-role
 * profile folder, or Firefox with an `ext+container:` URL, which the add-on "Open external links in a
 * container" opens in the container it names (creating it when there is none). What differs by OS is
 * in browser-linux.ts, browser-mac.ts and browser-windows.ts.
 *
 * The URL goes on the opener's command line (and stays in a browser's argv for its whole life), where
 * other users can read it: so it is never the sign-in URL itself, only the one-shot loopback redirect
 * to it (one-shot-redirect.ts, which open-console.ts puts in front of every opener).
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { access, constants, mkdir } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';
import { LatchkeyError } from '../../shared/errors';
import { linuxBrowser } from './browser-linux';
import { macBrowser } from './browser-mac';
import { windowsBrowser } from './browser-windows';

export type OpenedIn = 'default-browser' | 'browser-profile' | 'firefox-container';

/** Where a role's console should open apart from other accounts' (at most one is given). */
export interface OpenOptions {
  /** A Chromium-family browser with this folder as its profile. */
  profileFolder?: string;
  /** Firefox, in the container of this name. */
  container?: string;
}

export interface BrowserOpener {
  /**
   * Opens `url`; with an option, in the browser it asks for when one is installed (else in the default
   * browser, and says so by what it resolves to).
   */
  open(url: string, options?: OpenOptions): Promise<OpenedIn>;
}

/** A program and its arguments. */
export interface Launch {
  command: string;
  args: string[];
}

/** What one OS does: how its default browser opens a URL, and where Chromium-family browsers and Firefox may be. */
export interface PlatformBrowser {
  defaultBrowser(url: string): Launch;
  /** Absolute paths, or names to find on PATH, most likely first. */
  chromiumCandidates(env: NodeJS.ProcessEnv): string[];
  /** The same for Firefox. */
  firefoxCandidates(env: NodeJS.ProcessEnv): string[];
}

const PLATFORMS: Partial<Record<NodeJS.Platform, PlatformBrowser>> = { linux: linuxBrowser, darwin: macBrowser, win32: windowsBrowser };

/** Starts a program without waiting for it (a browser outlives the command); resolves once it started. */
export type Launcher = (launch: Launch) => Promise<void>;

export function systemOpener(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, launcher: Launcher = launchDetached): BrowserOpener {
  const browser = PLATFORMS[platform] ?? linuxBrowser;
  return {
    async open(url, options = {}) {
      const { profileFolder, container } = options;
      const firefox = container === undefined ? undefined : await firstExecutable(browser.firefoxCandidates(env), env);
      if (firefox !== undefined && container !== undefined) {
        await launcher({ command: firefox, args: [`ext+container:name=${encodeURIComponent(container)}&url=${encodeURIComponent(url)}`] });
        return 'firefox-container';
      }
      const chromium = profileFolder === undefined || container !== undefined ? undefined : await firstExecutable(browser.chromiumCandidates(env), env);
      if (chromium !== undefined && profileFolder !== undefined) {
        await mkdir(profileFolder, { recursive: true, mode: 0o700 });
        await launcher({ command: chromium, args: [`--user-data-dir=${profileFolder}`, '--no-first-run', '--no-default-browser-check', url] });
        return 'browser-profile';
      }
      await launcher(browser.defaultBrowser(url));
      return 'default-browser';
    },
  };
}

/** The first candidate that is an executable file: an absolute path as it is, a name on PATH. */
async function firstExecutable(candidates: string[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const folders = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const candidate of candidates)
    for (const path of isAbsolute(candidate) ? [candidate] : folders.map((folder) => join(folder, candidate)))
      if (await access(path, constants.X_OK).then(() => true, () => false)) return path;
  return undefined;
}

const DETACHED: SpawnOptions = { detached: true, stdio: 'ignore', windowsHide: true };

async function launchDetached({ command, args }: Launch): Promise<void> {
  const child = spawn(command, args, DETACHED);
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new LatchkeyError(
          'not-found',
          error.code === 'ENOENT' ? `${command} was not found, so no browser could be opened: install it, or print the URL instead` : `${command} could not be started (${error.code ?? error.message})`,
        ),
      ),
    );
  });
  child.unref();
}
