import type { Session, CredentialProvider, Credentials } from '../../../../electron/core/sts/credentials';
import { describe, expect, it, vi } from 'vitest';
import { CachedProvider } from '../../../../electron/core/sessions/cached-provider';
import { MemorySessionCache } from '../../../../electron/core/sessions/memory-session-cache';
import { SingleFlight } from '../../../../electron/core/sessions/single-flight';
import { FakeClock } from '../../../fakes/fake-clock';
import { tempFolders } from '../../../helpers/temp-folders';

const MINUTE = 60_000;
const temp = tempFolders();

/** A provider that issues numbered sessions valid for `lifetimeMs`, and counts its calls. */
class CountingProvider implements CredentialProvider {
  readonly key = 'role|arn:aws:iam::123456789012:role/admin';
  calls = 0;
  gate: Promise<void> = Promise.resolve();
  constructor(
    private readonly clock: FakeClock,
    private readonly lifetimeMs = 60 * MINUTE,
  ) {}
  async retrieve(): Promise<Credentials> {
    this.calls += 1;
    const n = this.calls;
    await this.gate;
    return {
      accessKeyId: `ASIA${n}`,
      secretAccessKey: `secret-${n}`,
      sessionToken: `token-${n}`,
      expiration: new Date(this.clock.now() + this.lifetimeMs),
    };
  }
}

function setup(lifetimeMs?: number) {
  const clock = new FakeClock();
  const inner = new CountingProvider(clock, lifetimeMs);
  const cache = new MemorySessionCache();
  const caching = {
    cache,
    clock,
    renewalWindowMs: 15 * MINUTE,
    lockFolder: temp('locks'),
    flights: new SingleFlight<Session>(),
  };
  return { clock, inner, cache, provider: new CachedProvider(inner, 'dev', caching), caching };
}

describe('CachedProvider', () => {
  it('asks the provider once and serves the cached session while it is fresh', async () => {
    const { inner, provider, clock } = setup();
    const first = await provider.retrieve();
    clock.advance(44 * MINUTE); // 16 minutes left: still outside the renewal window
    const second = await provider.retrieve();
    expect(inner.calls).toBe(1);
    expect(second).toEqual(first);
  });

  it('renews a session with less than the renewal window left instead of handing it out', async () => {
    const { inner, provider, clock } = setup();
    const first = await provider.retrieve();
    clock.advance(46 * MINUTE); // 14 minutes left
    const second = await provider.retrieve();
    expect(inner.calls).toBe(2);
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(second.expiration.getTime() - clock.now()).toBeGreaterThan(15 * MINUTE);
  });

  it('lets concurrent callers share one provider call', async () => {
    const { inner, provider, caching } = setup();
    let open!: () => void;
    inner.gate = new Promise((resolve) => (open = resolve));
    const joined = vi.spyOn(caching.flights, 'run');
    const callers = Array.from({ length: 16 }, () => provider.retrieve());
    // Every caller has found no cached session and joined the flight, which waits at the gate.
    await vi.waitFor(() => {
      expect(joined).toHaveBeenCalledTimes(16);
      expect(inner.calls).toBe(1);
    });
    open();
    const sessions = await Promise.all(callers);
    expect(inner.calls).toBe(1);
    expect(new Set(sessions.map((s) => s.accessKeyId)).size).toBe(1);
  });

  it('two wrappers of the same key in one process share the flight and the cache', async () => {
    const { inner, caching } = setup();
    const a = new CachedProvider(inner, 'dev', caching);
    const b = new CachedProvider(inner, 'dev', caching);
    const [x, y] = await Promise.all([a.retrieve(), b.retrieve()]);
    expect(inner.calls).toBe(1);
    expect(x).toEqual(y);
  });

  it('a failed call is not cached and the next caller tries again', async () => {
    const { inner, provider } = setup();
    inner.gate = Promise.reject(new Error('network down'));
    inner.gate.catch(() => undefined);
    await expect(provider.retrieve()).rejects.toThrow('network down');
    inner.gate = Promise.resolve();
    await expect(provider.retrieve()).resolves.toMatchObject({ accessKeyId: 'ASIA2' });
  });

  it('renew gets a new session even while the cached one is fresh; forget drops it', async () => {
    const { inner, provider } = setup();
    const first = await provider.retrieve();
    const renewed = await provider.renew();
    expect(renewed.accessKeyId).not.toBe(first.accessKeyId);
    expect(await provider.retrieve()).toEqual(renewed);
    await provider.forget();
    await provider.retrieve();
    expect(inner.calls).toBe(3);
  });

  it('refuses a provider that hands out long-term credentials', async () => {
    const { caching } = setup();
    const longTerm: CredentialProvider = {
      key: 'identity|alice',
      retrieve: async () => ({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' }),
    };
    await expect(new CachedProvider(longTerm, 'alice', caching).retrieve()).rejects.toThrow('long-term credentials');
  });
});
