/**
 * MFA codes for the CLI and the agent: asked on the controlling terminal, which works even under
 * `credential_process` (stdin is a pipe there). With no terminal, the error says how else to get a code.
 * The terminal stays without echo from the first question until AWS has answered the last code, so
 * digits typed ahead while a code is checked never show.
 */
import { LatchkeyError, isLatchkeyError } from '../shared/errors';
import { printableText } from '../shared/printable-text';
import type { MfaPrompt, MfaPromptRequest, MfaWaitRequest } from '../core/sts/mfa-prompt';
import { MFA_PROMPT_MS } from '../core/timeouts';
import { HiddenTerminal } from './terminal';

export class TerminalMfaPrompt implements MfaPrompt {
  /** One question at a time: the agent may need codes for two devices at once, and there is one terminal. */
  #turn: Promise<unknown> = Promise.resolve();
  #terminal: Promise<HiddenTerminal> | undefined;
  /** Questions asked or queued: a flow that is done releases the terminal only when none is. */
  #asking = 0;

  /** `notice`: a line on stderr, for what the person should know while nothing is asked. */
  constructor(private readonly notice: (message: string) => void) {}

  ask(request: MfaPromptRequest): Promise<string> {
    this.#asking++;
    const answer = this.#turn.then(() => this.#ask(request)).finally(() => this.#asking--);
    this.#turn = answer.catch(() => undefined);
    return answer;
  }

  waiting({ device }: MfaWaitRequest, waitMs: number): void {
    // Auto-MFA needs no terminal; the person still sees why nothing happens for a while.
    this.notice(`auto-MFA waits ${Math.ceil(waitMs / 1000)} s for a fresh code for "${device.name}" (the current one was just used)`);
  }

  done(): void {
    if (this.#asking > 0) return;
    const terminal = this.#terminal;
    this.#terminal = undefined;
    void terminal?.then((held) => held.close(), () => undefined);
  }

  async #ask({ device, identity, requester, previousError }: MfaPromptRequest): Promise<string> {
    const unavailable = new LatchkeyError(
      'mfa-required',
      `MFA device "${device.name}" needs a code and there is no terminal to ask on: start the Latchkey app or \`latchkey agent\`, run the command from a terminal, or store the device's seed with auto-MFA`,
    );
    this.#terminal ??= HiddenTerminal.open(unavailable);
    const terminal = await this.#terminal.catch((error: unknown) => {
      this.#terminal = undefined;
      throw error;
    });
    // The requester comes from whoever asked the broker, the error from STS: neither may steer the terminal.
    if (previousError) terminal.say(printableText(previousError));
    const question = `MFA code for ${identity.name} (${device.serial}), requested by ${printableText(requester)}: `;
    const expired = new LatchkeyError('mfa-cancelled', `no MFA code entered within ${MFA_PROMPT_MS / 60_000} minutes for "${device.name}"; run the command again`);
    return terminal.ask(question, { deadlineMs: MFA_PROMPT_MS, expired }).catch((error: unknown) => {
      throw isLatchkeyError(error) && error.code === 'cancelled' ? new LatchkeyError('mfa-cancelled', `MFA code for "${device.name}" not entered`) : error;
    });
  }
}
