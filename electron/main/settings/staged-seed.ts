/**
 * The one seed the settings window is working with, pasted or read from a QR image. It stays here in
 * main until its device is saved; the window holds only a token for it and sees only its current code.
 * Staging another seed replaces it: the window edits one device at a time.
 */
import { randomUUID } from 'node:crypto';
import { LatchkeyError } from '../../shared/errors';
import type { SeedPreview, TotpCodeView } from '../../shared/ipc-contract';
import type { Clock } from '../../core/clock';
import { totpCode } from '../../core/totp/totp-code';
import type { SeedInput } from './read-seed-text';

export class StagedSeed {
  #staged?: { token: string; seed: string };

  constructor(private readonly clock: Clock) {}

  stage({ seed, issuer, account }: SeedInput): SeedPreview {
    const token = randomUUID();
    this.#staged = { token, seed };
    return { token, issuer, account, ...this.code(token) };
  }

  code(token: string): TotpCodeView {
    const { code, secondsLeft } = totpCode(this.seed(token), this.clock.now());
    return { code, secondsLeft };
  }

  seed(token: string): string {
    if (this.#staged?.token !== token)
      throw new LatchkeyError('not-found', 'Latchkey no longer holds that seed: paste it or choose the QR image again');
    return this.#staged.seed;
  }

  /** Once its device is saved, the seed lives in the keychain only. */
  clear(token: string): void {
    if (this.#staged?.token === token) this.#staged = undefined;
  }
}
