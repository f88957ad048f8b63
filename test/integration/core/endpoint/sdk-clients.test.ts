/**
 * Real AWS clients served by the credential endpoint: boto3, the JavaScript SDK's default chain and the
 * AWS CLI v1 and v2, each with only the endpoint's two variables (no keys, no profile, an empty HOME),
 * get the assumed role's identity from moto. Behind the endpoint, the session engine as the app and the
 * agent run it (memory in front of the real keychain, the SDK against moto through a counting proxy):
 * one MFA prompt, one GetSessionToken and one AssumeRole serve every client.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEndpoint, type CredentialEndpoint, type IssuedGrant } from '../../../../electron/core/endpoint/credential-endpoint';
import { KeychainSessionCache } from '../../../../electron/core/sessions/keychain-session-cache';
import { LayeredSessionCache } from '../../../../electron/core/sessions/layered-session-cache';
import { MemorySessionCache } from '../../../../electron/core/sessions/memory-session-cache';
import { awsCliV1, awsCliV2, boto3 as boto3Component, keyring, moto as motoComponent } from '../../../helpers/components';
import { engineWorld, type EngineWorld } from '../../../helpers/engine-world';
import { ACCOUNT, mfaSerial, roleArn } from '../../../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../../../helpers/moto-world';
import { describeWith } from '../../../helpers/needs';
import { startStsProxy, type StsProxy } from '../../../helpers/sts-proxy';
import { tempFolders } from '../../../helpers/temp-folders';
import { awsCliArn, boto3, jsSdk, servedEnvironment } from './sdk-children';

const ROLE_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/dev/alice`;

describeWith([keyring, motoComponent, boto3Component, awsCliV1, awsCliV2], 'AWS clients served by the credential endpoint', () => {
  const temp = tempFolders();
  let moto: MotoWorld;
  let proxy: StsProxy;
  let world: EngineWorld;
  let endpoint: CredentialEndpoint;
  let grant: IssuedGrant;
  /** A served child's environment: an empty HOME of its own. */
  const served = (base?: NodeJS.ProcessEnv) => servedEnvironment(grant, temp('client-home'), base);

  beforeAll(async () => {
    // Auth off: moto's GetSessionToken answers keys that work only then.
    moto = await startMotoWorld({ roles: ['dev'] });
    proxy = await startStsProxy(moto.url);
    world = await engineWorld(temp('engine'), {
      identities: [{ name: 'alice', accessKeyId: moto.alice.accessKeyId }],
      mfaDevices: [{ name: 'phone', serial: mfaSerial('alice'), identity: 'alice', hasSeed: false, autoMfa: false }],
      roles: [{ name: 'dev', roleArn: roleArn('dev'), source: 'alice', mfaDevice: 'phone', directMfa: false }],
      secrets: { alice: moto.alice.secretAccessKey },
      env: { AWS_ENDPOINT_URL_STS: proxy.url },
      cache: (keychain) => new LayeredSessionCache(new MemorySessionCache(), new KeychainSessionCache(keychain)),
    });
    const engine = world.engine();
    endpoint = await startEndpoint({ credentials: (name, requester) => engine.credentialsAndRegion(name, requester) });
    grant = await endpoint.grant('dev', 'exec integration test');
  }, 60_000);
  afterAll(async () => {
    await endpoint?.close();
    await world?.clear();
    await proxy?.stop();
    await moto?.stop();
  });

  it('the grant asked for MFA once, before any client ran', () => {
    expect(world.asked).toHaveLength(1);
    expect(world.asked[0]).toMatchObject({ requester: 'exec integration test' });
    expect([proxy.count('GetSessionToken'), proxy.count('AssumeRole')]).toEqual([1, 1]);
  });

  it('boto3 takes the role from the endpoint (botocore’s container-role provider)', async () => {
    const env = served();
    expect(Object.keys(env).sort()).toEqual(['AWS_CONTAINER_AUTHORIZATION_TOKEN', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'HOME', 'PATH']);
    expect(await boto3.once(moto.url, env)).toEqual({ arn: ROLE_ARN, method: 'container-role' });
  });

  it('the JavaScript SDK’s default chain takes the role from the endpoint', async () => {
    expect(await jsSdk.once(moto.url, served())).toEqual({ arn: ROLE_ARN });
  });

  it('AWS CLI v1 and v2 take the role from the endpoint', async () => {
    expect(await awsCliArn(1, moto.url, served())).toBe(ROLE_ARN);
    expect(await awsCliArn(2, moto.url, served())).toBe(ROLE_ARN);
  });

  it('the variables that would shadow the endpoint are gone from a served environment', async () => {
    const polluted = {
      AWS_ACCESS_KEY_ID: 'AKIAPARENTKEY0000000',
      AWS_SECRET_ACCESS_KEY: 'parent-secret',
      AWS_PROFILE: 'parent-profile',
      AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/elsewhere',
      AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '/nonexistent/token',
    };
    expect(await boto3.once(moto.url, served(polluted))).toEqual({ arn: ROLE_ARN, method: 'container-role' });
    expect(await jsSdk.once(moto.url, served(polluted))).toEqual({ arn: ROLE_ARN });
  });

  it('what the environment cannot fix: keys in [default] of the credentials file come before the endpoint', async () => {
    const home = temp('client-home');
    mkdirSync(join(home, '.aws'));
    writeFileSync(join(home, '.aws', 'credentials'), `[default]\naws_access_key_id = ${moto.alice.accessKeyId}\naws_secret_access_key = ${moto.alice.secretAccessKey}\n`);
    expect(await boto3.once(moto.url, servedEnvironment(grant, home))).toEqual({ arn: `arn:aws:iam::${ACCOUNT}:user/alice`, method: 'shared-credentials-file' });
  });

  it('the token file variant works when the file holds the token alone: botocore refuses a trailing newline', async () => {
    const folder = temp('token');
    const file = join(folder, 'token');
    const { AWS_CONTAINER_AUTHORIZATION_TOKEN: _token, ...env } = served();
    const withFile = { ...env, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: file };
    writeFileSync(file, grant.token, { mode: 0o600 });
    chmodSync(file, 0o600);
    expect(await boto3.once(moto.url, withFile)).toEqual({ arn: ROLE_ARN, method: 'container-role' });
    expect(await jsSdk.once(moto.url, withFile)).toEqual({ arn: ROLE_ARN });
    writeFileSync(file, `${grant.token}\n`);
    await expect(boto3.once(moto.url, withFile)).rejects.toThrow('not a legal header value');
  });

  it('a revoked grant: botocore’s error carries the endpoint’s reason; the JavaScript SDK finds no credentials', async () => {
    const revoked = await endpoint.grant('dev', 'exec to be revoked');
    endpoint.revoke(revoked.id);
    const env = servedEnvironment(revoked, temp('client-home'));
    const error = await boto3.once(moto.url, env).then(() => undefined, (caught: Error) => caught.message);
    expect(error).toContain('Received non 200 response 403 from container metadata: {"Code":"grant-revoked","Message":"this grant was revoked in Latchkey: ask for a new one"}');
    expect(error).not.toContain(revoked.token);
    await expect(jsSdk.once(moto.url, env)).rejects.toThrow('Could not load credentials from any providers');
    expect(await boto3.once(moto.url, served())).toEqual({ arn: ROLE_ARN, method: 'container-role' });
  });

  it('every client was served from the one cached session: no further STS call or prompt', () => {
    expect([proxy.count('GetSessionToken'), proxy.count('AssumeRole')]).toEqual([1, 1]);
    expect(world.asked).toHaveLength(1);
  });
});
