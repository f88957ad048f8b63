/**
 * How a person is asked for an MFA code: a popup in the app, the terminal for the CLI and the agent.
 * Rejects with a LatchkeyError 'mfa-cancelled' when the person cancels.
 */
import type { Identity, MfaDevice } from '../../shared/model';

export interface MfaPromptRequest {
  device: MfaDevice;
  identity: Identity;
  /** Who wants the session, shown to the person: "tray", "credential_process dev". */
  requester: string;
  /** 1 for the first ask; more after a refused code. */
  attempt: number;
  /** Why the previous code was not accepted. */
  previousError?: string;
}

export interface MfaPrompt {
  /** The code the person typed. */
  ask(request: MfaPromptRequest): Promise<string>;
  /**
   * Auto-MFA is about to wait `waitMs` for a fresh time step (the current one's code was just sent):
   * the person is shown the wait, never left with silence.
   */
  waiting(request: MfaWaitRequest, waitMs: number): void;
  /**
   * AWS has answered the last code asked for this request (accepted it, or it was the last try), or the
   * flow ended otherwise. Until then the prompt may stay open for a retry — the popup showing that the
   * code is being checked, the terminal keeping typed-ahead digits hidden.
   */
  done(request: MfaWaitRequest): void;
}

export type MfaWaitRequest = Omit<MfaPromptRequest, 'attempt' | 'previousError'>;
