/**
 * The keychain port: the only place secrets are kept. Accounts are namespaced by kind so an identity,
 * an MFA device and a cached session with the same name never collide. Every method rejects with a
 * LatchkeyError ('keychain-unavailable', 'keychain-locked', 'keychain-timeout', 'keychain-failure')
 * when the keychain cannot answer; a missing secret is not an error, and only the keychain's definite
 * "no such item" is a missing secret.
 */
export type SecretKind = 'identity' | 'mfa-seed' | 'session';

export interface Keychain {
  /** undefined when there is no such secret. */
  get(kind: SecretKind, name: string): Promise<string | undefined>;
  set(kind: SecretKind, name: string, secret: string): Promise<void>;
  /** true when something was deleted. */
  delete(kind: SecretKind, name: string): Promise<boolean>;
  /** The names stored under a kind. */
  list(kind: SecretKind): Promise<string[]>;
  /**
   * Resolves when the keychain answers a read of an account that is never written: cheap, bounded by
   * the read's timeout, and no unlock prompt (a locked keyring answers it). Rejects as the others do.
   */
  check(): Promise<void>;
}
