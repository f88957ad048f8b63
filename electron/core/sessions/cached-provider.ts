/**
 * Caching, single flight and renewal wrapped around any session provider. A fresh cached session is
 * handed out at the cost of one cache read; otherwise exactly one caller in this process — and, through
 * a lock file per session key, one process on this machine — asks the provider, while the others wait
 * and then read what it cached. A session with less than the renewal window left is renewed, never
 * handed out, so callers are not given credentials they would immediately try to refresh.
 */
import type { Session, CredentialProvider } from '../sts/credentials';
import { join } from 'node:path';
import { LatchkeyError } from '../../shared/errors';
import type { Clock } from '../clock';
import { withFileLock } from '../fs/file-lock';
import { SESSION_LOCK_WAIT_MS } from '../timeouts';
import { isSession, type SessionCache, type SessionSlot } from './session-cache';
import { sessionKeyDigest } from './session-key';
import type { SingleFlight } from './single-flight';

export interface SessionCaching {
  cache: SessionCache;
  clock: Clock;
  renewalWindowMs: number;
  /** A per-user folder (mode 0700) for the cross-process lock files. */
  lockFolder: string;
  /** Shared by every cached provider of the process. */
  flights: SingleFlight<Session>;
  /** Called after a new session is stored (the engine prunes stale ones then); its failure is ignored. */
  stored?: () => Promise<unknown>;
}


export class CachedProvider implements CredentialProvider {
  readonly key: string;
  readonly slot: SessionSlot;

  constructor(
    private readonly inner: CredentialProvider,
    /** The identity or role the session is kept under. */
    owner: string,
    private readonly caching: SessionCaching,
  ) {
    this.key = inner.key;
    this.slot = { owner, key: inner.key };
  }

  async retrieve(): Promise<Session> {
    return (await this.cached()) ?? this.obtain(() => this.cached());
  }

  /** Gets a new session even if the cached one is still good ("Renew now"). */
  async renew(): Promise<Session> {
    const before = await this.caching.cache.get(this.slot, 0);
    // A caller that waited on another renewal takes its result rather than renewing twice.
    return this.obtain(() => this.caching.cache.get(this.slot, before ? before.expiration.getTime() : 0));
  }

  /** true when a session was cached. */
  async forget(): Promise<boolean> {
    return this.caching.cache.delete(this.slot.owner);
  }

  private cached(): Promise<Session | undefined> {
    return this.caching.cache.get(this.slot, this.caching.clock.now() + this.caching.renewalWindowMs);
  }

  private obtain(settled: () => Promise<Session | undefined>): Promise<Session> {
    const lockPath = join(this.caching.lockFolder, `session-${sessionKeyDigest(this.key)}`);
    return this.caching.flights.run(this.key, () =>
      withFileLock(lockPath, async () => (await settled()) ?? this.fetchAndStore(), { waitMs: SESSION_LOCK_WAIT_MS }),
    );
  }

  private async fetchAndStore(): Promise<Session> {
    const credentials = await this.inner.retrieve();
    if (!isSession(credentials))
      throw new LatchkeyError('internal', `provider ${this.key} returned long-term credentials where a session was expected`);
    await this.caching.cache.set(this.slot, credentials);
    await this.caching.stored?.().catch(() => undefined);
    return credentials;
  }
}
