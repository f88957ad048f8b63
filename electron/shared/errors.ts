/**
 * Errors are values a person can act on. Every failure Latchkey reports is a LatchkeyError with a
 * stable code (for programs and tests) and a message that names the profile, the field and what to do
 * (for people). The CLI and the UI show the message, never a stack trace.
 */
export type ErrorCode =
  | 'invalid-input'
  /** The command was called wrongly: the CLI exits 2 and shows its usage. */
  | 'usage'
  | 'not-found'
  | 'already-exists'
  | 'aws-file'
  /** A profile holds what Latchkey did not write: the user may confirm a replacement (--replace). */
  | 'not-owned'
  /** A profile holds a long-term key, which Latchkey never overwrites, even when asked to. */
  | 'long-term-key'
  | 'file-locked'
  | 'keychain-unavailable'
  | 'keychain-locked'
  | 'keychain-timeout'
  | 'keychain-failure'
  | 'settings'
  | 'mfa-required'
  | 'mfa-invalid'
  | 'mfa-cancelled'
  | 'mfa-reused'
  | 'sts-denied'
  | 'sts-credentials-invalid'
  | 'sts-clock-skew'
  | 'sts-throttled'
  | 'sts-unavailable'
  | 'sts-failure'
  | 'broker'
  | 'cancelled'
  | 'revoked'
  | 'no-terminal'
  | 'internal';

export class LatchkeyError extends Error {
  override readonly name = 'LatchkeyError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Recognises ours by name rather than by class, so it holds across separately bundled copies of this
 * module (the CLI loads its parts lazily from several files).
 */
export function isLatchkeyError(error: unknown): error is LatchkeyError {
  return error instanceof Error && error.name === 'LatchkeyError' && typeof (error as LatchkeyError).code === 'string';
}

/** The message to show a person for any thrown value: ours verbatim, anything else without its stack. */
export function describeError(error: unknown): string {
  if (isLatchkeyError(error)) return error.message;
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return `unexpected error: ${String(error)}`;
}
