/**
 * Where MFA codes come from: the stored seed when the person turned auto-MFA on for the device,
 * otherwise the person. Every code, typed or generated, goes out under a freshly claimed time step, so
 * a code AWS has already accepted is never sent again. A refused code is asked for again, a few times.
 */
import { LatchkeyError, isLatchkeyError } from '../../shared/errors';
import type { Identity, MfaDevice } from '../../shared/model';
import { validateTokenCode } from '../../shared/validation';
import type { Keychain } from '../keychain/keychain';
import type { ReplayGuard } from '../totp/replay-guard';
import type { MfaPrompt } from './mfa-prompt';

export interface MfaCodeRequest {
  device: MfaDevice;
  identity: Identity;
  requester: string;
}

const MAX_ATTEMPTS = 3;

export class MfaCodeSource {
  constructor(
    private readonly prompt: MfaPrompt,
    private readonly keychain: Keychain,
    private readonly guard: ReplayGuard,
  ) {}

  /**
   * Calls `send` with a code until it succeeds, it fails with anything but a refused code
   * ('mfa-invalid'), or MAX_ATTEMPTS codes were refused.
   */
  async withCode<T>(request: MfaCodeRequest, send: (code: string) => Promise<T>): Promise<T> {
    const { device } = request;
    let refused: LatchkeyError | undefined;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      // Claimed before asking, so a person asked right after a code was used waits for a new one. A
      // retry waits too: AWS answers a reused code exactly like a wrong one.
      const step = await this.guard.claimStep(device.serial);
      // After a refused seed code the person is asked: the seed or the clock may be wrong.
      const seed = attempt === 1 ? await this.autoSeed(device) : undefined;
      const code =
        seed !== undefined
          ? await codeFromSeed(seed, step)
          : (await this.prompt.ask({ ...request, attempt, previousError: refused?.message })).trim();
      const problem = validateTokenCode(code);
      if (problem !== undefined) {
        // Nothing is sent; the person gets another try like for a wrong code.
        refused = new LatchkeyError('invalid-input', problem);
        continue;
      }
      try {
        return await send(code);
      } catch (error) {
        if (!(isLatchkeyError(error) && error.code === 'mfa-invalid')) throw error;
        refused = error;
      }
    }
    throw new LatchkeyError(
      refused?.code ?? 'mfa-invalid',
      `MFA device "${device.name}" (${device.serial}) of identity "${request.identity.name}": no accepted code after ${MAX_ATTEMPTS} attempts (last: ${refused?.message}); check the device and try again`,
    );
  }

  private async autoSeed(device: MfaDevice): Promise<string | undefined> {
    if (!device.autoMfa || !device.hasSeed) return undefined;
    return this.keychain.get('mfa-seed', device.name);
  }
}

/** otplib is loaded only when a stored seed answers: a cached session needs no TOTP code. */
async function codeFromSeed(seed: string, step: number): Promise<string> {
  const { TOTP_DEFAULTS, totpCode } = await import('../totp/totp-code');
  return totpCode(seed, step * TOTP_DEFAULTS.period * 1000).code;
}
