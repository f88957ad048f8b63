/**
 * Rebuilds the tray when a displayed time or MFA code changes: one timer, set for the next change
 * after every rebuild, and none at all while nothing counts down. State changes rebuild on their own.
 */
import type { Clock } from '../../core/clock';
import type { Timers } from '../../core/timers';
import { timeLeftChangesAt } from './time-left';
import type { TrayState } from './tray-state';

export interface TrayRefreshDeps {
  clock: Clock;
  timers: Timers;
  /** Rebuilds the menu, icon and tooltip from fresh state, then calls schedule() again. */
  refresh: () => void;
}

export class TrayRefresh {
  #cancel: (() => void) | undefined;

  constructor(private readonly deps: TrayRefreshDeps) {}

  /** Call after every rebuild with the state it showed. */
  schedule(state: TrayState): void {
    this.stop();
    const now = this.deps.clock.now();
    const next = nextChange(state, now);
    if (next !== undefined) this.#cancel = this.deps.timers.after(next - now, this.deps.refresh);
  }

  stop(): void {
    this.#cancel?.();
    this.#cancel = undefined;
  }
}

function nextChange(state: TrayState, now: number): number | undefined {
  const expirations = [...Object.values(state.expirations), ...(state.active ? [state.active.expiration] : [])];
  const moments = [
    ...expirations.map((expiration) => timeLeftChangesAt(expiration, now)),
    ...state.identities.flatMap((identity) => identity.mfaCodes.map((code) => now + code.secondsLeft * 1000)),
  ].filter((moment) => moment !== undefined);
  return moments.length === 0 ? undefined : Math.min(...moments);
}
