/**
 * AssumeRole signed with real IAM users' keys, with moto checking signatures, keys, IAM policies and
 * trust policies (auth on), and the failures people meet mapped to what to do.
 */
import { DeleteAccessKeyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProviderSettings } from '../../../../electron/core/sts/build-provider';
import { createStsApi } from '../../../../electron/core/sts/create-sts-api';
import { moto } from '../../../helpers/components';
import { startMoto, type Moto } from '../../../helpers/moto';
import { describeWith } from '../../../helpers/needs';
import { ACCOUNT, ALLOW_ASSUME_ROLE, createRole, createUser, iamClient } from '../../../helpers/moto-iam';
import { providerWorld } from './sts-integration';
import { rejection } from '../../../helpers/rejection';


describeWith([moto], 'STS providers against moto with request authentication on', () => {
  let server: Moto;
  let world: ReturnType<typeof providerWorld>;
  let deployArn: string;
  let partnerArn: string;
  let keys: Record<'alice' | 'mallory' | 'carol', { accessKeyId: string; secretAccessKey: string }>;

  beforeAll(async () => {
    server = await startMoto();
    const iam = iamClient(server.url);
    keys = {
      alice: await createUser(iam, 'alice', ALLOW_ASSUME_ROLE),
      mallory: await createUser(iam, 'mallory'),
      carol: await createUser(iam, 'carol', ALLOW_ASSUME_ROLE),
    };
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'carol', AccessKeyId: keys.carol.accessKeyId }));
    deployArn = await createRole(iam, 'deploy', ['alice', 'mallory', 'carol']);
    partnerArn = await createRole(iam, 'partner', ['alice'], 'ext-123');
    await server.enableAuth();

    const identity = (name: keyof typeof keys) => ({ name, accessKeyId: keys[name].accessKeyId, stsEndpoint: server.url });
    const role = (name: string, roleArn: string, source: string, externalId?: string) => ({ name, roleArn, source, externalId, directMfa: false });
    const settings: ProviderSettings = {
      identities: [identity('alice'), identity('mallory'), identity('carol')],
      mfaDevices: [],
      roles: [
        role('alice-deploy', deployArn, 'alice'),
        role('mallory-deploy', deployArn, 'mallory'),
        role('carol-deploy', deployArn, 'carol'),
        role('alice-partner', partnerArn, 'alice', 'wrong-id'),
      ],
      preferences: { mfaSessionSeconds: 43_200, roleSessionSeconds: 3_600 },
    };
    // No endpoint in the environment: the identities' own endpoint setting points at moto.
    world = providerWorld(settings, {});
    for (const name of ['alice', 'mallory', 'carol'] as const) await world.keychain.set('identity', name, keys[name].secretAccessKey);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("assumes a role signed with the user's key; the session is that role's", async () => {
    const session = await world.build('alice-deploy').retrieve();

    const sts = createStsApi({ AWS_ENDPOINT_URL_STS: server.url });
    expect(await sts.getCallerIdentity({ credentials: session, region: 'us-east-1' })).toMatchObject({
      account: ACCOUNT,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/alice`,
    });
  });

  it('a user without sts:AssumeRole gets a denial naming the action and the role', async () => {
    const error = await rejection(world.build('mallory-deploy').retrieve());
    expect(error.code).toBe('sts-denied');
    expect(error.message).toMatch(new RegExp(`^role "mallory-deploy": AWS denied sts:AssumeRole on ${deployArn} .*identity "mallory"`));
  });

  it('a wrong external id gets a denial that mentions the external id', async () => {
    const error = await rejection(world.build('alice-partner').retrieve());
    expect(error.code).toBe('sts-denied');
    expect(error.message).toContain(`AWS denied sts:AssumeRole on ${partnerArn}`);
    expect(error.message).toContain('external id matches');
  });

  it('a deleted access key says which identity and what to do', async () => {
    const error = await rejection(world.build('carol-deploy').retrieve());
    expect(error.code).toBe('sts-credentials-invalid');
    expect(error.message).toBe(
      `role "carol-deploy": AWS does not accept access key ${keys.carol.accessKeyId} of identity "carol" (InvalidClientTokenId): it is disabled, deleted or mistyped; create a new access key for the IAM user and update the identity`,
    );
  });

  // alice-partner, not alice-deploy: the deploy session is cached, so it would not reach STS.
  it('a wrong stored secret says to enter it again', async () => {
    await world.keychain.set('identity', 'alice', `x${keys.alice.secretAccessKey.slice(1)}`);
    try {
      const error = await rejection(world.build('alice-partner').retrieve());
      expect(error.code).toBe('sts-credentials-invalid');
      expect(error.message).toContain('the secret access key stored for identity "alice" does not match');
      expect(error.message).not.toContain(keys.alice.secretAccessKey.slice(1));
    } finally {
      await world.keychain.set('identity', 'alice', keys.alice.secretAccessKey);
    }
  });
});
