import { describe, expect, it } from 'vitest';
import { LatchkeyError } from '../../../../electron/shared/errors';
import type { Settings } from '../../../../electron/shared/model';
import type { PublishedStatus } from '../../../../electron/core/sessions/session-engine';
import { totpCode } from '../../../../electron/core/totp/totp-code';
import { gatherAppState } from '../../../../electron/main/app/app-state';
import { FakeClock } from '../../../fakes/fake-clock';
import { MemoryKeychain } from '../../../fakes/memory-keychain';
import { appSettings, settingsStore } from '../../../fakes/app-settings';
import { GrantsHeld } from '../../../../electron/core/broker/endpoint-grants-held';

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const MINUTE = 60_000;

async function sources(settings: Settings, options: { cached?: Record<string, number>; published?: PublishedStatus[]; keychainFails?: boolean } = {}) {
  const clock = new FakeClock();
  const keychain = new MemoryKeychain();
  const at = (minutes: number) => new Date(clock.now() + minutes * MINUTE);
  const engine = {
    cachedSessions: async () => {
      if (options.keychainFails) throw new LatchkeyError('keychain-locked', 'the keychain is locked: unlock it and try again');
      return Object.entries(options.cached ?? {}).map(([name, minutes]) => ({ name, expiration: at(minutes) }));
    },
    published: async () => options.published ?? [],
  };
  return { clock, keychain, at, deps: { settings: await settingsStore(settings), engine, keychain, clock, grants: new GrantsHeld(() => new Date(clock.now())) } };
}

describe('gatherAppState', () => {
  it("lists each identity with the roles that come from it, through chains, and the user's name from its ARN", async () => {
    const { deps } = await sources(appSettings());
    const { tray } = await gatherAppState(deps);
    expect(tray.identities).toEqual([
      { name: 'alice', userName: 'alice.smith', accountId: '123456789012', roles: ['dev', 'ops', 'audit'], mfaCodes: [] },
      { name: 'bob', roles: ['build'], mfaCodes: [] },
    ]);
    expect(tray).toMatchObject({ reminderLeadMinutes: 10, launchAtLogin: false, expirations: {} });
    expect(tray.active).toBeUndefined();
  });

  it('takes the active session from the active target profile, and expirations from the cache, else the profiles', async () => {
    const published: PublishedStatus[] = [];
    const { deps, at } = await sources(appSettings(), { cached: { dev: 50, alice: 700 }, published });
    published.push(
      { profile: 'default', source: 'dev', expiration: at(40), active: true },
      { profile: 'ops', source: 'ops', expiration: at(30), active: false },
    );
    const { tray, reminders } = await gatherAppState(deps);
    expect(tray.active).toEqual({ name: 'dev', expiration: at(40) });
    expect(tray.expirations).toEqual({ dev: at(50), alice: at(700), ops: at(30) });
    expect(reminders).toEqual([
      { name: 'dev', expiration: at(40), renewsSilently: true },
      { name: 'ops', expiration: at(30), renewsSilently: true },
    ]);
  });

  it("shows the current code of each device with a stored seed under its identity", async () => {
    const settings = appSettings((s) => Object.assign(s.mfaDevices?.[0] ?? {}, { hasSeed: true }));
    const { deps, keychain, clock } = await sources(settings);
    await keychain.set('mfa-seed', 'phone', SEED);
    const { tray } = await gatherAppState(deps);
    const { code, secondsLeft } = totpCode(SEED, clock.now());
    expect(tray.identities[0]?.mfaCodes).toEqual([{ device: 'phone', code, secondsLeft }]);
    expect(tray.identities[1]?.mfaCodes).toEqual([]);
  });

  it('keeps the menu usable when the keychain cannot answer or a seed is missing, and says what went wrong', async () => {
    const settings = appSettings((s) => Object.assign(s.mfaDevices?.[0] ?? {}, { hasSeed: true }));
    const { deps } = await sources(settings, { keychainFails: true });
    const { tray, problems } = await gatherAppState(deps);
    expect(tray.identities.map((identity) => identity.roles)).toEqual([['dev', 'ops', 'audit'], ['build']]);
    expect(problems).toEqual([
      'the keychain is locked: unlock it and try again',
      'MFA device "phone" has no stored seed: store its seed first, or read the code from the device',
    ]);
  });
});
