/**
 * `latchkey import` identifies each key it takes in, as `identity add --verify` does, against moto with
 * request authentication on: the account id, ARN and key creation date are recorded; a key that may not
 * call GetCallerIdentity still gets its account id from GetAccessKeyInfo; a key AWS refuses, or an STS
 * that cannot be reached, leaves the identity imported without them and says so in one stderr line.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { SELF_SERVICE } from '../../helpers/iam-self-service';
import { cliWorld, type CliResult, type CliWorld } from '../../helpers/latchkey-cli';
import { freePort, startMoto, type Moto } from '../../helpers/moto';
import { ACCOUNT, createUser, iamClient, type AccessKey } from '../../helpers/moto-iam';
import { describeWith } from '../../helpers/needs';
import { errorXml, startStsProxy, type StsProxy } from '../../helpers/sts-proxy';

const masked = (id: string) => `${id.slice(0, 4)}…${id.slice(-4)}`;
/** A well-formed key that no IAM user has: STS answers InvalidClientTokenId. */
const UNKNOWN_KEY: AccessKey = { accessKeyId: 'AKIAUNKNOWNUNKNOWN01', secretAccessKey: 'unknownUnknownUnknownUnknownUnknown01234' };

/** A world whose credentials file holds these profiles' long-term keys. */
function worldWith(stsUrl: string, profiles: Record<string, AccessKey>, iamUrl: string): CliWorld {
  const world = cliWorld(stsUrl);
  // IAM (ListAccessKeys, for the creation date) is moto too, not AWS.
  world.env.AWS_ENDPOINT_URL_IAM = iamUrl;
  const sections = Object.entries(profiles).map(([profile, key]) => `[${profile}]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`);
  writeFileSync(world.credentialsFile, sections.join('\n'));
  return world;
}

const identities = async (world: CliWorld) => JSON.parse((await world.run(['list', '--json'])).stdout).identities as Record<string, unknown>[];
const accountLines = (result: CliResult) => result.stderr.split('\n').filter((line) => line.includes('account id'));

describeWith([keyring, motoComponent], 'import records who each imported key belongs to', () => {
  let moto: Moto;
  let proxy: StsProxy;
  let dave: AccessKey;
  let erin: AccessKey;
  let frank: AccessKey;

  beforeAll(async () => {
    moto = await startMoto();
    const iam = iamClient(moto.url);
    dave = await createUser(iam, 'dave', SELF_SERVICE);
    erin = await createUser(iam, 'erin', SELF_SERVICE);
    // GetAccessKeyInfo needs a permission (moto evaluates it); GetCallerIdentity never does.
    frank = await createUser(iam, 'frank', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:GetAccessKeyInfo', Resource: '*' }] });
    await moto.enableAuth();
    proxy = await startStsProxy(moto.url);
  }, 60_000);
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it('records the account, ARN and creation date of each key; a key AWS refuses is imported with one line saying why', async () => {
    const world = worldWith(proxy.url, { dave, erin, ghost: UNKNOWN_KEY }, moto.url);
    const result = await world.run(['import']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [dave, erin, UNKNOWN_KEY].map((key, i) => `imported identity "${['dave', 'erin', 'ghost'][i]}" (${masked(key.accessKeyId)})`).join('\n') + '\n',
    );
    expect(accountLines(result)).toEqual([
      expect.stringMatching(/^latchkey: identity "ghost" was imported, but its account id could not be found: AWS does not accept access key AKIAUNKNOWNUNKNOWN01 .*\(InvalidClientTokenId\)/),
    ]);
    for (const key of [dave, erin, UNKNOWN_KEY]) expect(result.stderr).not.toContain(key.secretAccessKey);
    expect(await identities(world)).toEqual([
      expect.objectContaining({ name: 'dave', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/dave`, keyCreated: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }),
      expect.objectContaining({ name: 'erin', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/erin`, keyCreated: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }),
      { name: 'ghost', accessKeyId: masked(UNKNOWN_KEY.accessKeyId), secretStored: true },
    ]);
  });

  it('a key that may not call GetCallerIdentity gets its account from GetAccessKeyInfo, and its ARN stays unknown', async () => {
    const world = worldWith(proxy.url, { frank }, moto.url);
    // moto lets every key call GetCallerIdentity, even against an explicit Deny (moto/iam/access_control.py),
    // so the proxy refuses it as AWS does behind a VPC endpoint policy. It is the import's first STS call.
    const asked = proxy.count('GetAccessKeyInfo');
    proxy.misbehave({ status: 403, body: errorXml('Sender', 'AccessDenied', 'User is not authorized to perform: sts:GetCallerIdentity with an explicit deny') }, 1);
    let result: CliResult;
    try {
      result = await world.run(['import']);
    } finally {
      proxy.behave();
    }
    expect(result.code, result.stderr).toBe(0);
    expect(accountLines(result)).toEqual([]);
    expect(proxy.count('GetAccessKeyInfo')).toBe(asked + 1);
    expect(await identities(world)).toEqual([{ name: 'frank', accessKeyId: masked(frank.accessKeyId), accountId: ACCOUNT, secretStored: true }]);
  });

  it('with STS unreachable, the key is imported all the same, with one line saying its account id could not be found', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const world = worldWith(closed, { dave }, moto.url);
    const result = await world.run(['import']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`imported identity "dave" (${masked(dave.accessKeyId)})\n`);
    expect(accountLines(result)).toEqual([
      expect.stringMatching(/^latchkey: identity "dave" was imported, but its account id could not be found: STS did not answer GetCallerIdentity .*\(network error ECONNREFUSED\)/),
    ]);
    expect(result.stderr).not.toContain(dave.secretAccessKey);
    expect(await identities(world)).toEqual([{ name: 'dave', accessKeyId: masked(dave.accessKeyId), secretStored: true }]);
  });
});
