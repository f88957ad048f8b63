/**
 * Failures of the OS keychain as errors a person can act on. @napi-rs/keyring reports every failure
 * with err.code 'GenericFailure', so its message decides what went wrong; the patterns are the messages
 * it gives for each case.
 */
import { LatchkeyError, type ErrorCode } from '../../shared/errors';

export type KeychainErrorCode = Extract<ErrorCode, `keychain-${string}`>;

const patterns: [KeychainErrorCode, RegExp][] = [
  // No session bus, no Secret Service on it, or one without a default keyring.
  ['keychain-unavailable', /DBUS_SESSION_BUS_ADDRESS|Failed to connect|not provided by any \.service files|ServiceUnknown|Secret Service: no result found/i],
  ['keychain-locked', /unlock prompt was dismissed|IsLocked|\blocked\b/i],
  ['keychain-timeout', /Did not receive a reply|timed? ?out/i],
];

export function classifyKeychainFailure(message: string): KeychainErrorCode {
  return patterns.find(([, pattern]) => pattern.test(message))?.[0] ?? 'keychain-failure';
}

/** `doing` names the operation and account, e.g. "reading identity:alice"; never a secret. */
export function keychainError(code: KeychainErrorCode, doing: string, cause?: unknown): LatchkeyError {
  const detail = cause instanceof Error ? ` (${cause.message})` : '';
  switch (code) {
    case 'keychain-unavailable':
      return new LatchkeyError(
        code,
        `no keychain is available while ${doing}${detail}: start a Secret Service such as gnome-keyring with a default (login) keyring, and make sure DBUS_SESSION_BUS_ADDRESS points at its session bus`,
        { cause },
      );
    case 'keychain-locked':
      return new LatchkeyError(code, `the keychain is locked while ${doing}: unlock your login keyring and try again`, { cause });
    case 'keychain-timeout':
      return new LatchkeyError(
        code,
        `the keychain did not answer in time while ${doing}: answer the unlock prompt if one is showing, otherwise restart your Secret Service (e.g. gnome-keyring) and try again`,
        { cause },
      );
    case 'keychain-failure':
      return new LatchkeyError(code, `the keychain failed while ${doing}${detail}: try again, and check your OS keychain if it keeps failing`, { cause });
  }
}
