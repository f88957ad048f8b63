/**
 * A fast cache in front of a durable one: the broker keeps sessions in memory and still shares them with
 * standalone CLI runs through the keychain.
 */
import type { Session } from '../sts/credentials';
import type { SessionCache, SessionSlot } from './session-cache';

export class LayeredSessionCache implements SessionCache {
  constructor(
    private readonly front: SessionCache,
    private readonly back: SessionCache,
  ) {}

  async get(slot: SessionSlot, validUntilMs: number): Promise<Session | undefined> {
    const near = await this.front.get(slot, validUntilMs);
    if (near) return near;
    const far = await this.back.get(slot, validUntilMs);
    if (far) await this.front.set(slot, far);
    return far;
  }

  async set(slot: SessionSlot, session: Session): Promise<void> {
    await this.back.set(slot, session);
    await this.front.set(slot, session);
  }

  async delete(owner: string): Promise<boolean> {
    const back = await this.back.delete(owner);
    const front = await this.front.delete(owner);
    return back || front;
  }

  async prune(wanted: (slot: SessionSlot) => boolean, nowMs: number): Promise<string[]> {
    const [back, front] = [await this.back.prune(wanted, nowMs), await this.front.prune(wanted, nowMs)];
    return [...new Set([...back, ...front])];
  }
}
