/**
 * One keychain service as the OS sees it: a flat map from account to secret. How long one secret may be
 * is a property of the backend (Windows Credential Manager holds 2,560 bytes), so ChunkedKeychain can
 * split what does not fit and tests can impose a limit on a backend that has none.
 */
export interface SecretStore {
  /** The longest secret, in UTF-16 code units, one account holds (at least 32, room for an index); Infinity when there is no limit. */
  readonly maxSecretLength: number;
  /** undefined when there is no such account. */
  read(account: string): Promise<string | undefined>;
  write(account: string, secret: string): Promise<void>;
  /** true when something was removed. */
  remove(account: string): Promise<boolean>;
  accounts(): Promise<string[]>;
}
