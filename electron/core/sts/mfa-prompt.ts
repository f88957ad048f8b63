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
}
