/**
 * Failures of the OS keychain as errors a person can act on. @napi-rs/keyring reports every failure
 * with err.code 'GenericFailure', so its message decides what went wrong; the patterns are the messages
 * it gives for each case. The library's own text (D-Bus error names and all) stays in `cause`: the
 * message is in Latchkey's words.
 */
import { LatchkeyError, type ErrorCode } from '../../shared/errors';

export type KeychainErrorCode = Extract<ErrorCode, `keychain-${string}`>;

const patterns: [KeychainErrorCode, RegExp][] = [
  // No session bus, no Secret Service on it, or one without a default keyring; or the daemon went away
  // under the call (stopped, crashed, being restarted), including a connection to a daemon since replaced.
  [
    'keychain-unavailable',
    /DBUS_SESSION_BUS_ADDRESS|Failed to connect|not provided by any \.service files|ServiceUnknown|NoReply|disconnected from message bus|session (wrapping the secret )?does not exist|Secret Service: no result found/i,
  ],
  ['keychain-locked', /unlock prompt was dismissed|IsLocked|\blocked\b/i],
  ['keychain-timeout', /Did not receive a reply|timed? ?out/i],
];

export function classifyKeychainFailure(message: string): KeychainErrorCode {
  return patterns.find(([, pattern]) => pattern.test(message))?.[0] ?? 'keychain-failure';
}

export function isKeychainErrorCode(code: string): code is KeychainErrorCode {
  return code.startsWith('keychain-');
}

/** `doing` names the operation and what it was for, e.g. 'reading the secret access key of identity "alice"'; never a secret. */
export function keychainError(code: KeychainErrorCode, doing: string, cause?: unknown): LatchkeyError {
  switch (code) {
    case 'keychain-unavailable':
      return new LatchkeyError(
        code,
        `no keychain answered while ${doing}: if your Secret Service was just stopped or restarted, try again in a moment; otherwise start a Secret Service such as gnome-keyring with a default (login) keyring, and make sure DBUS_SESSION_BUS_ADDRESS points at its session bus`,
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
      return new LatchkeyError(code, `the keychain failed while ${doing}${platformDetail(cause)}: try again, and check your OS keychain if it keeps failing`, { cause });
  }
}

/** What macOS or Windows said, which a person can look up, without the library's prefix; D-Bus internals are not shown. */
function platformDetail(cause: unknown): string {
  if (!(cause instanceof Error) || /d-?bus|zbus/i.test(cause.message)) return '';
  return ` (${cause.message.replace(/^(Platform failure|Couldn't access platform storage): /, '')})`;
}
