/**
 * AWS refuses a TOTP code it has already accepted (AccessDenied, as for a wrong code), so Latchkey never
 * sends one twice, and never makes the person wait to find that out:
 *
 * - A code the person typed is checked against the last code sent for the device: the same code again,
 *   while AWS would still take it for its time step, is refused at once, saying when the next one comes.
 *   Any other code goes out at once; AWS decides. Nothing waits for a time step before the person is asked.
 * - A code from a stored seed is made for the current time step, or, when that step's code was already
 *   sent, for the next one: the only wait, and the caller is told before it starts.
 *
 * Every sent code is recorded atomically under the device's serial, so concurrent callers — in this
 * process or, with a shared store, in others — never send the same code. A sent code is recorded as a
 * digest: once sent, AWS will not accept it again, but it is still not written down in the clear.
 */
import { createHash } from 'node:crypto';
import { LatchkeyError } from '../../shared/errors';
import type { Clock } from '../clock';

/** The last code sent for a device: its time step, and a digest of the code when a person typed it. */
export interface UsedCode {
  step: number;
  digest?: string;
}

export interface UsedStepStore {
  /**
   * Atomically: reads the last code sent for `serial`, passes it to `claim`, and records what `claim`
   * returns (nothing when it returns undefined). Resolves to what `claim` returned.
   */
  update(serial: string, claim: (last: UsedCode | undefined) => UsedCode | undefined): Promise<UsedCode | undefined>;
}

/** AWS accepts a code for its own time step and the ones either side, so a sent code is spent for three steps. */
const ACCEPTED_STEPS = 3;

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
   * Records a code the person typed as sent now, or refuses it at once (LatchkeyError 'mfa-reused') when
   * it is the code last sent for this device and AWS would still count it as used.
   */
  async claimTypedCode(serial: string, code: string): Promise<void> {
    const digest = createHash('sha256').update(`${serial}\n${code}`).digest('hex').slice(0, 32);
    let refusedAfter: UsedCode | undefined;
    await this.store.update(serial, (last) => {
      const step = this.#step();
      if (last?.digest === digest && step < last.step + ACCEPTED_STEPS) {
        refusedAfter = last;
        return undefined;
      }
      return { step, digest };
    });
    if (refusedAfter) {
      const nextInMs = (refusedAfter.step + 1) * this.periodMs - this.clock.now();
      throw new LatchkeyError(
        'mfa-reused',
        nextInMs > 0
          ? `this code was just sent to AWS; the next one comes in ${Math.ceil(nextInMs / 1000)} s`
          : 'this code was just sent to AWS; wait for your device to show a new one',
      );
    }
  }

  /**
   * Claims the time step to make a seed's code for: the current one if no code was sent for it, else the
   * next. `waiting` hears how long, before a wait starts. Send `totpCode(seed, step * period * 1000)`,
   * since the clock may cross into the next step meanwhile.
   */
  async claimSeedStep(serial: string, waiting: (waitMs: number) => void): Promise<number> {
    for (;;) {
      let lastStep = 0;
      let now = 0;
      const claimed = await this.store.update(serial, (last) => {
        // Read the clock inside the claim: the store may have waited for a lock held by another process.
        now = this.clock.now();
        lastStep = last?.step ?? -1;
        const step = Math.floor(now / this.periodMs);
        return step > lastStep ? { step } : undefined;
      });
      if (claimed !== undefined) return claimed.step;
      const waitMs = (lastStep + 1) * this.periodMs - now;
      // A step used more than one step ahead of now means the clock went back; waiting could take hours.
      if (waitMs > 2 * this.periodMs)
        throw new LatchkeyError(
          'sts-clock-skew',
          `the system clock went back: the last MFA code for ${serial} was used ${Math.ceil(waitMs / 1000)} s ahead of the time now; check the clock, or wait that long`,
        );
      waiting(waitMs);
      await this.clock.sleep(waitMs);
    }
  }

  #step(): number {
    return Math.floor(this.clock.now() / this.periodMs);
  }
}
