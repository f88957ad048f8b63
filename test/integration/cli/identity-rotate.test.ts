/**
 * `latchkey identity rotate` against moto with request authentication on and the real keychain: the
 * user is left with exactly one active key, the new one, which the identity's roles then use through
 * credential_process while the old one is refused (or inactive, with --keep-old); with two keys already
 * it changes nothing; a new key that fails verification is deleted and the old one stays active and in
 * the keychain. `latchkey status` shows the recorded key age.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteAccessKeyCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Keychain } from '../../../electron/core/keychain/keychain';
import { systemKeychain } from '../../../electron/core/keychain/system-keychain';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { cliWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { startMoto, type Moto } from '../../helpers/moto';
import { ACCOUNT, createRole, createUser, iamClient, roleArn, type AccessKey } from '../../helpers/moto-iam';
import { SELF_SERVICE } from '../../helpers/iam-self-service';
import { describeWith } from '../../helpers/needs';
import { errorXml, startStsProxy, type StsProxy } from '../../helpers/sts-proxy';

const masked = (id: string) => `${id.slice(0, 4)}…${id.slice(-4)}`;

describeWith([keyring, motoComponent], 'rotating an identity\'s access key', () => {
  let moto: Moto;
  let proxy: StsProxy;
  let world: CliWorld;
  let keychain: Keychain;
  let admin: IAMClient;
  let carol: AccessKey;
  let settingsFile: string;

  const keysOfCarol = async () =>
    ((await admin.send(new ListAccessKeysCommand({ UserName: 'carol' }))).AccessKeyMetadata ?? []).map(({ AccessKeyId, Status }) => ({ id: AccessKeyId, status: Status }));
  const identityKey = async () => JSON.parse((await world.run(['list', '--json'])).stdout).identities[0].accessKeyId as string;
  /** The settings file, the keychain's identity secret and carol's keys in IAM. */
  const state = async () => ({ settings: readFileSync(settingsFile, 'utf8'), secret: await keychain.get('identity', 'carol'), keys: await keysOfCarol() });
  const assumesDev = async () => {
    const result = await world.run(['credential-process', 'dev']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(result.stdout).AccessKeyId as string;
  };
  const callerOf = (key: AccessKey) =>
    new STSClient({ region: 'us-east-1', endpoint: moto.url, credentials: key, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));

  beforeAll(async () => {
    moto = await startMoto();
    const iam = iamClient(moto.url);
    carol = await createUser(iam, 'carol', SELF_SERVICE);
    await createRole(iam, 'dev', ['carol']);
    const root = await createUser(iam, 'admin', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    admin = new IAMClient({ region: 'us-east-1', endpoint: moto.url, credentials: root });
    await moto.enableAuth();
    proxy = await startStsProxy(moto.url);
    world = cliWorld(proxy.url);
    world.env.AWS_ENDPOINT_URL_IAM = moto.url;
    await world.setUp([
      [['identity', 'add', 'carol', '--access-key-id', carol.accessKeyId], carol.secretAccessKey],
      [['role', 'add', 'dev', '--role-arn', roleArn('dev'), '--source', 'carol']],
    ]);
    keychain = systemKeychain({ service: world.env.LATCHKEY_KEYCHAIN_SERVICE });
    settingsFile = join(world.env.LATCHKEY_HOME ?? '', 'settings.json');
    await assumesDev();
  }, 60_000);
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it('leaves exactly one active key, the new one, which the roles use; the old key is refused', async () => {
    const old = carol.accessKeyId;
    const result = await world.run(['identity', 'rotate', 'carol']);
    expect(result.code).toBe(0);
    const keys = await keysOfCarol();
    expect(keys).toHaveLength(1);
    const [fresh] = keys;
    expect(fresh).toEqual({ id: expect.not.stringMatching(old), status: 'Active' });
    expect(result.stdout).toBe(
      `rotated the access key of identity "carol" (IAM user "carol"): ${masked(fresh?.id ?? '')} is in the keychain and works\nthe old key ${masked(old)} is deleted\n`,
    );
    expect(result.stderr).toBe('latchkey: sessions made with the old key stay valid until they expire\n');
    expect(await identityKey()).toBe(masked(fresh?.id ?? ''));
    const secret = await keychain.get('identity', 'carol');
    expect(secret).not.toBe(carol.secretAccessKey);

    // The role's next session is made, and signed, with the new key.
    const assumed = proxy.count('AssumeRole');
    await assumesDev();
    expect(proxy.count('AssumeRole')).toBe(assumed + 1);
    await expect(callerOf({ accessKeyId: fresh?.id ?? '', secretAccessKey: secret ?? '' })).resolves.toMatchObject({ Arn: `arn:aws:iam::${ACCOUNT}:user/carol` });
    await expect(callerOf(carol)).rejects.toMatchObject({ name: 'InvalidClientTokenId' });

    // Its creation date is recorded, and status shows its age.
    const status = await world.run(['status']);
    expect(status.stdout).toContain(`access keys:\n  carol  ${masked(fresh?.id ?? '')}  created ${new Date().toISOString().slice(0, 10)}, 0 days old\n`);
    expect(JSON.parse((await world.run(['status', '--json'])).stdout).keys).toEqual([
      { identity: 'carol', accessKeyId: masked(fresh?.id ?? ''), created: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), ageDays: 0, overLimit: false },
    ]);
  });

  it('with --keep-old leaves the old key inactive', async () => {
    const old = (await keysOfCarol())[0]?.id ?? '';
    const result = await world.run(['identity', 'rotate', 'carol', '--keep-old']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`\\nthe old key ${old} is inactive: delete it in IAM once nothing needs it\\n$`));
    const keys = await keysOfCarol();
    expect(keys).toHaveLength(2);
    expect(keys.find((key) => key.id === old)?.status).toBe('Inactive');
    expect(keys.filter((key) => key.status === 'Active')).toEqual([{ id: expect.not.stringMatching(old), status: 'Active' }]);
    await assumesDev();
  });

  it('with two keys already, says which and what to do, and changes nothing', async () => {
    const before = await state();
    expect(before.keys).toHaveLength(2);
    const result = await world.run(['identity', 'rotate', 'carol']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const inactive = before.keys.find((key) => key.status === 'Inactive')?.id ?? '';
    expect(result.stderr).toMatch(
      new RegExp(`^latchkey identity rotate: IAM user "carol" already has two access keys, the most AWS allows: .*${inactive} \\(inactive, created \\d{4}-\\d\\d-\\d\\d\\).*Nothing was changed\\. .*aws iam delete-access-key --user-name carol --access-key-id ${inactive}\\), then rotate again\\n$`),
    );
    expect(await state()).toEqual(before);
    await admin.send(new DeleteAccessKeyCommand({ UserName: 'carol', AccessKeyId: inactive }));
  });

  it('a new key that fails verification is deleted; the old one stays active and in the keychain', async () => {
    const before = await state();
    expect(before.keys).toEqual([{ id: expect.any(String), status: 'Active' }]);
    // Every STS call now is the verification of the new key (the identity's user is known since the first rotation).
    proxy.misbehave({ status: 403, body: errorXml('Sender', 'AccessDenied', 'User is not authorized to perform: sts:GetCallerIdentity') });
    let result;
    try {
      result = await world.run(['identity', 'rotate', 'carol']);
    } finally {
      proxy.behave();
    }
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^latchkey identity rotate: the new access key AKIA…\w{4} did not work \(identity "carol": AWS denied sts:GetCallerIdentity .*\): it was deleted, and identity "carol" keeps its key AKIA…\w{4}\n$/);
    expect(await state()).toEqual(before);
    await assumesDev();
  });
});
