/** Timers enter through this port so the tray, the reminders and the MFA popups can run on a fake clock in tests. */
export interface Timers {
  /** Runs `run` once, `ms` from now; the function returned cancels it. */
  after(ms: number, run: () => void): () => void;
}

// setTimeout fires at once for delays past 2^31 − 1 ms (about 24.8 days); callers re-check the clock
// when woken, so waking early is harmless.
const MAX_DELAY_MS = 2 ** 31 - 1;

export const systemTimers: Timers = {
  after(ms, run) {
    const timer = setTimeout(run, Math.min(Math.max(ms, 0), MAX_DELAY_MS));
    return () => clearTimeout(timer);
  },
};
