/**
 * An in-memory Keychain for unit tests: the real ChunkedKeychain over a Map, so an imposed maximum
 * secret length exercises chunking as a small OS keychain would. `entries` shows what the backend holds
 * (indexes and chunks included); spy on `backend` to make one of its calls fail.
 */
import { ChunkedKeychain } from '../../electron/core/keychain/chunked-keychain';
import type { SecretStore } from '../../electron/core/keychain/secret-store';

export class MemorySecretStore implements SecretStore {
  readonly entries = new Map<string, string>();

  constructor(readonly maxSecretLength = Infinity) {}

  async read(account: string): Promise<string | undefined> {
    return this.entries.get(account);
  }

  async write(account: string, secret: string): Promise<void> {
    // As Windows does ("The stub received bad data"), refuse rather than truncate.
    if (secret.length > this.maxSecretLength) throw new Error(`${account}: ${secret.length} code units exceed this store's ${this.maxSecretLength}`);
    this.entries.set(account, secret);
  }

  async remove(account: string): Promise<boolean> {
    return this.entries.delete(account);
  }

  async accounts(): Promise<string[]> {
    return [...this.entries.keys()];
  }
}

export class MemoryKeychain extends ChunkedKeychain {
  readonly backend: MemorySecretStore;

  constructor(options: { maxSecretLength?: number } = {}) {
    const backend = new MemorySecretStore(options.maxSecretLength);
    super(backend);
    this.backend = backend;
  }

  /** What the backend holds, account by account. */
  get entries(): ReadonlyMap<string, string> {
    return this.backend.entries;
  }
}
