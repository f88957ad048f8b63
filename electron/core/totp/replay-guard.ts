/**
 * AWS refuses a TOTP code it has already accepted (AccessDenied), so each code goes out at most once:
 * before sending a code, claim its time step for the device's serial. A claim waits for the next step
 * when the current one is used, and is recorded atomically, so concurrent callers — in this process or,
 * with a shared store, in others — always get different steps.
 */
import { LatchkeyError } from '../../shared/errors';
import type { Clock } from '../clock';

export interface UsedStepStore {
  /**
   * Atomically: reads the last step used for `serial`, passes it to `claim`, and records what `claim`
   * returns (nothing when it returns undefined). Resolves to what `claim` returned.
   */
  update(serial: string, claim: (lastUsed: number | undefined) => number | undefined): Promise<number | undefined>;
}

export class ReplayGuard {
  private readonly periodMs: number;

  constructor(
    private readonly store: UsedStepStore,
    private readonly clock: Clock,
    periodSeconds = 30,
  ) {
    this.periodMs = periodSeconds * 1000;
  }

  /**
   * Claims an unused time step for `serial` and returns it; send the code of that step,
   * `totpCode(seed, step * period * 1000)`, since the clock may cross into the next step meanwhile.
   */
  async claimStep(serial: string): Promise<number> {
    for (;;) {
      let lastUsed: number | undefined;
      let now = 0;
      const claimed = await this.store.update(serial, (last) => {
        // Read the clock inside the claim: the store may have waited for a lock held by another process.
        now = this.clock.now();
        lastUsed = last;
        const step = Math.floor(now / this.periodMs);
        return last === undefined || step > last ? step : undefined;
      });
      if (claimed !== undefined) return claimed;
      const waitMs = ((lastUsed ?? 0) + 1) * this.periodMs - now;
      // A step used more than one step ahead of now means the clock went back; waiting could take hours.
      if (waitMs > 2 * this.periodMs)
        throw new LatchkeyError(
          'sts-clock-skew',
          `the system clock went back: the last MFA code for ${serial} was used ${Math.ceil(waitMs / 1000)} s ahead of the time now; check the clock, or wait that long`,
        );
      await this.clock.sleep(waitMs);
    }
  }
}
