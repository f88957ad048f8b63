/**
 * Editing what exists from the command line, against moto with request authentication on and the real
 * keychain: a new key replaces the old one only once STS accepts it, roles keep working under the same
 * names, a refused key changes nothing; MFA seeds are stored and removed; a serial has one name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateAccessKeyCommand, DeleteAccessKeyCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Keychain } from '../../../electron/core/keychain/keychain';
import { systemKeychain } from '../../../electron/core/keychain/system-keychain';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { ACCOUNT, createUser, mfaSerial, roleArn, type AccessKey } from '../../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';

const SERIAL = mfaSerial('alice');
const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const masked = (accessKeyId: string) => `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;

describeWith([keyring, motoComponent], 'editing identities and MFA devices from the command line', () => {
  let moto: MotoWorld;
  let world: CliWorld;
  let keychain: Keychain;
  let settingsFile: string;
  /** alice's second access key, created in moto before authentication is on. */
  let newKey: AccessKey;
  /** Signs IAM calls once authentication is on. */
  let admin: IAMClient;

  const json = async (args: string[]) => {
    const result = await world.run(args);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(result.stdout);
  };
  /** The settings file, every keychain entry Latchkey keeps, and what `list --json` says. */
  const state = async () => ({
    settings: readFileSync(settingsFile, 'utf8'),
    keychain: await Promise.all((['identity', 'mfa-seed', 'session'] as const).map((kind) => keychain.list(kind))),
    secret: await keychain.get('identity', 'alice'),
    list: await json(['list', '--json']),
  });
  const assumesDev = async () => {
    const result = await world.run(['credential-process', 'dev']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout).AccessKeyId).toMatch(/^ASIA/);
  };

  beforeAll(async () => {
    moto = await startMotoWorld();
    world = await aliceWorld(moto);
    const { iam } = moto;
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    if (!AccessKey?.AccessKeyId || !AccessKey.SecretAccessKey) throw new Error('moto created no second key for alice');
    newKey = { accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey };
    const root = await createUser(iam, 'admin', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    admin = new IAMClient({ region: 'us-east-1', endpoint: moto.url, credentials: root });
    await moto.enableAuth();
    keychain = systemKeychain({ service: world.env.LATCHKEY_KEYCHAIN_SERVICE });
    settingsFile = join(world.env.LATCHKEY_HOME ?? '', 'settings.json');
    await assumesDev();
  }, 60_000);
  afterAll(async () => moto?.stop());

  it('refuses a new key STS does not accept, in one line, and changes nothing', async () => {
    const before = await state();
    const result = await world.run(['identity', 'update', 'alice', '--access-key-id', newKey.accessKeyId], { input: `${'x'.repeat(40)}\n` });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^latchkey identity update: identity "alice": .*secret access key.* does not match access key AKIA…\w{4}.*\n$/);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).not.toContain(newKey.secretAccessKey);
    expect(await state()).toEqual(before);
    await assumesDev();
  });

  it('replaces the key with a verified new one; the role keeps working once the old key is gone', async () => {
    const oldKeyId = (await json(['list', '--json'])).identities[0].accessKeyId;
    const result = await world.run(['identity', 'update', 'alice', '--access-key-id', newKey.accessKeyId], { input: `${newKey.secretAccessKey}\n` });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`verified: arn:aws:iam::${ACCOUNT}:user/alice\nupdated identity "alice" (${masked(newKey.accessKeyId)}, no MFA device)\n`);
    expect(await keychain.get('identity', 'alice')).toBe(newKey.secretAccessKey);
    const { identities } = await json(['list', '--json']);
    expect(identities).toEqual([
      { name: 'alice', accessKeyId: masked(newKey.accessKeyId), accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/alice`, secretStored: true },
    ]);
    expect(identities[0].accessKeyId).not.toBe(oldKeyId);

    // The old key's sessions were superseded, and the old key itself no longer signs anything.
    expect(await keychain.list('session')).toEqual([]);
    const keys = await admin.send(new ListAccessKeysCommand({ UserName: 'alice' }));
    const oldKey = keys.AccessKeyMetadata?.find((key) => key.AccessKeyId !== newKey.accessKeyId);
    await admin.send(new DeleteAccessKeyCommand({ UserName: 'alice', AccessKeyId: oldKey?.AccessKeyId }));
    await assumesDev();
  });

  it('gives the identity an MFA device, stores its seed and removes it again', async () => {
    const added = await world.run(['identity', 'update', 'alice', '--mfa-serial', SERIAL]);
    expect(added).toMatchObject({ code: 0, stderr: '', stdout: `updated identity "alice" (${masked(newKey.accessKeyId)}, MFA device "alice" ${SERIAL})\n` });

    const seeded = await world.run(['mfa', 'update', 'alice', '--seed-stdin', '--auto'], { input: `${SEED}\n` });
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toBe(`updated MFA device "alice" (${SERIAL}, seed, auto-MFA) for identity "alice"\n`);
    expect(seeded.stderr).toMatch(/^latchkey: the TOTP seed is stored in the keychain .*; auto-MFA is on, so no code will be asked for\n$/);
    expect(await keychain.get('mfa-seed', 'alice')).toBe(SEED);
    expect((await world.run(['totp', 'alice'])).stdout).toMatch(/^\d{6}\b/);

    const removed = await world.run(['mfa', 'update', 'alice', '--remove-seed']);
    expect(removed).toMatchObject({ code: 0, stderr: '', stdout: `updated MFA device "alice" (${SERIAL}, no seed) for identity "alice"\n` });
    expect(await keychain.get('mfa-seed', 'alice')).toBeUndefined();
    expect((await json(['list', '--json'])).mfaDevices).toEqual([{ name: 'alice', serial: SERIAL, identity: 'alice', hasSeed: false, autoMfa: false }]);
  });

  it('refuses a serial another device already has, naming that device, and writes nothing', async () => {
    const before = await state();
    const result = await world.run(['mfa', 'add', 'phone', '--serial', SERIAL, '--identity', 'alice']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^latchkey mfa add: .*MFA devices "alice" and "phone" have the same serial arn:aws:iam::\d+:mfa\/alice: .*\n$/);
    expect(await state()).toEqual(before);
  });

  it('refuses to remove the MFA device a role uses, naming the role; removes it once none does', async () => {
    await world.setUp([[['role', 'add', 'dev-mfa', '--role-arn', roleArn('dev'), '--source', 'alice', '--mfa', 'alice']]]);
    const before = await state();
    const refused = await world.run(['identity', 'update', 'alice', '--no-mfa']);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe('latchkey identity update: MFA device "alice" of identity "alice" is still used by role "dev-mfa": remove those first\n');
    expect(await state()).toEqual(before);

    await world.setUp([[['remove', 'role', 'dev-mfa']]]);
    const removed = await world.run(['identity', 'update', 'alice', '--no-mfa']);
    expect(removed).toMatchObject({ code: 0, stderr: '', stdout: `updated identity "alice" (${masked(newKey.accessKeyId)}, no MFA device)\n` });
    await assumesDev();
  });
});
