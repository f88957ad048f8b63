/** An MFA prompt that answers with `answer`, and records the waits it was told of and the flows that ended. */
import type { MfaPrompt, MfaPromptRequest } from '../../electron/core/sts/mfa-prompt';

export class FakeMfaPrompt implements MfaPrompt {
  readonly asked: MfaPromptRequest[] = [];
  readonly waits: number[] = [];
  done = () => void this.finished++;
  finished = 0;

  constructor(public answer: (request: MfaPromptRequest) => Promise<string> | string) {}

  async ask(request: MfaPromptRequest): Promise<string> {
    this.asked.push(request);
    return this.answer(request);
  }

  waiting(_request: unknown, waitMs: number): void {
    this.waits.push(waitMs);
  }
}
