/**
 * STS misbehaving over real HTTP, through a proxy in front of moto: every failure ends after a bounded
 * number of attempts, within seconds, with a message that says what happened and to try again.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { moto } from '../../../helpers/components';
import { freePort, startMoto, type Moto } from '../../../helpers/moto';
import { describeWith } from '../../../helpers/needs';
import { startStsProxy, type StsProxy } from '../../../helpers/sts-proxy';
import { createUser, iamClient } from '../../../helpers/moto-iam';
import { providerWorld } from './sts-integration';

describeWith([moto], 'STS faults: bounded retries and clear errors', () => {
  let server: Moto;
  let proxy: StsProxy;
  let alice: { accessKeyId: string; secretAccessKey: string };
  beforeAll(async () => {
    server = await startMoto();
    proxy = await startStsProxy(server.url);
    alice = await createUser(iamClient(server.url), 'alice');
  });
  afterEach(() => proxy.behave());
  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
  });

  /** alice's identity session (GetSessionToken, no MFA), fresh each time so nothing is cached. */
  async function getSession(endpoint: string) {
    const world = providerWorld(
      {
        identities: [{ name: 'alice', accessKeyId: alice.accessKeyId }],
        mfaDevices: [],
        roles: [],
        preferences: { mfaSessionSeconds: 3_600, roleSessionSeconds: 3_600 },
      },
      { AWS_ENDPOINT_URL_STS: endpoint },
    );
    await world.keychain.set('identity', 'alice', alice.secretAccessKey);
    const started = Date.now();
    const outcome = await world
      .build('alice')
      .retrieve()
      .then(
        (session) => ({ session, error: undefined }),
        (error: unknown) => ({ session: undefined, error: error as LatchkeyError }),
      );
    return { ...outcome, ms: Date.now() - started };
  }

  it('HTTP 500 is retried, then reported as STS not answering', async () => {
    proxy.misbehave('server-error');
    const before = proxy.count('GetSessionToken');
    const { error, ms } = await getSession(proxy.url);
    expect(error).toBeInstanceOf(LatchkeyError);
    expect(error?.code).toBe('sts-unavailable');
    expect(error?.message).toBe(
      'identity "alice": STS did not answer GetSessionToken after 3 attempts (HTTP 500): check the network connection and any STS endpoint setting, then try again',
    );
    expect(proxy.count('GetSessionToken') - before).toBe(3);
    expect(ms).toBeLessThan(15_000);
  });

  it('throttling is retried with backoff, then reported as throttling', async () => {
    proxy.misbehave('throttle');
    const before = proxy.count('GetSessionToken');
    const { error, ms } = await getSession(proxy.url);
    expect(error?.code).toBe('sts-throttled');
    expect(error?.message).toContain('STS is throttling requests and did not answer GetSessionToken after 3 attempts: wait a minute and try again');
    expect(proxy.count('GetSessionToken') - before).toBe(3);
    expect(ms).toBeLessThan(15_000);
  });

  it('a passing fault is absorbed by a retry', async () => {
    proxy.misbehave('server-error', 1);
    const before = proxy.count('GetSessionToken');
    const { session, error } = await getSession(proxy.url);
    expect(error).toBeUndefined();
    expect(session?.sessionToken).toBeTruthy();
    expect(proxy.count('GetSessionToken') - before).toBe(2);
  });

  it('a hanging endpoint times out each attempt and ends within seconds', async () => {
    proxy.misbehave('hang');
    const before = proxy.count('GetSessionToken');
    const { error, ms } = await getSession(proxy.url);
    expect(error?.code).toBe('sts-unavailable');
    expect(error?.message).toContain('STS did not answer GetSessionToken after 3 attempts (timed out)');
    expect(proxy.count('GetSessionToken') - before).toBe(3);
    expect(ms).toBeLessThan(15_000);
  });

  it('nothing listening is a network error, quickly', async () => {
    const { error, ms } = await getSession(`http://127.0.0.1:${await freePort()}`);
    expect(error?.code).toBe('sts-unavailable');
    expect(error?.message).toContain('(network error ECONNREFUSED)');
    expect(ms).toBeLessThan(5_000);
  });
});
