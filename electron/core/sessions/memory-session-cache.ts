import { isValidUntil, type Session, type SessionCache } from './session-cache';

export class MemorySessionCache implements SessionCache {
  readonly #sessions = new Map<string, Session>();

  async get(key: string, validUntilMs: number): Promise<Session | undefined> {
    const session = this.#sessions.get(key);
    return isValidUntil(session, validUntilMs) ? session : undefined;
  }

  async set(key: string, session: Session): Promise<void> {
    this.#sessions.set(key, session);
  }

  async delete(key: string): Promise<void> {
    this.#sessions.delete(key);
  }
}
