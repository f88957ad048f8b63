import { describe, expect, it } from 'vitest';
import { checkSettings } from '../../../../electron/core/settings/check-settings';

const identity = { name: 'alice', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' };

describe('checkSettings', () => {
  it('fills in defaults for a minimal file', () => {
    expect(checkSettings({ schemaVersion: 1 })).toEqual({
      settings: {
        schemaVersion: 1,
        identities: [],
        mfaDevices: [],
        roles: [],
        preferences: {
          activeTargetProfile: 'default',
          reminderLeadMinutes: 10,
          renewalWindowMinutes: 15,
          mfaSessionSeconds: 43_200,
          roleSessionSeconds: 3_600,
          stripExpiredKeys: false,
          publishRolesUnderOwnName: false,
          launchAtLogin: false,
          keyAgeDays: 90,
          consoleBrowserProfiles: false,
          consoleFirefoxContainers: false,
        },
        published: [],
        processProfiles: [],
      },
    });
  });

  it('names the field path and gives the shared validator message', () => {
    const { problems } = checkSettings({ schemaVersion: 1, identities: [identity, { ...identity, name: 'bob', accessKeyId: 'ASIA1234' }] });
    expect(problems).toEqual([expect.stringMatching(/^identities\[1\]\.accessKeyId: access key id must be a long-term key id/)]);
    expect(checkSettings({ schemaVersion: 1, preferences: { reminderLeadMinutes: 0 } }).problems).toEqual([
      expect.stringMatching(/^preferences\.reminderLeadMinutes: /),
    ]);
  });

  it('refuses unknown keys everywhere, so a secret can never be stored by mistake', () => {
    const withSecret = { ...identity, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
    const { problems } = checkSettings({ schemaVersion: 1, identities: [withSecret] });
    expect(problems).toEqual(['identities[0]: unknown key "secretAccessKey"']);
    expect(problems?.join()).not.toContain('wJalr');
    // The schema stops at the first key it does not know in an object.
    expect(checkSettings({ schemaVersion: 1, seed: 'x', other: 1 }).problems).toEqual(['unknown key "seed"']);
    expect(checkSettings({ schemaVersion: 1, preferences: { theme: 'dark' } }).problems).toEqual(['preferences: unknown key "theme"']);
    expect(checkSettings({ schemaVersion: 1, published: [{ profile: 'p', source: 'alice', token: 'x' }] }).problems).toEqual([
      'published[0]: unknown key "token"',
    ]);
  });

  it('requires schema version 1', () => {
    expect(checkSettings({}).problems).toEqual([expect.stringMatching(/^schemaVersion: /)]);
    expect(checkSettings({ schemaVersion: 0 }).problems).toEqual([expect.stringMatching(/^schemaVersion: /)]);
    expect(checkSettings([]).problems).toHaveLength(1);
  });

  it('checks integrity once the schema holds', () => {
    expect(checkSettings({ schemaVersion: 1, identities: [identity, identity] }).problems).toEqual([
      '"alice" is the name of 2 identities: identities and roles each need a name of their own',
    ]);
  });
});
