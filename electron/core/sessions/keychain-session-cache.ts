/**
 * Sessions in the keychain, so separate CLI runs share them and the MFA session never touches a
 * plaintext file. Each is one entry named after its owner (`session:dev`), so a person who opens the
 * keychain sees what it is; the entry holds the provider key it was made for and its expiry. A malformed
 * entry reads as a miss: it is replaced by the next session obtained, and pruned.
 */
import type { Session } from '../sts/credentials';
import * as v from 'valibot';
import { utcTimestamp } from '../../shared/timestamp';
import type { Keychain } from '../keychain/keychain';
import { isValidUntil, type SessionCache, type SessionSlot } from './session-cache';

const Text = v.pipe(v.string(), v.minLength(1));
const StoredSession = v.object({
  key: Text,
  accessKeyId: Text,
  secretAccessKey: Text,
  sessionToken: Text,
  expiration: utcTimestamp(),
});

export class KeychainSessionCache implements SessionCache {
  constructor(private readonly keychain: Keychain) {}

  async get(slot: SessionSlot, validUntilMs: number): Promise<Session | undefined> {
    const stored = await this.#read(slot.owner);
    return stored?.key === slot.key && isValidUntil(stored.session, validUntilMs) ? stored.session : undefined;
  }

  async set({ owner, key }: SessionSlot, session: Session): Promise<void> {
    const stored: v.InferOutput<typeof StoredSession> = {
      key,
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
      sessionToken: session.sessionToken,
      expiration: session.expiration.toISOString(),
    };
    await this.keychain.set('session', owner, JSON.stringify(stored));
  }

  async delete(owner: string): Promise<boolean> {
    return this.keychain.delete('session', owner);
  }

  async prune(wanted: (slot: SessionSlot) => boolean, nowMs: number): Promise<string[]> {
    const doomed: string[] = [];
    for (const owner of await this.keychain.list('session')) {
      const stored = await this.#read(owner);
      if (stored && wanted({ owner, key: stored.key }) && isValidUntil(stored.session, nowMs)) continue;
      await this.keychain.delete('session', owner);
      doomed.push(owner);
    }
    return doomed;
  }

  async #read(owner: string): Promise<{ key: string; session: Session } | undefined> {
    const stored = await this.keychain.get('session', owner);
    if (stored === undefined) return undefined;
    let parsed;
    try {
      parsed = v.safeParse(StoredSession, JSON.parse(stored));
    } catch {
      return undefined;
    }
    if (!parsed.success) return undefined;
    const { key, ...session } = parsed.output;
    return { key, session: { ...session, expiration: new Date(session.expiration) } };
  }
}
