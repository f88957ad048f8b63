/**
 * The session engine as the app and the agent run it — the real keychain, real files, the real SDK
 * against moto through a counting proxy — for what the CLI tests cannot show from outside a process:
 * sixteen concurrent requests inside one process, and STS faults that must leave the keychain, the
 * settings and the AWS files exactly as they were.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { KeychainSessionCache } from '../../../../electron/core/sessions/keychain-session-cache';
import { LayeredSessionCache } from '../../../../electron/core/sessions/layered-session-cache';
import { MemorySessionCache } from '../../../../electron/core/sessions/memory-session-cache';
import { keyring, moto as motoComponent } from '../../../helpers/components';
import { engineWorld, type EngineWorld } from '../../../helpers/engine-world';
import { mfaSerial, roleArn } from '../../../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../../../helpers/moto-world';
import { describeWith } from '../../../helpers/needs';
import { rejection } from '../../../helpers/rejection';
import { startStsProxy, type StsProxy } from '../../../helpers/sts-proxy';
import { tempFolders } from '../../../helpers/temp-folders';

describeWith([keyring, motoComponent], 'the session engine with the real keychain, files and STS', () => {
  const temp = tempFolders();
  let moto: MotoWorld;
  let proxy: StsProxy;
  let world: EngineWorld;
  const engine = () => world.engine();

  /** Everything the engine may write: files under HOME and the keychain's entries with their values. */
  async function state() {
    const files: Record<string, string> = {};
    for (const folder of ['.aws', 'latchkey'])
      for (const name of readdirSync(join(world.home, folder))) files[`${folder}/${name}`] = readFileSync(join(world.home, folder, name), 'utf8');
    const secrets: Record<string, string | undefined> = {};
    for (const kind of ['identity', 'mfa-seed', 'session'] as const)
      for (const name of await world.keychain.list(kind)) secrets[`${kind}:${name}`] = await world.keychain.get(kind, name);
    return { files, secrets };
  }

  beforeAll(async () => {
    moto = await startMotoWorld({ roles: ['dev', 'ops'] });
    proxy = await startStsProxy(moto.url);
    const role = (name: string) => ({ name, roleArn: roleArn(name), source: 'alice', mfaDevice: 'phone', directMfa: false });
    world = await engineWorld(temp('engine'), {
      identities: [{ name: 'alice', accessKeyId: moto.alice.accessKeyId }],
      mfaDevices: [{ name: 'phone', serial: mfaSerial('alice'), identity: 'alice', hasSeed: false, autoMfa: false }],
      roles: [role('dev'), role('ops')],
      secrets: { alice: moto.alice.secretAccessKey },
      env: { AWS_ENDPOINT_URL_STS: proxy.url },
      // As the app and the agent run it: memory in front of the keychain.
      cache: (keychain) => new LayeredSessionCache(new MemorySessionCache(), new KeychainSessionCache(keychain)),
    });
    writeFileSync(join(world.home, '.aws', 'credentials'), '# mine\n[other]\naws_access_key_id = AKIAOTHER\n');
  }, 60_000);
  afterEach(() => proxy.behave());
  afterAll(async () => {
    await world?.clear();
    await proxy?.stop();
    await moto?.stop();
  });

  it('16 concurrent requests in one process: one GetSessionToken, one AssumeRole, one MFA prompt, one session for all', async () => {
    const shared = engine();
    const sessions = await Promise.all(Array.from({ length: 16 }, () => shared.credentials('dev', 'test')));
    expect(new Set(sessions.map((session) => session.sessionToken)).size).toBe(1);
    expect(proxy.count('GetSessionToken')).toBe(1);
    expect(proxy.count('AssumeRole')).toBe(1);
    expect(world.asked).toHaveLength(1);
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
