/**
 * Key rotation over fakes: the new key is stored, verified (waiting while IAM propagates it) and only
 * then does the old one go; two keys already, or a new key that does not work, leave the identity as it
 * was, with a working key; an identity with an MFA device signs IAM calls with its MFA session.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_PROPAGATION_MS, rotateAccessKey } from '../../../../electron/core/iam/rotate-access-key';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import type { Session } from '../../../../electron/core/sts/credentials';
import type { StsApi } from '../../../../electron/core/sts/sts-api';
import { totpCode } from '../../../../electron/core/totp/totp-code';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { FakeClock } from '../../../fakes/fake-clock';
import { FakeSts } from '../../../fakes/fake-sts';
import { MemoryKeychain } from '../../../fakes/memory-keychain';
import { tempFolders } from '../../../helpers/temp-folders';
import { awsError, FakeIam } from './fake-iam';

const temp = tempFolders();
const ARN = 'arn:aws:iam::123456789012:user/alice';

async function world(options: { device?: boolean; arn?: boolean } = {}) {
  const clock = new FakeClock();
  const sts = new FakeSts(clock);
  const alice = sts.addUser('alice', options.device ? { mfaSeed: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' } : {});
  const iam = new FakeIam(sts, clock);
  iam.addUser(alice, { requireMfa: options.device, created: new Date(Date.UTC(2025, 0, 1)) });
  const settings = new SettingsStore(join(temp('rotate'), 'settings.json'));
  await settings.update((s) => {
    s.identities.push({ name: 'alice', accessKeyId: alice.accessKeyId, accountId: '123456789012', ...(options.arn === false ? {} : { arn: ARN }), keyCreated: '2025-01-01T00:00:00.000Z' });
    if (options.device) s.mfaDevices.push({ name: 'alice', serial: 'arn:aws:iam::123456789012:mfa/alice', identity: 'alice', hasSeed: false, autoMfa: false });
  });
  const keychain = new MemoryKeychain();
  await keychain.set('identity', 'alice', alice.secretAccessKey);
  // The engine's identity session: GetSessionToken with the device's code, made once and cached.
  const sessions: string[] = [];
  let cached: Promise<Session> | undefined;
  const identitySession = (name: string): Promise<Session> => {
    sessions.push(name);
    const mfa = { serial: 'arn:aws:iam::123456789012:mfa/alice', code: totpCode('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', clock.now()).code };
    return (cached ??= sts.getSessionToken({ credentials: { accessKeyId: alice.accessKeyId, secretAccessKey: alice.secretAccessKey }, region: 'us-east-1', durationSeconds: 3600, mfa }));
  };
  const progress: string[] = [];
  const deps = { settings, keychain, sts: iam.sts, iam, clock, identitySession };
  const snapshot = async () => ({ file: readFileSync(settings.path, 'utf8'), secret: await keychain.get('identity', 'alice'), keys: structuredClone(iam.keys.get('alice')) });
  return { clock, sts, iam, alice, settings, keychain, deps, sessions, progress, snapshot };
}

/** STS that refuses the new key `times` times first, as AWS does while IAM propagates it. */
function propagating(sts: StsApi, times: number): StsApi {
  let left = times;
  return {
    getSessionToken: (input) => sts.getSessionToken(input),
    assumeRole: (input) => sts.assumeRole(input),
    getCallerIdentity: async (caller) => {
      if (caller.credentials.accessKeyId.endsWith('ROT2') && left-- > 0) throw awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
      return sts.getCallerIdentity(caller);
    },
  };
}

