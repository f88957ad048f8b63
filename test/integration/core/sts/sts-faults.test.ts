/**
 * STS misbehaving over real HTTP, through a proxy in front of moto, met by the session engine with the
 * real keychain: every failure ends after a bounded number of attempts, within seconds, with a message
 * that says what happened and to try again.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { STS_CALL_MS } from '../../../../electron/core/timeouts';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { keyring, moto as motoComponent } from '../../../helpers/components';
import { engineWorld, type EngineWorld } from '../../../helpers/engine-world';
import { freePort } from '../../../helpers/moto';
import { startMotoWorld, type MotoWorld } from '../../../helpers/moto-world';
import { describeWith } from '../../../helpers/needs';
import { startStsProxy, type StsProxy } from '../../../helpers/sts-proxy';
import { tempFolders } from '../../../helpers/temp-folders';

/** One call's deadline bounds every failure; this is the room for a busy machine (keychain and settings reads, a late timer). */
const ALLOWANCE_MS = 8_000;

describeWith([keyring, motoComponent], 'STS faults: bounded retries and clear errors', () => {
  const temp = tempFolders();
  let moto: MotoWorld;
  let proxy: StsProxy;
  const worlds: EngineWorld[] = [];
  beforeAll(async () => {
    moto = await startMotoWorld({ roles: [] });
    proxy = await startStsProxy(moto.url);
  }, 60_000);
  afterEach(() => proxy.behave());
  afterAll(async () => {
    for (const world of worlds) await world.clear();
    await proxy?.stop();
    await moto?.stop();
  });

  /** alice's identity session (GetSessionToken, no MFA) in a world of its own, so nothing is cached. */
  async function getSession(endpoint: string) {
    const world = await engineWorld(temp('engine'), {
      identities: [{ name: 'alice', accessKeyId: moto.alice.accessKeyId }],
      preferences: { mfaSessionSeconds: 3_600, roleSessionSeconds: 3_600 },
      secrets: { alice: moto.alice.secretAccessKey },
      env: { AWS_ENDPOINT_URL_STS: endpoint },
    });
    worlds.push(world);
    const started = Date.now();
    const outcome = await world
      .engine()
      .credentials('alice', 'integration test')
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
    expect(ms).toBeLessThan(STS_CALL_MS + ALLOWANCE_MS);
  });

  it('throttling is retried with backoff, then reported as throttling', async () => {
    proxy.misbehave('throttle');
    const before = proxy.count('GetSessionToken');
    const { error, ms } = await getSession(proxy.url);
    expect(error?.code).toBe('sts-throttled');
    expect(error?.message).toContain('STS is throttling requests and did not answer GetSessionToken after 3 attempts: wait a minute and try again');
    expect(proxy.count('GetSessionToken') - before).toBe(3);
    expect(ms).toBeLessThan(STS_CALL_MS + ALLOWANCE_MS);
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
    expect(ms).toBeLessThan(STS_CALL_MS + ALLOWANCE_MS);
  });

  it('nothing listening is a network error, quickly', async () => {
    const { error, ms } = await getSession(`http://127.0.0.1:${await freePort()}`);
    expect(error?.code).toBe('sts-unavailable');
    // Refused at once: no attempt waited for its timeout (the message would say "timed out").
    expect(error?.message).toContain('(network error ECONNREFUSED)');
    expect(ms).toBeLessThan(STS_CALL_MS);
  });
});
