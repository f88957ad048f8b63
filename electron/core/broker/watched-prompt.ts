/**
 * An MFA prompt that tells a listener when it asks the person, or when auto-MFA waits for a fresh code:
 * the broker passes that on to the callers waiting on it, so a terminal running `aws` says where the
 * code is being asked instead of hanging silently.
 */
import type { MfaPrompt, MfaPromptRequest, MfaWaitRequest } from '../sts/mfa-prompt';

export type PromptEvent = { kind: 'mfa' } | { kind: 'fresh-code'; waitMs: number };

export class WatchedPrompt implements MfaPrompt {
  #listener: (event: PromptEvent) => void = () => {};

  constructor(private readonly prompt: MfaPrompt) {}

  /** The one listener: the broker server that hosts this prompt's engine. */
  watch(listener: (event: PromptEvent) => void): void {
    this.#listener = listener;
  }

  ask(request: MfaPromptRequest): Promise<string> {
    this.#listener({ kind: 'mfa' });
    return this.prompt.ask(request);
  }

  waiting(request: MfaWaitRequest, waitMs: number): void {
    this.#listener({ kind: 'fresh-code', waitMs });
    this.prompt.waiting(request, waitMs);
  }

  done(request: MfaWaitRequest): void {
    this.prompt.done(request);
  }
}