describe('rotateAccessKey', () => {
  it('stores and verifies a new key, then deletes the old one: one active key, the new one, in the keychain', async () => {
    const w = await world();
    const rotated = await rotateAccessKey(w.deps, { name: 'alice', keepOld: false });
    expect(rotated).toMatchObject({ userName: 'alice', oldAccessKeyId: w.alice.accessKeyId, oldKey: 'deleted' });
    const newKey = rotated.newAccessKeyId;
    expect(w.iam.keys.get('alice')).toEqual([{ accessKeyId: newKey, status: 'Active', created: new Date(w.clock.now()) }]);
    const [identity] = (await w.settings.load()).identities;
    expect(identity).toEqual({ name: 'alice', accessKeyId: newKey, accountId: '123456789012', arn: ARN, keyCreated: new Date(w.clock.now()).toISOString() });
    const secret = await w.keychain.get('identity', 'alice');
    expect(secret).not.toBe(w.alice.secretAccessKey);
    // The new key works and the old one does not.
    await expect(w.iam.sts.getCallerIdentity({ credentials: { accessKeyId: newKey, secretAccessKey: secret as string }, region: 'us-east-1' })).resolves.toMatchObject({ arn: ARN });
    await expect(w.iam.sts.getCallerIdentity({ credentials: { accessKeyId: w.alice.accessKeyId, secretAccessKey: w.alice.secretAccessKey }, region: 'us-east-1' })).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
    // In this order; the old key goes signed with the new one.
    expect(w.iam.calls.map(({ action, signedWith }) => [action, signedWith === newKey ? 'new' : 'old'])).toEqual([
      ['ListAccessKeys', 'old'],
      ['CreateAccessKey', 'old'],
      ['UpdateAccessKey', 'new'],
      ['DeleteAccessKey', 'new'],
    ]);
  });

  it('with --keep-old leaves the old key inactive', async () => {
    const w = await world();
    const rotated = await rotateAccessKey(w.deps, { name: 'alice', keepOld: true });
    expect(rotated.oldKey).toBe('inactive');
    expect(w.iam.keys.get('alice')?.map(({ accessKeyId, status }) => [accessKeyId, status])).toEqual([
      [w.alice.accessKeyId, 'Inactive'],
      [rotated.newAccessKeyId, 'Active'],
    ]);
  });

  it('waits while AWS does not know the new key yet, and says so once', async () => {
    const w = await world();
    const started = w.clock.now();
    const rotated = await rotateAccessKey({ ...w.deps, sts: propagating(w.iam.sts, 3) }, { name: 'alice', keepOld: false, progress: (m) => w.progress.push(m) });
    expect(rotated.oldKey).toBe('deleted');
    expect(w.progress).toEqual([expect.stringMatching(/waiting for AWS to accept the new key/)]);
    expect(w.clock.now() - started).toBe(1_000 + 2_000 + 4_000);
  });

  it('a new key that never works is deleted, and the old one stays active and in the keychain', async () => {
    const w = await world();
    const before = await w.snapshot();
    const started = w.clock.now();
    const error = await rotateAccessKey({ ...w.deps, sts: propagating(w.iam.sts, Infinity) }, { name: 'alice', keepOld: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LatchkeyError);
    expect((error as LatchkeyError).message).toMatch(
      /^the new access key AKIA…ROT2 did not work \(identity "alice": AWS does not accept access key AKIA\w+ .*InvalidClientTokenId.*\): it was deleted, and identity "alice" keeps its key AKIA…XXXX$/,
    );
    expect(w.clock.now() - started).toBeLessThanOrEqual(KEY_PROPAGATION_MS);
    expect(await w.snapshot()).toEqual(before);
    expect(w.iam.calls.map((call) => call.action)).toEqual(['ListAccessKeys', 'CreateAccessKey', 'DeleteAccessKey']);
  });

  it('a new key that signs as another user is refused the same way', async () => {
    const w = await world();
    const other: StsApi = { ...propagating(w.iam.sts, 0), getCallerIdentity: async () => ({ account: '123456789012', arn: 'arn:aws:iam::123456789012:user/mallory', userId: 'AIDA' }) };
    const before = await w.snapshot();
    await expect(rotateAccessKey({ ...w.deps, sts: other }, { name: 'alice', keepOld: false })).rejects.toThrow(/signs as arn:aws:iam::123456789012:user\/mallory, not as .*user\/alice\): it was deleted/);
    expect(await w.snapshot()).toEqual(before);
  });

  it('with two keys already, refuses, listing both and what to do, and changes nothing', async () => {
    const w = await world();
    w.iam.keys.get('alice')?.push({ accessKeyId: 'AKIAOTHERKEYEXAMPLE1', status: 'Inactive', created: new Date(Date.UTC(2024, 5, 1)) });
    const before = await w.snapshot();
    const error = (await rotateAccessKey(w.deps, { name: 'alice', keepOld: false }).catch((e: unknown) => e)) as LatchkeyError;
    expect(error.code).toBe('already-exists');
    expect(error.message).toBe(
      `IAM user "alice" already has two access keys, the most AWS allows: ${w.alice.accessKeyId} (active, created 2025-01-01, identity "alice"'s) and AKIAOTHERKEYEXAMPLE1 (inactive, created 2024-06-01). Nothing was changed. If nothing uses the other key any more, delete it (aws iam delete-access-key --user-name alice --access-key-id AKIAOTHERKEYEXAMPLE1), then rotate again`,
    );
    expect(await w.snapshot()).toEqual(before);
    expect(w.iam.calls.map((call) => call.action)).toEqual(['ListAccessKeys']);
  });

  it('refuses when the identity\'s key is not one of its user\'s', async () => {
    const w = await world();
    w.iam.keys.set('alice', [{ accessKeyId: 'AKIAOTHERKEYEXAMPLE1', status: 'Active' }]);
    await expect(rotateAccessKey(w.deps, { name: 'alice', keepOld: false })).rejects.toThrow(/uses access key AKIA…XXXX, which is not one of IAM user "alice"'s keys \(AKIAOTHERKEYEXAMPLE1 \(active\)\)/);
  });

  it('an identity with an MFA device signs every IAM call with its MFA session (policies that require MFA)', async () => {
    const w = await world({ device: true });
    const rotated = await rotateAccessKey(w.deps, { name: 'alice', keepOld: false });
    expect(w.sessions).toEqual(['alice']);
    expect(w.iam.calls.every(({ signedWith }) => signedWith.startsWith('ASIA'))).toBe(true);
    expect(w.iam.keys.get('alice')?.map((key) => key.accessKeyId)).toEqual([rotated.newAccessKeyId]);
  });

  it('sessions made from the old key stay valid after it is gone', async () => {
    const w = await world({ device: true });
    const session = await w.deps.identitySession('alice');
    await rotateAccessKey(w.deps, { name: 'alice', keepOld: false });
    await expect(w.iam.sts.getCallerIdentity({ credentials: session, region: 'us-east-1' })).resolves.toMatchObject({ arn: ARN });
  });

  it('without an MFA session, policies that require MFA refuse in words that say what to do', async () => {
    const w = await world();
    w.iam.failNext('ListAccessKeys', awsError('AccessDenied', 'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:ListAccessKeys with an explicit deny', 403));
    await expect(rotateAccessKey(w.deps, { name: 'alice', keepOld: false })).rejects.toThrow(
      /^identity "alice": AWS denied iam:ListAccessKeys on IAM user "alice" to the key of identity "alice" \(.*\): the user's policies must allow it on their own user \(if they require MFA, give the identity its MFA device/,
    );
  });

  it('learns the IAM user from STS when the identity was never verified, and records its ARN', async () => {
    const w = await world({ arn: false });
    await rotateAccessKey(w.deps, { name: 'alice', keepOld: false });
    expect((await w.settings.load()).identities[0]).toMatchObject({ arn: ARN, accountId: '123456789012' });
  });

  it('a failure to retire the old key says the new one is in use, and which key is left', async () => {
    const w = await world();
    w.iam.failNext('DeleteAccessKey', awsError('ServiceFailure', 'boom', 500));
    await expect(rotateAccessKey(w.deps, { name: 'alice', keepOld: false })).rejects.toThrow(
      new RegExp(`^identity "alice" now uses its new key AKIA…ROT2, but the old key ${w.alice.accessKeyId} is still there, inactive: .*; delete it in IAM$`),
    );
    expect((await w.settings.load()).identities[0]?.accessKeyId).toMatch(/ROT2$/);
  });
});
