/**
 * Sessions in the keychain, so separate CLI runs share them and the MFA session never touches a
 * plaintext file. A malformed entry reads as a miss: it is replaced by the next session obtained.
 */
import * as v from 'valibot';
import { utcTimestamp } from '../../shared/timestamp';
import type { Keychain } from '../keychain/keychain';
import { isValidUntil, type Session, type SessionCache } from './session-cache';
import { sessionKeyDigest } from './session-key';

const Text = v.pipe(v.string(), v.minLength(1));
const StoredSession = v.object({
  accessKeyId: Text,
  secretAccessKey: Text,
  sessionToken: Text,
  expiration: utcTimestamp(),
});

export class KeychainSessionCache implements SessionCache {
  constructor(private readonly keychain: Keychain) {}

  async get(key: string, validUntilMs: number): Promise<Session | undefined> {
    const stored = await this.keychain.get('session', sessionKeyDigest(key));
    if (stored === undefined) return undefined;
    let parsed;
    try {
      parsed = v.safeParse(StoredSession, JSON.parse(stored));
    } catch {
      return undefined;
    }
    if (!parsed.success) return undefined;
    const session = { ...parsed.output, expiration: new Date(parsed.output.expiration) };
    return isValidUntil(session, validUntilMs) ? session : undefined;
  }

  async set(key: string, session: Session): Promise<void> {
    const stored: v.InferOutput<typeof StoredSession> = {
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
      sessionToken: session.sessionToken,
      expiration: session.expiration.toISOString(),
    };
    await this.keychain.set('session', sessionKeyDigest(key), JSON.stringify(stored));
  }

  async delete(key: string): Promise<void> {
    await this.keychain.delete('session', sessionKeyDigest(key));
  }
}
