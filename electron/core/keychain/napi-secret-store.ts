/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service) through @napi-rs/keyring.
 * Entries are pinned to the Secret Service on Linux, where the library's default silently falls back to
 * the kernel keyring that a reboot empties. Every call is bounded by a timeout of our own, because a hung
 * Secret Service makes the library's search wait forever (and an AbortSignal does not stop a call that
 * has started), and every failure becomes a LatchkeyError.
 */
import { AsyncEntry, findCredentialsAsync } from '@napi-rs/keyring';
import type { LatchkeyError } from '../../shared/errors';
import { classifyKeychainFailure, keychainError } from './keychain-error';
import type { SecretStore } from './secret-store';

export interface NapiSecretStoreOptions {
  /** The keychain service every account lives under; 'latchkey' unless a test needs its own. */
  service?: string;
  /** The backend's own limit unless given; tests impose one to exercise chunking on Linux. */
  maxSecretLength?: number;
  /** How long one call may take before it fails with 'keychain-timeout'. */
  timeoutMs?: number;
}

/**
 * The daemon left in the middle of a call, its name is not yet owned again, or the connection was made
 * to a daemon that has since been replaced (its session is gone for good).
 */
const SERVICE_RESTARTING = /NoReply|disconnected from message bus|ServiceUnknown|session (wrapping the secret )?does not exist/;
const RESTART_GRACE_MS = 500;

/** Windows Credential Manager holds 2,560 bytes per secret: 1,280 UTF-16 code units. */
const WINDOWS_MAX_SECRET_LENGTH = 1280;

export class NapiSecretStore implements SecretStore {
  readonly maxSecretLength: number;
  private readonly service: string;
  private readonly timeoutMs: number;
  // Constructing an entry opens a D-Bus connection, so each account keeps the one it made.
  private readonly entries = new Map<string, AsyncEntry>();

  constructor(options: NapiSecretStoreOptions = {}) {
    this.service = options.service ?? 'latchkey';
    this.maxSecretLength = options.maxSecretLength ?? (process.platform === 'win32' ? WINDOWS_MAX_SECRET_LENGTH : Infinity);
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  /**
   * null is the library's "no item matched"; every failure rejects (measured on 2.1). A Secret Service
   * with no keyring at all (a stand-in started without one) also matches nothing, and the library
   * gives no way to tell that apart.
   */
  read(account: string): Promise<string | undefined> {
    return this.call(`reading ${account}`, account, async () => (await this.entry(account).getPassword()) ?? undefined);
  }

  write(account: string, secret: string): Promise<void> {
    return this.call(`writing ${account}`, account, () => this.entry(account).setPassword(secret));
  }

  async remove(account: string): Promise<boolean> {
    const removed = await this.call(`deleting ${account}`, account, () => this.entry(account).deleteCredential());
    this.entries.delete(account);
    return removed;
  }

  /**
   * Unlike the calls on an entry, the library's search has no timeout of its own: against a stopped
   * daemon it never ends, and Node cannot exit while it runs. Callers that may meet one check first.
   */
  accounts(): Promise<string[]> {
    return this.call(`listing the accounts of ${this.service}`, undefined, async () => (await findCredentialsAsync(this.service)).map((c) => c.account));
  }

  private entry(account: string): AsyncEntry {
    let entry = this.entries.get(account);
    if (!entry) {
      entry = new AsyncEntry(this.service, account, { linux: { store: 'secret-service' } });
      this.entries.set(account, entry);
    }
    return entry;
  }

  /**
   * Runs one library call, once more after a moment if the Secret Service went away under it: a
   * keyring daemon that crashed is restarted (by D-Bus or the session), and the call then succeeds.
   * An entry that failed is dropped, so the next call (the retry included) connects afresh rather than
   * through a connection to a daemon that is gone.
   */
  private async call<T>(doing: string, account: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await this.callOnce(doing, account, work);
    } catch (error) {
      if (!SERVICE_RESTARTING.test(String((error as Error).cause))) throw error;
      await new Promise((resolve) => setTimeout(resolve, RESTART_GRACE_MS));
      return this.callOnce(doing, account, work);
    }
  }

  /** Its synchronous throws (a constructor without a session bus) reject too. */
  private callOnce<T>(doing: string, account: string | undefined, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const fail = (error: LatchkeyError) => {
        if (account !== undefined) this.entries.delete(account);
        reject(error);
      };
      const timer = setTimeout(() => fail(keychainError('keychain-timeout', doing)), this.timeoutMs);
      Promise.resolve()
        .then(work)
        .then(resolve, (error: unknown) => fail(keychainError(classifyKeychainFailure(error instanceof Error ? error.message : String(error)), doing, error)))
        .finally(() => clearTimeout(timer));
    });
  }
}
