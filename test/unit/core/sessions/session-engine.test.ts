import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { KeychainSessionCache } from '../../../../electron/core/sessions/keychain-session-cache';
import { SessionEngine } from '../../../../electron/core/sessions/session-engine';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import type { MfaPromptRequest } from '../../../../electron/core/sts/mfa-prompt';
import { totpCode } from '../../../../electron/core/totp/totp-code';
import { FakeClock } from '../../../fakes/fake-clock';
import { FakeSts } from '../../../fakes/fake-sts';
import { FakeMfaPrompt } from '../../../fakes/fake-mfa-prompt';
import { MemoryKeychain } from '../../../fakes/memory-keychain';
import { tempFolders } from '../../../helpers/temp-folders';

const temp = tempFolders();

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const MINUTE = 60_000;

async function world(options: { stripExpiredKeys?: boolean; publishRolesUnderOwnName?: boolean } = {}) {
  const home = temp('engine');
  mkdirSync(join(home, '.aws'));
  const clock = new FakeClock(Date.UTC(2026, 0, 1, 12, 0, 5));
  const sts = new FakeSts(clock);
  const alice = sts.addUser('alice', { mfaSeed: SEED });
  const admin = sts.addRole('admin', { requireMfa: true });
  const readonly = sts.addRole('readonly', { requireMfa: true });
  const keychain = new MemoryKeychain();
  await keychain.set('identity', 'alice', alice.secretAccessKey);
  const settings = new SettingsStore(join(home, 'latchkey', 'settings.json'));
  await settings.update((s) => {
    s.identities.push({ name: 'alice', accessKeyId: alice.accessKeyId });
    s.mfaDevices.push({ name: 'phone', serial: alice.mfa?.serial ?? '', identity: 'alice', hasSeed: false, autoMfa: false });
    s.roles.push({ name: 'admin', roleArn: admin, source: 'alice', mfaDevice: 'phone', directMfa: false });
    s.roles.push({ name: 'readonly', roleArn: readonly, source: 'alice', mfaDevice: 'phone', directMfa: false });
    Object.assign(s.preferences, options);
  });
  const asked: MfaPromptRequest[] = [];
  const prompt = new FakeMfaPrompt((request) => {
    asked.push(request);
    return totpCode(SEED, clock.now()).code;
  });
  const notices: string[] = [];
  const env = { HOME: home, AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'), AWS_CONFIG_FILE: join(home, '.aws', 'config') };
  const engine = new SessionEngine({
    settings,
    keychain,
    sts,
    prompt,
    clock,
    cache: new KeychainSessionCache(keychain),
    runtimeFolder: temp('run'),
    env,
    notice: (message) => notices.push(message),
  });
  return { engine, sts, clock, asked, notices, env, keychain, settings };
}

describe('SessionEngine', () => {
  it('one MFA code serves two roles, and cached sessions make no STS call', async () => {
    const { engine, sts, asked } = await world();
    const admin = await engine.credentials('admin', 'test');
    const readonly = await engine.credentials('readonly', 'test');
    expect(admin.accessKeyId).not.toBe(readonly.accessKeyId);
    expect(asked).toHaveLength(1);
    expect(sts.calls).toEqual({ GetSessionToken: 1, AssumeRole: 2, GetCallerIdentity: 0 });
    expect(await engine.credentials('admin', 'test')).toEqual(admin);
    expect(sts.calls.AssumeRole).toBe(2);
  });

  it('gives a session with its region, the role’s own or its source’s, from one reading of the settings', async () => {
    const { engine, settings } = await world();
    await settings.update((s) => {
      s.identities[0]!.region = 'eu-west-1';
      s.roles[1]!.region = 'us-east-2';
    });
    const loads = vi.spyOn(settings, 'load');
    const admin = await engine.credentialsAndRegion('admin', 'test');
    expect(admin).toEqual({ session: await engine.credentials('admin', 'test'), region: 'eu-west-1' });
    expect((await engine.credentialsAndRegion('readonly', 'test')).region).toBe('us-east-2');
    expect(loads).toHaveBeenCalledTimes(3);
  });

  it('keeps the MFA session and role sessions only in the keychain', async () => {
    const { engine, keychain } = await world();
    await engine.credentials('admin', 'test');
    expect(await keychain.list('session')).toHaveLength(2);
  });

  it('renews a role session inside the renewal window from the cached MFA session, without a prompt', async () => {
    const { engine, sts, clock, asked } = await world();
    const first = await engine.credentials('admin', 'test');
    clock.advance(46 * MINUTE);
    const second = await engine.credentials('admin', 'test');
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(second.expiration.getTime() - clock.now()).toBeGreaterThan(15 * MINUTE);
    expect(asked).toHaveLength(1);
    expect(sts.calls).toMatchObject({ GetSessionToken: 1, AssumeRole: 2 });
  });

  it('publishes a session losslessly and tracks it; use writes the active target profile', async () => {
    const { engine, env } = await world();
    writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, '# mine\n[other]\naws_access_key_id = AKIAOTHER\n\n[admin]\naws_security_token = stale\nregion = eu-west-1\n', { flag: 'w' });
    // A stale token Latchkey did not write is replaced only when the person says so.
    await expect(engine.publish('admin')).rejects.toMatchObject({ code: 'not-owned' });
    const session = await engine.publish('admin', 'admin', { replace: true });
    const text = readFileSync(env.AWS_SHARED_CREDENTIALS_FILE, 'utf8');
    // What it replaced stays as a comment that unpublish puts back; every other byte is as it was.
    expect(text).toBe(
      [
        '# mine\n[other]\naws_access_key_id = AKIAOTHER\n\n[admin]',
        '# Replaced by Latchkey; `latchkey unpublish admin` puts these lines back:',
        '# aws_security_token = stale',
        `aws_access_key_id = ${session.accessKeyId}`,
        `aws_secret_access_key = ${session.secretAccessKey}`,
        `aws_session_token = ${session.sessionToken}`,
        `x_security_token_expires = ${session.expiration.toISOString().replace(/\.000Z$/, 'Z')}`,
        'region = eu-west-1\n',
      ].join('\n'),
    );

    await engine.use('readonly');
    const published = await engine.published();
    expect(published).toEqual([
      { profile: 'admin', source: 'admin', expiration: session.expiration, active: false },
      { profile: 'default', source: 'readonly', expiration: expect.any(Date), active: true },
    ]);
  });

  it('refuses, writing nothing, where [DEFAULT] holds an aws_security_token botocore would read first', async () => {
    const { engine, env } = await world();
    const text = '[DEFAULT]\naws_security_token = stale\n[other]\nregion = eu-west-1\n';
    writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, text);
    await expect(engine.publish('admin', 'admin', { replace: true })).rejects.toThrow(
      /its \[DEFAULT\] section holds aws_security_token, which Python AWS tools read in every profile before the session Latchkey writes/,
    );
    expect(readFileSync(env.AWS_SHARED_CREDENTIALS_FILE, 'utf8')).toBe(text);
  });

  it('refuses a read-only credentials file before any STS call or prompt, and leaves it as it was', async () => {
    const { engine, env, sts, asked } = await world();
    writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, '[other]\nregion = eu-west-1\n', { mode: 0o444 });
    await expect(engine.publish('admin')).rejects.toThrow(/credentials is read-only \(mode 0444\); Latchkey does not change its permissions/);
    expect(sts.calls).toMatchObject({ GetSessionToken: 0, AssumeRole: 0 });
    expect(asked).toHaveLength(0);
    expect(readFileSync(env.AWS_SHARED_CREDENTIALS_FILE, 'utf8')).toBe('[other]\nregion = eu-west-1\n');
  });

  it('use also publishes under the role’s own name when that preference is on', async () => {
    const { engine } = await world({ publishRolesUnderOwnName: true });
    await engine.use('admin');
    expect((await engine.published()).map((entry) => entry.profile)).toEqual(['default', 'admin']);
  });

  it('warns when the config file would shadow a published profile', async () => {
    const { engine, env, notices } = await world();
    writeFileSync(env.AWS_CONFIG_FILE, '[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/x\nsource_profile = base\n');
    await expect(engine.publish('admin')).rejects.toThrow(/profile "admin" gets its credentials from role_arn, source_profile in .*: choose another profile name, or pass --replace/);
    expect(existsSync(env.AWS_SHARED_CREDENTIALS_FILE)).toBe(false);
    await engine.publish('admin', 'admin', { replace: true });
    expect(notices.join('\n')).toMatch(/profile "admin" also has role_arn, source_profile/);
  });

  it('strips expired session keys only when the setting is on, and only from published profiles', async () => {
    for (const strip of [false, true]) {
      const { engine, env, clock } = await world({ stripExpiredKeys: strip });
      writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, '[keep]\naws_access_key_id = AKIAKEEP\n');
      await engine.publish('admin');
      clock.advance(61 * MINUTE);
      expect(await engine.stripExpired()).toEqual(strip ? ['admin'] : []);
      const text = readFileSync(env.AWS_SHARED_CREDENTIALS_FILE, 'utf8');
      expect(text).toContain('aws_access_key_id = AKIAKEEP');
      expect(text.includes('aws_session_token')).toBe(!strip);
    }
  });

  it('forget drops the cached session; renew replaces it', async () => {
    const { engine, sts } = await world();
    await engine.credentials('admin', 'test');
    expect(await engine.cachedExpiration('admin')).toBeInstanceOf(Date);
    await engine.forget('admin');
    expect(await engine.cachedExpiration('admin')).toBeUndefined();
    await engine.renew('admin', 'test');
    expect(sts.calls.AssumeRole).toBe(2);
  });

  it('an unknown name is a clear error and calls nothing', async () => {
    const { engine, sts } = await world();
    await expect(engine.credentials('nobody', 'test')).rejects.toThrow(/no identity or role is named "nobody"/);
    expect(sts.calls).toEqual({ GetSessionToken: 0, AssumeRole: 0, GetCallerIdentity: 0 });
  });
});
