/**
 * MFA codes for the CLI and the agent: asked on the controlling terminal, which works even under
 * `credential_process` (stdin is a pipe there). With no terminal, the error says how else to get a code.
 */
import { LatchkeyError, isLatchkeyError } from '../shared/errors';
import { printableText } from '../shared/printable-text';
import type { MfaPrompt, MfaPromptRequest } from '../core/sts/mfa-prompt';
import { askHidden } from './terminal';

export class TerminalMfaPrompt implements MfaPrompt {
  /** One question at a time: the agent may need codes for two devices at once, and there is one terminal. */
  #turn: Promise<unknown> = Promise.resolve();

  ask(request: MfaPromptRequest): Promise<string> {
    const answer = this.#turn.then(() => this.#ask(request));
    this.#turn = answer.catch(() => undefined);
    return answer;
  }

  #ask({ device, identity, requester, previousError }: MfaPromptRequest): Promise<string> {
    // The requester comes from whoever asked the broker, the error from STS: neither may steer the terminal.
    const retry = previousError ? `${printableText(previousError)}\n` : '';
    const question = `${retry}MFA code for ${identity.name} (${device.serial}), requested by ${printableText(requester)}: `;
    const unavailable = new LatchkeyError(
      'mfa-required',
      `MFA device "${device.name}" needs a code and there is no terminal to ask on: start the Latchkey app or \`latchkey agent\`, run the command from a terminal, or store the device's seed with auto-MFA`,
    );
    return askHidden(question, unavailable).catch((error: unknown) => {
      throw isLatchkeyError(error) && error.code === 'cancelled' ? new LatchkeyError('mfa-cancelled', `MFA code for "${device.name}" not entered`) : error;
    });
  }
}
