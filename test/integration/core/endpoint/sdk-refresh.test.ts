/**
 * Long-running clients keep working across renewals: boto3 and the JavaScript SDK call STS in a loop,
 * served by the endpoint, until each has used three sessions (two renewals). Behind it the session
 * engine renews; the proxy in front of moto shows exactly one AssumeRole per session served, one
 * GetSessionToken and one MFA prompt for the identity throughout.
 *
 * Sessions here last 905 s, so with the engine's 15-minute renewal window each is handed out for about
 * 5 s before it is renewed. botocore refreshes container credentials when less than 15 minutes are left,
 * so it asks on every call once that point is near, and gets each new session as the engine makes it.
 * The JavaScript SDK refreshes only 5 minutes before Expiration: for it the test's session source
 * reports each session's Expiration 10 minutes early (always safe: earlier than the real one), so it
 * too asks about 5 s into each session. botocore could not be served that way: with under 10 minutes
 * left it refuses credentials that a refresh did not renew.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEndpoint, type CredentialEndpoint, type CredentialsPort } from '../../../../electron/core/endpoint/credential-endpoint';
import type { SessionEngine } from '../../../../electron/core/sessions/session-engine';
import { KeychainSessionCache } from '../../../../electron/core/sessions/keychain-session-cache';
import { LayeredSessionCache } from '../../../../electron/core/sessions/layered-session-cache';
import { MemorySessionCache } from '../../../../electron/core/sessions/memory-session-cache';
import { boto3 as boto3Component, keyring, moto as motoComponent } from '../../../helpers/components';
import { engineWorld, type EngineWorld } from '../../../helpers/engine-world';
import { ACCOUNT, mfaSerial, roleArn } from '../../../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../../../helpers/moto-world';
import { describeWith } from '../../../helpers/needs';
import { startStsProxy, type StsProxy } from '../../../helpers/sts-proxy';
import { tempFolders } from '../../../helpers/temp-folders';
import { boto3, jsSdk, servedEnvironment, type LoopResult } from './sdk-children';

const SESSION_SECONDS = 905;
const SESSIONS = 3;
const EARLY_MS = 10 * 60_000;

describeWith([keyring, motoComponent, boto3Component], 'long-running clients across renewals', () => {
  const temp = tempFolders();
  let moto: MotoWorld;
  let proxy: StsProxy;
  let world: EngineWorld;
  let engine: SessionEngine;
  const endpoints: CredentialEndpoint[] = [];

  beforeAll(async () => {
    moto = await startMotoWorld({ roles: ['dev', 'ops'] });
    proxy = await startStsProxy(moto.url);
    const role = (name: string) => ({ name, roleArn: roleArn(name), source: 'alice', mfaDevice: 'phone', directMfa: false });
    world = await engineWorld(temp('engine'), {
      identities: [{ name: 'alice', accessKeyId: moto.alice.accessKeyId }],
      mfaDevices: [{ name: 'phone', serial: mfaSerial('alice'), identity: 'alice', hasSeed: false, autoMfa: false }],
      roles: [role('dev'), role('ops')],
      preferences: { roleSessionSeconds: SESSION_SECONDS, renewalWindowMinutes: 15 },
      secrets: { alice: moto.alice.secretAccessKey },
      env: { AWS_ENDPOINT_URL_STS: proxy.url },
      cache: (keychain) => new LayeredSessionCache(new MemorySessionCache(), new KeychainSessionCache(keychain)),
    });
    engine = world.engine();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(endpoints.map((endpoint) => endpoint.close()));
    await world?.clear();
    await proxy?.stop();
    await moto?.stop();
  });

  /** An endpoint over the engine that records the access key of every session it is handed. */
  async function endpointRecording(earlyMs = 0): Promise<{ endpoint: CredentialEndpoint; served: Set<string> }> {
    const served = new Set<string>();
    const credentials: CredentialsPort = async (name, requester) => {
      const { session, region } = await engine.credentialsAndRegion(name, requester);
      served.add(session.accessKeyId);
      return { session: { ...session, expiration: new Date(session.expiration.getTime() - earlyMs) }, region };
    };
    const endpoint = await startEndpoint({ credentials });
    endpoints.push(endpoint);
    return { endpoint, served };
  }

  /** Runs a looping client for `name` and checks what it and STS saw. */
  async function loop(name: string, client: (env: NodeJS.ProcessEnv) => Promise<LoopResult>, earlyMs = 0): Promise<void> {
    const before = proxy.count('AssumeRole');
    const { endpoint, served } = await endpointRecording(earlyMs);
    const grant = await endpoint.grant(name, `exec ${name} loop`);
    const result = await client(servedEnvironment(grant, temp('client-home')));

    expect(result.arns).toEqual([`arn:aws:sts::${ACCOUNT}:assumed-role/${name}/alice`]);
    expect(result.keys).toHaveLength(SESSIONS);
    // The endpoint served exactly the sessions the client used, and each cost exactly one AssumeRole.
    expect([...served]).toEqual(result.keys);
    expect(proxy.count('AssumeRole') - before).toBe(SESSIONS);
    // Many calls per session: the clients were served from the engine's cache in between.
    expect(result.calls).toBeGreaterThan(2 * SESSIONS);
  }

  it('boto3 in a loop: three sessions, one AssumeRole each', async () => {
    await loop('dev', (env) => boto3.loop(moto.url, env, SESSIONS));
  }, 90_000);

  it('the JavaScript SDK in a loop: three sessions, one AssumeRole each', async () => {
    await loop('ops', (env) => jsSdk.loop(moto.url, env, SESSIONS), EARLY_MS);
  }, 90_000);

  it('one GetSessionToken and one MFA prompt for the identity, through every renewal of both roles', () => {
    expect(proxy.count('GetSessionToken')).toBe(1);
    expect(world.asked).toHaveLength(1);
  });
});
