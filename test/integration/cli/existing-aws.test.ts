/**
 * The coexistence suite's starting point, proven: a new user's existing ~/.aws (test/helpers/existing-aws)
 * works as it should with every real client that can be asked here, against moto with auth on.
 */
import { writeFileSync } from 'node:fs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { awsCliV1, awsCliV2, boto3, keyring, moto as motoComponent } from '../../helpers/components';
import { AWS_CLIENTS, assertStillWork, existingAwsSetup, identityOf, profilesThatWork, snapshot, type AwsClient, type ExistingAws, type Outcome, type WhatWorks } from '../../helpers/existing-aws';
import { cliWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { ACCOUNT } from '../../helpers/moto-iam';
import { startMoto, type Moto } from '../../helpers/moto';
import { describeWith } from '../../helpers/needs';


describeWith([keyring, motoComponent, awsCliV1, awsCliV2, boto3], 'an existing ~/.aws, as the real AWS clients see it', () => {
  let moto: Moto;
  let world: CliWorld;
  let setup: ExistingAws;
  let now: WhatWorks;

  beforeAll(async () => {
    moto = await startMoto();
    world = cliWorld(moto.url);
    setup = await existingAwsSetup(world, moto.url);
    await moto.enableAuth();
    now = await profilesThatWork(world, moto.url, setup.profiles);
    // ~15 s for the 17 client processes on a 2-core machine already busy; more when it is busier.
  }, 120_000);
  afterAll(async () => moto?.stop());

  const arnOf = (outcome: Outcome | undefined) => (outcome && 'arn' in outcome ? outcome.arn : `no ARN: ${JSON.stringify(outcome)}`);

  it('every profile that should work does, with every client that can check it; corp-sso does not', () => {
    const seen = (client: AwsClient, profile: string) => {
      const outcome = now[profile]?.[client];
      if (!outcome) return 'missing';
      return 'arn' in outcome ? identityOf(outcome.arn) : 'error' in outcome ? 'fails' : 'unchecked';
    };
    // CLI v2.9 cannot send a role profile's AssumeRole to moto (see whyCliV2CannotCheck).
    const roleProfiles = ['work', 'dev', 'ops', 'deep', 'admin'];
    const expected = Object.fromEntries(
      setup.profiles.map((profile) => {
        const expectation = setup.expected[profile]!;
        const byClient = AWS_CLIENTS.map((client) => [
          client,
          client === 'cli-v2' && roleProfiles.includes(profile) ? 'unchecked' : expectation.works ? expectation.identity : 'fails',
        ]);
        return [profile, Object.fromEntries(byClient)];
      }),
    );
    const actual = Object.fromEntries(setup.profiles.map((profile) => [profile, Object.fromEntries(AWS_CLIENTS.map((client) => [client, seen(client, profile)]))]));
    expect(actual, JSON.stringify(now, null, 1)).toEqual(expected);
    // The chain ran with the session names its profiles set (the next role trusts only those).
    expect(now.ops!['cli-v1']).toEqual({ arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ops/me-ops` });
    // corp-sso fails because there is no SSO login, not because a client could not read the files.
    for (const client of AWS_CLIENTS) expect(now['corp-sso']![client]).toEqual({ error: expect.stringMatching(/SSO/) });
    expect(now.pasted!['js-sdk']).toEqual({ arn: `arn:aws:sts::${ACCOUNT}:assumed-role/dev/pasted` });
  });

  it('"works" means moto checked the key: a made-up one is refused', async () => {
    const sts = new STSClient({ region: 'us-east-1', endpoint: moto.url, credentials: { accessKeyId: 'AKIAMADEUPMADEUP0001', secretAccessKey: setup.me.secretAccessKey } });
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
  });

  it('assertStillWork passes an unchanged world and names each profile that broke or changed identity', () => {
    assertStillWork(now, now);
    const after: WhatWorks = structuredClone(now);
    after.dev!['boto3'] = { error: 'AccessDenied' };
    after.vault!['js-sdk'] = now.default!['js-sdk']!;
    // Another session of the same role is the same identity (Latchkey names its sessions differently).
    after.deep!['cli-v1'] = { arn: `${identityOf(arnOf(now.deep!['cli-v1']))}/another-session` };
    expect(() => assertStillWork(now, after)).toThrow(/boto3 --profile dev: ran as .*assumed-role\/dev\/.*, now fails: AccessDenied[\s\S]*js-sdk --profile vault: ran as .*user\/work, now runs as .*user\/me/);
    expect(() => assertStillWork(now, after, ['dev', 'vault'])).not.toThrow();
  });

  it('a broken key breaks every profile built on it, though the CLI cached their sessions earlier', async () => {
    const files = snapshot(world);
    writeFileSync(world.credentialsFile, files.credentials!.toString('utf8').replace(setup.me.secretAccessKey, 'not-the-secret'));
    try {
      const broken = await profilesThatWork(world, moto.url, ['default', 'dev', 'ops'], ['cli-v1']);
      for (const profile of ['default', 'dev', 'ops']) expect(broken[profile]).toEqual({ 'cli-v1': { error: expect.stringMatching(/SignatureDoesNotMatch/) } });
    } finally {
      writeFileSync(world.credentialsFile, files.credentials!);
    }
  });

  it('snapshot holds both files byte for byte: CRLF credentials, LF config', () => {
    const files = snapshot(world);
    expect(files.credentials?.toString('utf8')).toMatch(/^# .*\r\n\[default\]\r\naws_access_key_id = AKIA\w+\r\n/);
    expect(files.credentials?.toString('utf8')).not.toMatch(/[^\r]\n/);
    expect(files.config?.toString('utf8')).not.toContain('\r');
    expect(snapshot(world)).toEqual(files);
  });
});
