import { describe, expect, it } from 'vitest';
import { reminderSessions, renewsSilently } from '../../../../electron/core/sessions/reminder-sessions';
import { appSettings } from '../../../fakes/app-settings';

const NOW = Date.UTC(2026, 0, 1, 12);
const MINUTE = 60_000;
const at = (minutes: number) => new Date(NOW + minutes * MINUTE);

describe('renewsSilently', () => {
  const mfaSession = (minutesLeft: number) => new Map([['alice', at(minutesLeft)]]);

  it('renews a role without MFA, and an identity without a device, silently', () => {
    const settings = appSettings();
    expect(renewsSilently(settings, 'ops', new Map(), NOW)).toBe(true);
    expect(renewsSilently(settings, 'bob', new Map(), NOW)).toBe(true);
    expect(renewsSilently(settings, 'build', new Map(), NOW)).toBe(true);
  });

  it('renews a role behind the MFA session silently while that session outlasts the renewal window', () => {
    const settings = appSettings();
    expect(renewsSilently(settings, 'dev', mfaSession(16), NOW)).toBe(true);
    expect(renewsSilently(settings, 'dev', mfaSession(15), NOW)).toBe(false);
    expect(renewsSilently(settings, 'dev', new Map(), NOW)).toBe(false);
  });

  it('needs the person for a code sent on AssumeRole itself, or for the MFA session itself', () => {
    const direct = appSettings((s) => Object.assign(s.roles?.[0] ?? {}, { directMfa: true }));
    const long = appSettings((s) => Object.assign(s.roles?.[0] ?? {}, { durationSeconds: 7200 }));
    expect(renewsSilently(direct, 'dev', mfaSession(600), NOW)).toBe(false);
    expect(renewsSilently(long, 'dev', mfaSession(600), NOW)).toBe(false);
    expect(renewsSilently(appSettings(), 'alice', mfaSession(600), NOW)).toBe(false);
  });

  it('counts every role of a chain', () => {
    expect(renewsSilently(appSettings(), 'audit', mfaSession(600), NOW)).toBe(true);
    const guarded = appSettings((s) => Object.assign(s.roles?.[2] ?? {}, { mfaDevice: 'phone' }));
    expect(renewsSilently(guarded, 'audit', mfaSession(600), NOW)).toBe(false);
  });

  it('renews anything silently whose device answers by itself (auto-MFA with a stored seed)', () => {
    const auto = appSettings((s) => Object.assign(s.mfaDevices?.[0] ?? {}, { hasSeed: true, autoMfa: true }));
    const seedOnly = appSettings((s) => Object.assign(s.mfaDevices?.[0] ?? {}, { hasSeed: true }));
    for (const name of ['alice', 'dev', 'audit']) expect(renewsSilently(auto, name, new Map(), NOW)).toBe(true);
    expect(renewsSilently(seedOnly, 'alice', new Map(), NOW)).toBe(false);
  });
});

describe('reminderSessions', () => {
  it('watches each published name once, at the earliest expiration written for it', () => {
    const published = [
      { profile: 'default', source: 'ops', expiration: at(50), active: true },
      { profile: 'ops', source: 'ops', expiration: at(20), active: false },
      { profile: 'dev', source: 'dev', expiration: at(40), active: false },
      { profile: 'empty', source: 'bob', active: false },
    ];
    expect(reminderSessions(appSettings(), published, new Map(), NOW)).toEqual([
      { name: 'ops', expiration: at(20), renewsSilently: true },
      { name: 'dev', expiration: at(40), renewsSilently: false },
    ]);
  });

  it('does not renew silently a session already inside the lead time, which would renew without end', () => {
    const published = [{ profile: 'default', source: 'ops', expiration: at(60), active: true }];
    const longLead = appSettings((s) => void (s.preferences = { reminderLeadMinutes: 60 }));
    expect(reminderSessions(longLead, published, new Map(), NOW)).toEqual([{ name: 'ops', expiration: at(60), renewsSilently: false }]);
    expect(reminderSessions(appSettings(), published, new Map(), NOW)).toEqual([{ name: 'ops', expiration: at(60), renewsSilently: true }]);
  });
});
