/**
 * `latchkey preferences`, the built CLI in a HOME of its own: every preference as `name = value`, one
 * of them, or JSON; a change checked by the settings schema (the same words the settings window shows)
 * that touches only the preference it names; a wrong name or value changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliWorld, type CliWorld } from '../../helpers/latchkey-cli';

describe('latchkey preferences', () => {
  let world: CliWorld;
  const settingsFile = () => readFileSync(join(world.env.LATCHKEY_HOME as string, 'settings.json'), 'utf8');

  beforeAll(() => {
    world = cliWorld('http://127.0.0.1:9');
  });

  it('prints every preference, with its default before any is set', async () => {
    expect(await world.run(['preferences'])).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'active-target-profile = default',
        'reminder-lead-minutes = 10',
        'renewal-window-minutes = 15',
        'mfa-session-seconds = 43200',
        'role-session-seconds = 3600',
        'strip-expired-keys = false',
        'publish-roles-under-own-name = false',
        'launch-at-login = false',
        'key-age-days = 90',
        'console-browser-profiles = false',
        'console-firefox-containers = false',
        '',
      ].join('\n'),
    });
  });

  it('changes the one preference it names, and prints it; the others stay', async () => {
    expect(await world.run(['preferences', 'launch-at-login', 'true'])).toEqual({ code: 0, stderr: '', stdout: 'launch-at-login = true\n' });
    expect(await world.run(['preferences', 'role-session-seconds', '7200'])).toEqual({ code: 0, stderr: '', stdout: 'role-session-seconds = 7200\n' });
    expect(await world.run(['preferences', 'role-session-seconds'])).toEqual({ code: 0, stderr: '', stdout: '7200\n' });
    expect(JSON.parse((await world.run(['preferences', '--json'])).stdout)).toEqual({
      activeTargetProfile: 'default',
      reminderLeadMinutes: 10,
      renewalWindowMinutes: 15,
      mfaSessionSeconds: 43_200,
      roleSessionSeconds: 7_200,
      stripExpiredKeys: false,
      publishRolesUnderOwnName: false,
      launchAtLogin: true,
      keyAgeDays: 90,
      consoleBrowserProfiles: false,
      consoleFirefoxContainers: false,
    });
    expect(JSON.parse((await world.run(['preferences', 'launch-at-login', '--json'])).stdout)).toBe(true);
  });

  it('turns Firefox containers for the console on and shows it', async () => {
    expect(await world.run(['preferences', 'console-firefox-containers', 'true'])).toEqual({ code: 0, stderr: '', stdout: 'console-firefox-containers = true\n' });
    expect(await world.run(['preferences', 'console-firefox-containers'])).toEqual({ code: 0, stderr: '', stdout: 'true\n' });
    expect((await world.run(['preferences'])).stdout).toContain('\nconsole-browser-profiles = false\nconsole-firefox-containers = true\n');
    expect(JSON.parse(settingsFile()).preferences).toMatchObject({ consoleFirefoxContainers: true });
  });

  it.each([
    [['preferences', 'role-sesion-seconds', '7200'], 2, 'latchkey preferences: no preference is named "role-sesion-seconds"; did you mean "role-session-seconds"?'],
    [['preferences', 'role-session-seconds', '100'], 1, 'latchkey preferences: role-session-seconds: role duration must be a whole number of seconds from 900 to 43200 (got 100)'],
    [['preferences', 'mfa-session-seconds', '1h'], 1, 'latchkey preferences: mfa-session-seconds: give a whole number, not "1h"'],
    [['preferences', 'renewal-window-minutes', '10'], 1, 'latchkey preferences: renewal-window-minutes: renewal window (minutes) must be at least 15'],
    [['preferences', 'launch-at-login', 'yes'], 1, 'latchkey preferences: launch-at-login: give true or false, not "yes"'],
    [['preferences', 'console-firefox-containers', 'on'], 1, 'latchkey preferences: console-firefox-containers: give true or false, not "on"'],
    [['preferences', 'active-target-profile', 'a]b'], 1, 'latchkey preferences: active-target-profile: profile name "a]b" is not allowed'],
    [['preferences', 'a', 'b', 'c'], 2, 'latchkey preferences: unexpected argument "c"'],
  ])('%j exits %i saying why, and changes nothing', async (args, code, says) => {
    const before = settingsFile();
    const result = await world.run(args);
    expect(result).toMatchObject({ code, stdout: '' });
    expect(result.stderr.split('\n')[0]).toContain(says);
    expect(settingsFile()).toBe(before);
  });
});
