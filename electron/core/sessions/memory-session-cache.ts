import type { Session } from '../sts/credentials';
import { isValidUntil, type SessionCache, type SessionSlot } from './session-cache';

export class MemorySessionCache implements SessionCache {
  readonly #sessions = new Map<string, { key: string; session: Session }>();

  async get({ owner, key }: SessionSlot, validUntilMs: number): Promise<Session | undefined> {
    const held = this.#sessions.get(owner);
    return held?.key === key && isValidUntil(held.session, validUntilMs) ? held.session : undefined;
  }

  async set({ owner, key }: SessionSlot, session: Session): Promise<void> {
    this.#sessions.set(owner, { key, session });
  }

  async delete(owner: string): Promise<boolean> {
    return this.#sessions.delete(owner);
  }

  async prune(wanted: (slot: SessionSlot) => boolean, nowMs: number): Promise<string[]> {
    const doomed = [...this.#sessions].filter(([owner, { key, session }]) => !wanted({ owner, key }) || !isValidUntil(session, nowMs));
    for (const [owner] of doomed) this.#sessions.delete(owner);
    return doomed.map(([owner]) => owner);
  }
}
