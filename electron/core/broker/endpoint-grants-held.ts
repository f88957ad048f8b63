/**
 * The credential endpoints a broker's host knows of: each `exec --server` or `serve` registers its
 * grant (name, requester, since) so the tray and `latchkey status` can show it, and the tray can revoke
 * it — after which the host refuses that grant's session requests, and the endpoint refuses its tool.
 */
import { randomUUID } from 'node:crypto';
import { LatchkeyError } from '../../shared/errors';
import type { GrantStatus } from '../../shared/broker-contract';

export class GrantsHeld {
  readonly #live = new Map<string, GrantStatus>();
  readonly #revoked = new Set<string>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  add(name: string, requester: string): string {
    const id = randomUUID();
    this.#live.set(id, { id, name, requester, since: this.now().toISOString().replace(/\.\d{3}Z$/, 'Z') });
    return id;
  }

  release(id: string): boolean {
    return this.#live.delete(id);
  }

  revoke(id: string): boolean {
    if (!this.#live.delete(id)) return false;
    this.#revoked.add(id);
    return true;
  }

  list(): GrantStatus[] {
    return [...this.#live.values()];
  }

  /** Throws for a revoked grant, naming it; an unknown id (a host restarted since) is served. */
  check(id: string | undefined, name: string): void {
    if (id !== undefined && this.#revoked.has(id))
      throw new LatchkeyError('revoked', `the credential endpoint for ${name} was revoked in Latchkey; start the command again to get a new one`);
  }
}
