/**
 * A fast cache in front of a durable one: the broker keeps sessions in memory and still shares them with
 * standalone CLI runs through the keychain.
 */
import type { Session, SessionCache } from './session-cache';

export class LayeredSessionCache implements SessionCache {
  constructor(
    private readonly front: SessionCache,
    private readonly back: SessionCache,
  ) {}

  async get(key: string, validUntilMs: number): Promise<Session | undefined> {
    const near = await this.front.get(key, validUntilMs);
    if (near) return near;
    const far = await this.back.get(key, validUntilMs);
    if (far) await this.front.set(key, far);
    return far;
  }

  async set(key: string, session: Session): Promise<void> {
    await this.back.set(key, session);
    await this.front.set(key, session);
  }

  async delete(key: string): Promise<void> {
    await this.back.delete(key);
    await this.front.delete(key);
  }
}
