/**
 * Where MFA codes come from: the stored seed when the person turned auto-MFA on for the device,
 * otherwise the person, asked at once. The replay guard keeps a code AWS has already accepted from
 * going out again (replay-guard.ts). A refused code is asked for again at once, a few times.
 */
import { LatchkeyError, isLatchkeyError } from '../../shared/errors';
import type { Identity, MfaDevice } from '../../shared/model';
import { validateTokenCode } from '../../shared/validation';
import type { Keychain } from '../keychain/keychain';
import type { ReplayGuard } from '../totp/replay-guard';
import { MFA_ASKS } from '../timeouts';
import type { MfaPrompt } from './mfa-prompt';

export interface MfaCodeRequest {
  device: MfaDevice;
  identity: Identity;
  requester: string;
}

export class MfaCodeSource {
  constructor(
    private readonly prompt: MfaPrompt,
    private readonly keychain: Keychain,
    private readonly guard: ReplayGuard,
  ) {}

  /**
   * Calls `send` with a code until it succeeds, it fails with anything but a refused code
   * ('mfa-invalid'), or MFA_ASKS codes were refused.
   */
  async withCode<T>(request: MfaCodeRequest, send: (code: string) => Promise<T>): Promise<T> {
    try {
      return await this.#attempts(request, send);
    } finally {
      this.prompt.done(request);
    }
  }

  async #attempts<T>(request: MfaCodeRequest, send: (code: string) => Promise<T>): Promise<T> {
    const { device } = request;
    let refused: LatchkeyError | undefined;
    for (let attempt = 1; attempt <= MFA_ASKS; attempt++) {
      // After a refused seed code the person is asked: the seed or the clock may be wrong.
      const seed = attempt === 1 ? await this.autoSeed(device) : undefined;
      let code: string;
      if (seed !== undefined) {
        const step = await this.guard.claimSeedStep(device.serial, (waitMs) => this.prompt.waiting(request, waitMs));
        code = await codeFromSeed(seed, step);
      } else {
        // Asked at once; the code is checked once typed. A code that is not six digits, or the one just
        // sent, never reaches AWS: the person is asked again at once, with the reason.
        code = (await this.prompt.ask({ ...request, attempt, previousError: refused?.message })).trim();
        const problem = validateTokenCode(code);
        refused = problem === undefined ? await this.claimTyped(device, code) : new LatchkeyError('invalid-input', problem);
        if (refused) continue;
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
      `MFA device "${device.name}" (${device.serial}) of identity "${request.identity.name}": no accepted code after ${MFA_ASKS} attempts (last: ${refused?.message}); check the device and try again`,
    );
  }

  /** undefined when the code may go out; the refusal when it was the one just sent. */
  private async claimTyped(device: MfaDevice, code: string): Promise<LatchkeyError | undefined> {
    try {
      await this.guard.claimTypedCode(device.serial, code);
      return undefined;
    } catch (error) {
      if (isLatchkeyError(error) && error.code === 'mfa-reused') return error;
      throw error;
    }
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
