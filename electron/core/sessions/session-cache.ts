/**
 * Where sessions are kept between requests. The keychain-backed cache survives processes (the CLI's
 * standalone path); the memory cache serves the broker, whose warm requests touch neither the keychain
 * nor STS. Caches hold only sessions (credentials with an expiry), never long-term keys.
 *
 * A cache keeps one session per owner — the identity or role it is for, which is what a person sees in
 * the keychain — together with the provider key that made it: a session made before the owner was edited
 * has another key, reads as a miss and is replaced, and `prune` deletes it.
 */
import type { Credentials, Session } from '../sts/credentials';

export interface SessionSlot {
  /** The name the session is kept under: an identity or role name (see build-provider's owners). */
  owner: string;
  /** Everything that shaped the session (provider-key): a different key is a different session. */
  key: string;
}

export interface SessionCache {
  /** The cached session for the slot if it is still valid at validUntilMs. */
  get(slot: SessionSlot, validUntilMs: number): Promise<Session | undefined>;
  set(slot: SessionSlot, session: Session): Promise<void>;
  /** true when a session was there. */
  delete(owner: string): Promise<boolean>;
  /**
   * Deletes every session that is not wanted (its owner is gone, or was edited since: `wanted` says
   * whether a slot is still current) or has expired by `nowMs`, and returns the owners deleted.
   */
  prune(wanted: (slot: SessionSlot) => boolean, nowMs: number): Promise<string[]>;
}

export function isValidUntil(session: Session | undefined, validUntilMs: number): session is Session {
  return session !== undefined && session.expiration.getTime() > validUntilMs;
}

export function isSession(credentials: Credentials): credentials is Session {
  return credentials.sessionToken !== undefined && credentials.expiration !== undefined;
}
