/**
 * The browser opener with a fake launcher: each OS's way to its default browser, and a Chromium-family
 * browser found (on PATH, or where its installer puts it) for a profile folder, created private.
 */
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemOpener, type Launch } from '../../../../electron/core/console/browser-opener';
import { tempFolders } from '../../../helpers/temp-folders';

const temp = tempFolders();
const URL_ = 'https://signin.aws.amazon.com/federation?Action=login&SigninToken=abc&Destination=x%25y';

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
});
