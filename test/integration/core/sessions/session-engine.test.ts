/**
 * The session engine as the app and the agent run it — the real keychain, real files, the real SDK
 * against moto through a counting proxy — for what the CLI tests cannot show from outside a process:
 * sixteen concurrent requests inside one process, and STS faults that must leave the keychain, the
 * settings and the AWS files exactly as they were.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../../../electron/core/clock';
import { systemKeychain } from '../../../../electron/core/keychain/system-keychain';
import { KeychainSessionCache } from '../../../../electron/core/sessions/keychain-session-cache';
import { LayeredSessionCache } from '../../../../electron/core/sessions/layered-session-cache';
import { MemorySessionCache } from '../../../../electron/core/sessions/memory-session-cache';
import { SessionEngine } from '../../../../electron/core/sessions/session-engine';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import { lazyStsApi } from '../../../../electron/core/sts/lazy-sts-api';
import type { MfaPromptRequest } from '../../../../electron/core/sts/mfa-prompt';
import { keyring, moto as motoComponent } from '../../../helpers/components';
import { ACCOUNT, createRole, createUser, iamClient } from '../../../helpers/moto-iam';
import { startMoto, type Moto } from '../../../helpers/moto';
import { describeWith } from '../../../helpers/needs';
import { rejection } from '../../../helpers/rejection';
import { startStsProxy, type StsProxy } from '../../../helpers/sts-proxy';

describeWith([keyring, motoComponent], 'the session engine with the real keychain, files and STS', () => {
  let moto: Moto;
  let proxy: StsProxy;
  let home: string;
  let alice: { accessKeyId: string; secretAccessKey: string };
  const service = `latchkey-test-${randomUUID()}`;
  const keychain = systemKeychain({ service });
  const asked: MfaPromptRequest[] = [];

  function engine(): SessionEngine {
    return new SessionEngine({
      settings: new SettingsStore(join(home, 'latchkey', 'settings.json')),
      keychain,
      sts: lazyStsApi({ AWS_ENDPOINT_URL_STS: proxy.url }),
      // moto does not check codes; the unit tests with the fake STS do.
      prompt: { ask: async (request) => (asked.push(request), '123456') },
      clock: systemClock,
      cache: new LayeredSessionCache(new MemorySessionCache(), new KeychainSessionCache(keychain)),
      runtimeFolder: join(home, 'run'),
      env: { HOME: home, AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'), AWS_CONFIG_FILE: join(home, '.aws', 'config') },
      notice: () => undefined,
    });
  }

  /** Everything the engine may write: files under HOME and the keychain's entries with their values. */
  async function state() {
    const files: Record<string, string> = {};
    for (const folder of ['.aws', 'latchkey'])
      for (const name of readdirSync(join(home, folder))) files[`${folder}/${name}`] = readFileSync(join(home, folder, name), 'utf8');
    const secrets: Record<string, string | undefined> = {};
    for (const kind of ['identity', 'mfa-seed', 'session'] as const)
      for (const name of await keychain.list(kind)) secrets[`${kind}:${name}`] = await keychain.get(kind, name);
    return { files, secrets };
  }

  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startStsProxy(moto.url);
    const iam = iamClient(moto.url);
    alice = await createUser(iam, 'alice');
    for (const role of ['dev', 'ops']) await createRole(iam, role, ['alice']);
    home = mkdtempSync(join(tmpdir(), 'latchkey-engine-'));
    mkdirSync(join(home, '.aws'));
    mkdirSync(join(home, 'run'), { mode: 0o700 });
    writeFileSync(join(home, '.aws', 'credentials'), '# mine\n[other]\naws_access_key_id = AKIAOTHER\n');
    await keychain.set('identity', 'alice', alice.secretAccessKey);
    await new SettingsStore(join(home, 'latchkey', 'settings.json')).update((settings) => {
      settings.identities.push({ name: 'alice', accessKeyId: alice.accessKeyId });
      settings.mfaDevices.push({ name: 'phone', serial: `arn:aws:iam::${ACCOUNT}:mfa/alice`, identity: 'alice', hasSeed: false, autoMfa: false });
      for (const role of ['dev', 'ops'])
        settings.roles.push({ name: role, roleArn: `arn:aws:iam::${ACCOUNT}:role/${role}`, source: 'alice', mfaDevice: 'phone', directMfa: false });
    });
  }, 60_000);
  afterEach(() => proxy.behave());
  afterAll(async () => {
    for (const kind of ['identity', 'mfa-seed', 'session'] as const) for (const name of await keychain.list(kind)) await keychain.delete(kind, name);
    await proxy?.stop();
    await moto?.stop();
  });

  it('16 concurrent requests in one process: one GetSessionToken, one AssumeRole, one MFA prompt, one session for all', async () => {
    const shared = engine();
    const sessions = await Promise.all(Array.from({ length: 16 }, () => shared.credentials('dev', 'test')));
    expect(new Set(sessions.map((session) => session.sessionToken)).size).toBe(1);
    expect(proxy.count('GetSessionToken')).toBe(1);
    expect(proxy.count('AssumeRole')).toBe(1);
    expect(asked).toHaveLength(1);
  });

  it.each([
    ['server-error', /STS did not answer AssumeRole after 3 attempts \(HTTP 500\)/],
    ['throttle', /STS is throttling requests and did not answer AssumeRole after 3 attempts/],
    ['hang', /STS did not answer AssumeRole after 3 attempts \(timed out\)/],
  ] as const)('STS %s: a clear error, and keychain, settings and files exactly as they were', async (fault, message) => {
    await engine().publish('dev', 'dev'); // a published profile and cached sessions to keep
    const before = await state();
    proxy.misbehave(fault);
    const started = Date.now();
    const error = await rejection(engine().publish('ops', 'ops'));
    expect(error.message).toMatch(message);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await state()).toEqual(before);
  }, 30_000);
});
