/**
 * Where sessions are kept between requests. The keychain-backed cache survives processes (the CLI's
 * standalone path); the memory cache serves the broker, whose warm requests touch neither the keychain
 * nor STS. Caches hold only sessions (credentials with an expiry), never long-term keys.
 */
import type { Credentials } from '../sts/credentials';

export interface Session extends Credentials {
  sessionToken: string;
  expiration: Date;
}

export interface SessionCache {
  /** The cached session for key if it is still valid at validUntilMs. */
  get(key: string, validUntilMs: number): Promise<Session | undefined>;
  set(key: string, session: Session): Promise<void>;
  delete(key: string): Promise<void>;
}

export function isValidUntil(session: Session | undefined, validUntilMs: number): session is Session {
  return session !== undefined && session.expiration.getTime() > validUntilMs;
}

export function isSession(credentials: Credentials): credentials is Session {
  return credentials.sessionToken !== undefined && credentials.expiration !== undefined;
}
