import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configureProcess } from '../../../electron/core/sessions/configure-process';
import { KeychainSessionCache } from '../../../electron/core/sessions/keychain-session-cache';
import { SessionEngine } from '../../../electron/core/sessions/session-engine';
import { testRole } from '../../../electron/core/sessions/test-role';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import type { StsApi } from '../../../electron/core/sts/sts-api';
import { chainRegion, roleChain, sendsCodeOnAssumeRole, walkChain } from '../../../electron/shared/role-chain';
import { appSettings } from '../../fakes/app-settings';
import { FakeClock } from '../../fakes/fake-clock';
import { FakeMfaPrompt } from '../../fakes/fake-mfa-prompt';
import { FakeSts } from '../../fakes/fake-sts';
import { MemoryKeychain } from '../../fakes/memory-keychain';

const role = (name: string, source: string, extra: object = {}) => ({ name, roleArn: `arn:aws:iam::123456789012:role/${name}`, source, ...extra });

describe('walkChain and roleChain', () => {
  it('follow sources down to the identity', () => {
    const settings = appSettings();
    expect(roleChain(settings, 'audit')).toEqual({ identity: settings.identities[0], roles: [settings.roles[2], settings.roles[0]] });
    expect(roleChain(settings, 'bob')).toEqual({ identity: settings.identities[1], roles: [] });
  });

  it('stop at a loop a hand-edited file might hold, and say where it comes back', () => {
    const settings = appSettings((s) => s.roles?.push(role('a', 'b'), role('b', 'c'), role('c', 'a')));
    expect(walkChain(settings, 'a')).toMatchObject({ cycle: true, end: 'a' });
    expect(walkChain(settings, 'a').identity).toBeUndefined();
    expect(walkChain(settings, 'a').roles.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(() => roleChain(settings, 'a')).toThrow('role "a" comes back to role "a" through its sources: check the settings file');
  });

  it('stop at a missing source, and tell an unknown name from a broken chain', () => {
    const settings = appSettings((s) => s.roles?.push(role('orphan', 'gone')));
    expect(walkChain(settings, 'orphan')).toMatchObject({ cycle: false, end: 'gone' });
    expect(walkChain(settings, 'orphan').identity).toBeUndefined();
    expect(() => roleChain(settings, 'orphan')).toThrow('role "orphan" leads to "gone", which is neither an identity nor a role');
    expect(() => roleChain(settings, 'nobody')).toThrow('no identity or role is named "nobody"');
  });
});

describe('chainRegion', () => {
  it('takes the nearest region along the chain: the role, then the roles it is reached through, then the identity', () => {
    const settings = appSettings((s) => {
      s.identities![0]!.region = 'us-west-2';
      s.roles?.push(role('hub', 'alice', { region: 'eu-west-1' }), role('spoke', 'hub'), role('leaf', 'spoke', { region: 'ap-south-1' }));
    });
    expect(chainRegion(roleChain(settings, 'alice'))).toBe('us-west-2');
    expect(chainRegion(roleChain(settings, 'dev'))).toBe('us-west-2');
    expect(chainRegion(roleChain(settings, 'spoke'))).toBe('eu-west-1');
    expect(chainRegion(roleChain(settings, 'leaf'))).toBe('ap-south-1');
  });
});

describe('sendsCodeOnAssumeRole', () => {
  const preferences = { roleSessionSeconds: 3600 };
  it('sends the code on a chained role, a direct-MFA role and one longer than an MFA session allows; never without a device', () => {
    expect(sendsCodeOnAssumeRole({ ...role('r', 'alice'), directMfa: false, mfaDevice: 'phone' }, false, preferences)).toBe(false);
    expect(sendsCodeOnAssumeRole({ ...role('r', 'dev'), directMfa: false, mfaDevice: 'phone' }, true, preferences)).toBe(true);
    expect(sendsCodeOnAssumeRole({ ...role('r', 'alice'), directMfa: true, mfaDevice: 'phone' }, false, preferences)).toBe(true);
    expect(sendsCodeOnAssumeRole({ ...role('r', 'alice'), directMfa: false, mfaDevice: 'phone', durationSeconds: 7200 }, false, preferences)).toBe(true);
    expect(sendsCodeOnAssumeRole({ ...role('r', 'alice'), directMfa: false, mfaDevice: 'phone' }, false, { roleSessionSeconds: 7200 })).toBe(true);
    expect(sendsCodeOnAssumeRole({ ...role('r', 'dev'), directMfa: true }, true, preferences)).toBe(false);
  });
});

describe('a chained role whose region is set on the role it is reached through', () => {
  it('gets that region from every caller: the STS calls, the tools, credential_process and the settings test', async () => {
    const home = mkdtempSync(join(tmpdir(), 'latchkey-chain-'));
    mkdirSync(join(home, '.aws'));
    const clock = new FakeClock(Date.UTC(2026, 0, 1, 12));
    const fake = new FakeSts(clock);
    const alice = fake.addUser('alice');
    const hubArn = fake.addRole('hub');
    const leafArn = fake.addRole('leaf');
    const regions: string[] = [];
    const sts: StsApi = {
      getSessionToken: (input) => (regions.push(`GetSessionToken ${input.region}`), fake.getSessionToken(input)),
      assumeRole: (input) => (regions.push(`AssumeRole ${input.region}`), fake.assumeRole(input)),
      getCallerIdentity: (input) => (regions.push(`GetCallerIdentity ${input.region}`), fake.getCallerIdentity(input)),
    };
    const keychain = new MemoryKeychain();
    await keychain.set('identity', 'alice', alice.secretAccessKey);
    const settings = new SettingsStore(join(home, 'latchkey', 'settings.json'));
    await settings.update((s) => {
      s.identities.push({ name: 'alice', accessKeyId: alice.accessKeyId, region: 'us-west-2' });
      s.roles.push({ name: 'hub', roleArn: hubArn, source: 'alice', region: 'eu-west-1', directMfa: false });
      s.roles.push({ name: 'leaf', roleArn: leafArn, source: 'hub', directMfa: false });
    });
    const env = { HOME: home, AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'), AWS_CONFIG_FILE: join(home, '.aws', 'config') };
    const engine = new SessionEngine({
      settings, keychain, sts, clock, env,
      prompt: new FakeMfaPrompt(() => Promise.reject(new Error('no MFA here'))),
      cache: new KeychainSessionCache(keychain),
      runtimeFolder: mkdtempSync(join(tmpdir(), 'latchkey-run-')),
      notice: () => {},
    });

    const { region } = await engine.credentialsAndRegion('leaf', 'test');
    await configureProcess({ settings, env, notice: () => {} }, { name: 'leaf', profile: 'leaf', command: 'latchkey credential-process leaf', replace: false });
    const tested = await testRole({ engine, settings, sts, clock }, 'leaf');

    expect(region).toBe('eu-west-1');
    expect(readFileSync(env.AWS_CONFIG_FILE, 'utf8')).toContain('region = eu-west-1');
    expect(tested.arn).toContain('assumed-role/leaf/');
    // hub and leaf, then leaf again for the test (hub's session is cached).
    expect(regions).toEqual(['AssumeRole eu-west-1', 'AssumeRole eu-west-1', 'AssumeRole eu-west-1', 'GetCallerIdentity eu-west-1']);
  });
});
