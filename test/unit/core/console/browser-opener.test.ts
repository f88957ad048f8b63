/**
 * The browser opener with a fake launcher: each OS's way to its default browser, a Chromium-family
 * browser found (on PATH, or where its installer puts it) for a profile folder, created private, and
 * Firefox found the same way for a container, given one ext+container: URL that holds only the URL.
 */
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemOpener, type Launch } from '../../../../electron/core/console/browser-opener';
import { linuxBrowser } from '../../../../electron/core/console/browser-linux';
import { macBrowser } from '../../../../electron/core/console/browser-mac';
import { windowsBrowser } from '../../../../electron/core/console/browser-windows';
import { tempFolders } from '../../../helpers/temp-folders';

const temp = tempFolders();
const URL_ = 'https://signin.aws.amazon.com/federation?Action=login&SigninToken=abc&Destination=x%25y';
const REDIRECT = 'http://127.0.0.1:41234/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function launcher() {
  const launched: Launch[] = [];
  return { launched, launch: async (launch: Launch) => void launched.push(launch) };
}

/** A folder on PATH with an executable `name` in it. */
function onPath(name: string): string {
  const folder = temp('bin');
  writeFileSync(join(folder, name), '#!/bin/sh\n');
  chmodSync(join(folder, name), 0o755);
  return folder;
}

describe('systemOpener', () => {
  it.each([
    ['linux', { command: 'xdg-open', args: [URL_] }],
    ['darwin', { command: 'open', args: [URL_] }],
    // Not through cmd.exe, which would split the URL at & and expand %…%.
    ['win32', { command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', URL_] }],
  ] as const)('on %s opens the default browser with the URL as one argument', async (platform, expected) => {
    const { launched, launch } = launcher();
    expect(await systemOpener({ PATH: '' }, platform, launch).open(URL_)).toBe('default-browser');
    expect(launched).toEqual([expected]);
  });

  it('with a profile folder, runs Chromium from PATH with its own --user-data-dir, created 0700', async () => {
    const { launched, launch } = launcher();
    const bin = onPath('chromium');
    const profile = join(temp('profiles'), 'browser-profiles', 'dev');
    expect(await systemOpener({ PATH: bin }, 'linux', launch).open(URL_, { profileFolder: profile })).toBe('browser-profile');
    expect(launched).toEqual([{ command: join(bin, 'chromium'), args: [`--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', URL_] }]);
    expect(statSync(profile).mode & 0o777).toBe(0o700);
  });

  it('takes Chrome on Linux when there is no Chromium; without either it falls back to the default browser', async () => {
    const { launched, launch } = launcher();
    const bin = onPath('google-chrome');
    await systemOpener({ PATH: bin }, 'linux', launch).open(URL_, { profileFolder: temp('p') });
    expect(launched[0]?.command).toBe(join(bin, 'google-chrome'));
    expect(await systemOpener({ PATH: temp('empty') }, 'linux', launch).open(URL_, { profileFolder: temp('p') })).toBe('default-browser');
    expect(launched[1]).toEqual({ command: 'xdg-open', args: [URL_] });
  });

  it('looks where the installers put Chrome on macOS and Windows', async () => {
    const home = temp('home');
    const app = join(home, 'Applications', 'Google Chrome.app', 'Contents', 'MacOS');
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, 'Google Chrome'), '');
    chmodSync(join(app, 'Google Chrome'), 0o755);
    const { launched, launch } = launcher();
    expect(await systemOpener({ HOME: home }, 'darwin', launch).open(URL_, { profileFolder: temp('p') })).toBe('browser-profile');
    expect(launched[0]?.command).toBe(join(app, 'Google Chrome'));
  });

  it('with a container, runs Firefox from PATH with one ext+container: argument that holds only the URL, encoded', async () => {
    const { launched, launch } = launcher();
    const bin = onPath('firefox');
    expect(await systemOpener({ PATH: bin }, 'linux', launch).open(REDIRECT, { container: 'prod.admin@eu' })).toBe('firefox-container');
    expect(launched).toEqual([{ command: join(bin, 'firefox'), args: ['ext+container:name=prod.admin%40eu&url=http%3A%2F%2F127.0.0.1%3A41234%2FAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] }]);
    const target = new URL(launched[0]?.args[0] ?? '');
    expect(target.protocol).toBe('ext+container:');
    expect(Object.fromEntries(new URLSearchParams(target.pathname))).toEqual({ name: 'prod.admin@eu', url: REDIRECT });
  });

  it('a container wins over a profile folder; without Firefox it falls back to the default browser, not to Chromium', async () => {
    const { launched, launch } = launcher();
    const bin = onPath('firefox-esr');
    const chromium = onPath('chromium');
    const env = { PATH: [bin, chromium].join(delimiter) };
    expect(await systemOpener(env, 'linux', launch).open(REDIRECT, { container: 'dev', profileFolder: temp('p') })).toBe('firefox-container');
    expect(launched[0]?.command).toBe(join(bin, 'firefox-esr'));
    expect(await systemOpener({ PATH: chromium }, 'linux', launch).open(REDIRECT, { container: 'dev' })).toBe('default-browser');
    expect(launched[1]).toEqual({ command: 'xdg-open', args: [REDIRECT] });
  });

  it('looks where the installer puts Firefox on macOS', async () => {
    const home = temp('home');
    const app = join(home, 'Applications', 'Firefox.app', 'Contents', 'MacOS');
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, 'firefox'), '');
    chmodSync(join(app, 'firefox'), 0o755);
    const { launched, launch } = launcher();
    expect(await systemOpener({ HOME: home }, 'darwin', launch).open(REDIRECT, { container: 'dev' })).toBe('firefox-container');
    expect(launched).toEqual([{ command: join(app, 'firefox'), args: [`ext+container:name=dev&url=${encodeURIComponent(REDIRECT)}`] }]);
  });

  it.each([
    ['linux', linuxBrowser, {}, ['firefox', 'firefox-esr']],
    ['macOS', macBrowser, { HOME: '/Users/a' }, ['/Applications/Firefox.app/Contents/MacOS/firefox', '/Users/a/Applications/Firefox.app/Contents/MacOS/firefox']],
    [
      'Windows',
      windowsBrowser,
      { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' },
      ['C:\\Program Files\\Mozilla Firefox\\firefox.exe', 'C:\\Program Files (x86)\\Mozilla Firefox\\firefox.exe'],
    ],
    ['Windows without Program Files', windowsBrowser, {}, []],
  ] as const)('Firefox candidates on %s', (_os, browser, env, expected) => {
    expect(browser.firefoxCandidates(env)).toEqual(expected);
  });
});
