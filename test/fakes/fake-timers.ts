/**
 * Timers on a FakeClock. advance() moves time and runs each timer at its moment, in order; moving the
 * clock itself runs nothing, which is what a sleeping machine does to pending timers.
 */
import type { Timers } from '../../electron/core/timers';
import { FakeClock } from './fake-clock';

interface Pending {
  due: number;
  run: () => void;
}

export class FakeTimers implements Timers {
  #pending: Pending[] = [];

  constructor(readonly clock = new FakeClock()) {}

  after(ms: number, run: () => void): () => void {
    const timer = { due: this.clock.now() + ms, run };
    this.#pending.push(timer);
    return () => {
      this.#pending = this.#pending.filter((pending) => pending !== timer);
    };
  }

  /** When each pending timer is due, soonest first. */
  get due(): number[] {
    return this.#pending.map((pending) => pending.due).sort((a, b) => a - b);
  }

  advance(ms: number): void {
    const end = this.clock.now() + ms;
    for (;;) {
      const next = this.#pending.filter((pending) => pending.due <= end).sort((a, b) => a.due - b.due)[0];
      if (next === undefined) break;
      this.#pending = this.#pending.filter((pending) => pending !== next);
      this.clock.advance(Math.max(0, next.due - this.clock.now()));
      next.run();
    }
    this.clock.advance(end - this.clock.now());
  }
}
