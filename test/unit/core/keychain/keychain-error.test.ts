import { describe, expect, it } from 'vitest';
import { classifyKeychainFailure, keychainError, type KeychainErrorCode } from '../../../../electron/core/keychain/keychain-error';

// What @napi-rs/keyring 2.1 says on Linux in each case, as measured against gnome-keyring.
const measured: [string, string][] = [
  ['Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead', 'keychain-unavailable'],
  ['Platform failure: DBus error: Failed to connect to socket /tmp/nowhere: No such file or directory', 'keychain-unavailable'],
  ['zbus error: Failed to connect to address `unix:path=/run/user/0/bus`: No such file or directory (os error 2)', 'keychain-unavailable'],
  ['Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files', 'keychain-unavailable'],
  ["Couldn't access platform storage: Secret Service: no result found", 'keychain-unavailable'],
  ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", 'keychain-locked'],
  ['zbus error: org.freedesktop.Secret.Error.IsLocked: Cannot get secret of a locked object', 'keychain-locked'],
  ['Platform failure: DBus error: Did not receive a reply. Possible causes include: the remote application did not send a reply, the message bus security policy blocked the reply, the reply timeout expired, or the network connection was broken.', 'keychain-timeout'],
  ['Platform failure: The stub received bad data.', 'keychain-failure'],
  // The daemon left during the call, or the connection is to one since replaced.
  ['Platform failure: DBus error: Message recipient disconnected from message bus without replying', 'keychain-unavailable'],
  ['zbus error: org.freedesktop.DBus.Error.NoReply: Message recipient disconnected from message bus without replying', 'keychain-unavailable'],
  ['Platform failure: DBus error: The session does not exist', 'keychain-unavailable'],
  ['Platform failure: DBus error: The session wrapping the secret does not exist', 'keychain-unavailable'],
];

describe('classifyKeychainFailure', () => {
  it.each(measured)('%s → %s', (message, code) => {
    expect(classifyKeychainFailure(message)).toBe(code);
  });
});

describe('keychainError', () => {
  it('says what to do for each failure and names what was being done', () => {
    expect(keychainError('keychain-unavailable', 'reading identity:alice').message).toMatch(/reading identity:alice.*start a Secret Service such as gnome-keyring.*DBUS_SESSION_BUS_ADDRESS/);
    expect(keychainError('keychain-locked', 'reading identity:alice').message).toMatch(/locked while reading identity:alice: unlock your login keyring/);
    expect(keychainError('keychain-timeout', 'writing session:x').message).toMatch(/did not answer in time while writing session:x: answer the unlock prompt/);
  });

  it("never shows D-Bus internals: they stay in the cause", () => {
    for (const [message, code] of measured) {
      const cause = new Error(message);
      const error = keychainError(code as KeychainErrorCode, 'reading the secret access key of identity "alice"', cause);
      expect(error.message).not.toMatch(/DBus error|zbus|org\.freedesktop|Platform failure/);
      expect(error.cause).toBe(cause);
    }
    expect(keychainError('keychain-unavailable', 'x').message).toMatch(/: if your Secret Service was just stopped or restarted, try again in a moment; otherwise start/);
  });

  it("keeps the library's detail where it helps and the original error as the cause", () => {
    const cause = new Error('Platform failure: The stub received bad data.');
    const error = keychainError('keychain-failure', 'writing session:x', cause);
    expect(error).toMatchObject({ code: 'keychain-failure', cause });
    expect(error.message).toContain('(The stub received bad data.)');
  });
});
