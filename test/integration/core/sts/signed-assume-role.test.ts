/**
 * AssumeRole signed with real IAM users' keys, through the session engine with the real keychain, with
 * moto checking signatures, keys, IAM policies and trust policies (auth on), and the failures people
 * meet mapped to what to do.
 */
import { DeleteAccessKeyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SessionEngine } from '../../../../electron/core/sessions/session-engine';
import { createStsApi } from '../../../../electron/core/sts/create-sts-api';
import { keyring, moto as motoComponent } from '../../../helpers/components';
import { engineWorld, type EngineWorld } from '../../../helpers/engine-world';
import { ACCOUNT, ALLOW_ASSUME_ROLE, createRole, createUser, type AccessKey } from '../../../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../../../helpers/moto-world';
import { describeWith } from '../../../helpers/needs';
import { rejection } from '../../../helpers/rejection';
import { tempFolders } from '../../../helpers/temp-folders';

/**
 * A secret that surely differs from `secret`. (Replacing the first character with a fixed one did not:
 * moto draws secrets from 64 characters, so one in 64 began with it already, the "wrong" secret was
 * right, and the request failed later, on the trust policy, as AccessDenied.)
 */
function wrongSecret(secret: string): string {
  return `${secret.startsWith('x') ? 'y' : 'x'}${secret.slice(1)}`;
}

describeWith([keyring, motoComponent], 'STS through the session engine against moto with request authentication on', () => {
  const temp = tempFolders();
  let moto: MotoWorld;
  let world: EngineWorld;
  let engine: SessionEngine;
  let deployArn: string;
  let partnerArn: string;
  let keys: Record<'alice' | 'mallory' | 'carol', AccessKey>;
  const session = (name: string) => engine.credentials(name, 'integration test');

  beforeAll(async () => {
    moto = await startMotoWorld({ roles: [] });
    const { iam } = moto;
    keys = { alice: moto.alice, mallory: await createUser(iam, 'mallory'), carol: await createUser(iam, 'carol', ALLOW_ASSUME_ROLE) };
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'carol', AccessKeyId: keys.carol.accessKeyId }));
    deployArn = await createRole(iam, 'deploy', ['alice', 'mallory', 'carol']);
    partnerArn = await createRole(iam, 'partner', ['alice'], 'ext-123');
    await moto.enableAuth();

    const identity = (name: keyof typeof keys) => ({ name, accessKeyId: keys[name].accessKeyId, stsEndpoint: moto.url });
    const role = (name: string, roleArn: string, source: string, externalId?: string) => ({ name, roleArn, source, externalId, directMfa: false });
    // No endpoint in the environment: the identities' own endpoint setting points at moto.
    world = await engineWorld(temp('engine'), {
      identities: [identity('alice'), identity('mallory'), identity('carol')],
      roles: [
        role('alice-deploy', deployArn, 'alice'),
        role('mallory-deploy', deployArn, 'mallory'),
        role('carol-deploy', deployArn, 'carol'),
        role('alice-partner', partnerArn, 'alice', 'wrong-id'),
      ],
      preferences: { mfaSessionSeconds: 43_200, roleSessionSeconds: 3_600 },
      secrets: { alice: keys.alice.secretAccessKey, mallory: keys.mallory.secretAccessKey, carol: keys.carol.secretAccessKey },
    });
    engine = world.engine();
  }, 60_000);
  afterAll(async () => {
    await world?.clear();
    await moto?.stop();
  });

  it("assumes a role signed with the user's key; the session is that role's, kept in the keychain", async () => {
    const credentials = await session('alice-deploy');

    const sts = createStsApi({ AWS_ENDPOINT_URL_STS: moto.url });
    expect(await sts.getCallerIdentity({ credentials, region: 'us-east-1' })).toMatchObject({
      account: ACCOUNT,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/alice`,
    });
    expect(JSON.parse((await world.keychain.get('session', 'alice-deploy')) ?? '{}')).toMatchObject({ accessKeyId: credentials.accessKeyId });
  });

  it('a user without sts:AssumeRole gets a denial naming the action and the role', async () => {
    const error = await rejection(session('mallory-deploy'));
    expect(error.code).toBe('sts-denied');
    expect(error.message).toMatch(new RegExp(`^role "mallory-deploy": AWS denied sts:AssumeRole on ${deployArn} .*identity "mallory"`));
  });

  it('a wrong external id gets a denial that mentions the external id', async () => {
    const error = await rejection(session('alice-partner'));
    expect(error.code).toBe('sts-denied');
    expect(error.message).toContain(`AWS denied sts:AssumeRole on ${partnerArn}`);
    expect(error.message).toContain('external id matches');
  });

  it('a deleted access key says which identity and what to do', async () => {
    const error = await rejection(session('carol-deploy'));
    expect(error.code).toBe('sts-credentials-invalid');
    expect(error.message).toBe(
      `role "carol-deploy": AWS does not accept access key ${keys.carol.accessKeyId} of identity "carol" (InvalidClientTokenId): it is disabled, deleted or mistyped; create a new access key for the IAM user and update the identity`,
    );
  });

  // A role alice may assume, so the secret is the only thing wrong; with no cached session, the call reaches STS.
  it('a wrong stored secret says to enter it again', async () => {
    const wrong = wrongSecret(keys.alice.secretAccessKey);
    expect(wrong).not.toBe(keys.alice.secretAccessKey);
    await engine.forget('alice-deploy');
    await world.keychain.set('identity', 'alice', wrong);
    try {
      const error = await rejection(session('alice-deploy'));
      expect(error.code).toBe('sts-credentials-invalid');
      expect(error.message).toContain('the secret access key stored for identity "alice" does not match');
      for (const secret of [keys.alice.secretAccessKey, wrong]) expect(error.message).not.toContain(secret.slice(1));
    } finally {
      await world.keychain.set('identity', 'alice', keys.alice.secretAccessKey);
    }
  });
});
