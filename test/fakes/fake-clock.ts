/** A clock tests move by hand; sleeping advances it at once, so waits are instant and exact. */
import type { Clock } from '../../electron/core/clock';

export class FakeClock implements Clock {
  constructor(private ms = Date.UTC(2026, 0, 1)) {}

  now(): number {
    return this.ms;
  }

  async sleep(ms: number): Promise<void> {
    this.ms += ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
