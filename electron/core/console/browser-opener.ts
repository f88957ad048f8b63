/**
 * Opening a URL in a browser, behind one interface so the CLI, the tray and tests each pass their own:
 * the person's default browser through the system's opener, or — for per-role browser profiles — a
 * Chromium-family browser (Chromium, Chrome) with `--user-data-dir` pointed at a profile folder, so two
 * accounts never share console cookies. What differs by OS is in browser-linux.ts, browser-mac.ts and
 * browser-windows.ts.
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

export type OpenedIn = 'default-browser' | 'browser-profile';

export interface BrowserOpener {
  /**
   * Opens `url`; with `profileFolder`, in a Chromium-family browser using that folder as its profile
   * when one is installed (else in the default browser, and says so by what it resolves to).
   */
  open(url: string, options?: { profileFolder?: string }): Promise<OpenedIn>;
}

/** A program and its arguments. */
export interface Launch {
  command: string;
  args: string[];
}

/** What one OS does: how its default browser opens a URL, and where a Chromium-family browser may be. */
export interface PlatformBrowser {
  defaultBrowser(url: string): Launch;
  /** Absolute paths, or names to find on PATH, most likely first. */
  chromiumCandidates(env: NodeJS.ProcessEnv): string[];
}

const PLATFORMS: Partial<Record<NodeJS.Platform, PlatformBrowser>> = { linux: linuxBrowser, darwin: macBrowser, win32: windowsBrowser };

/** Starts a program without waiting for it (a browser outlives the command); resolves once it started. */
export type Launcher = (launch: Launch) => Promise<void>;

export function systemOpener(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, launcher: Launcher = launchDetached): BrowserOpener {
  const browser = PLATFORMS[platform] ?? linuxBrowser;
  return {
    async open(url, options = {}) {
      const chromium = options.profileFolder === undefined ? undefined : await firstExecutable(browser.chromiumCandidates(env), env);
      if (chromium !== undefined && options.profileFolder !== undefined) {
        await mkdir(options.profileFolder, { recursive: true, mode: 0o700 });
        await launcher({ command: chromium, args: [`--user-data-dir=${options.profileFolder}`, '--no-first-run', '--no-default-browser-check', url] });
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
