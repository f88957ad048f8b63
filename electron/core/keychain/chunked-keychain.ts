/**
 * The Keychain over a SecretStore. Names are namespaced by kind (`identity:alice`). A secret that fits
 * the store is kept as it is, so the common read is one call; a longer one is split over chunk accounts
 * (`chunk:<generation>:<n>:identity:alice`) behind a small index kept at the secret's own account.
 *
 * A new value's chunks get a fresh random generation and are all written before the index that names
 * them; the previous value's chunks are removed only after. So a crash leaves the old value or the new
 * one, never an index naming missing chunks, and two writers never touch each other's chunks. Secrets
 * never leave the keychain: there is no file fallback.
 *
 * Whatever sits in the keychain may have been written by something else. An index is checked before
 * anything it names is read: a count Latchkey never writes is a damaged entry, refused at once (a forged
 * `latchkey-chunks/1 deadbeef 99999999` used to exhaust memory, and 2,000 chunks opened a D-Bus
 * connection each). Errors name the kind and the Latchkey name, never the internal account.
 */
import { randomBytes } from 'node:crypto';
import { LatchkeyError, isLatchkeyError } from '../../shared/errors';
import { isKeychainErrorCode, keychainError } from './keychain-error';
import type { Keychain, SecretKind } from './keychain';
import type { SecretStore } from './secret-store';

/**
 * The most chunks a value may take. Latchkey's largest value is a cached session: JSON holding a role
 * session token (800–1,500 characters, a few KB with session tags) and its keys; secret keys and seeds
 * fit in one entry anywhere. On the smallest store, Windows' 1,280 code units, 16 chunks hold 20,480:
 * several times that session. A value needing more is refused when written, so a larger index was
 * never written by Latchkey.
 */
export const MAX_CHUNKS = 16;
/** Chunk reads and writes in flight at once: each is a keychain call (and first a D-Bus connection). */
const CONCURRENCY = 4;
/**
 * However many calls an operation makes, it ends within this. A call has its own timeout (5 s for the
 * OS keychain, and one retry), so this only cuts off a daemon that answers each call just in time.
 */
export const OPERATION_DEADLINE_MS = 15_000;
/** An account never written: reading it asks the keychain for nothing that needs unlocking. */
const PROBE_ACCOUNT = 'probe:never-stored';

// A secret that starts like an index is always chunked, so whatever starts like one is an index.
const INDEX_PREFIX = 'latchkey-chunks/1 ';
const INDEX = /^latchkey-chunks\/1 ([0-9a-f]{8}) ([1-9][0-9]*)$/;
const GENERATION = /^latchkey-chunks\/1 ([0-9a-f]{8}) /;

interface ChunkIndex {
  generation: string;
  count: number;
}

/** What a secret's own account holds: the value itself (or nothing), an index, or a damaged index. */
type Stored =
  | { kind: 'value'; value: string | undefined }
  | { kind: 'index'; index: ChunkIndex }
  | { kind: 'damaged'; why: string; generation?: string };

export class ChunkedKeychain implements Keychain {
  constructor(private readonly store: SecretStore) {}

  get(kind: SecretKind, name: string): Promise<string | undefined> {
    return this.operation(`reading ${secretOf(kind, name)}`, async (call) => {
      const account = accountOf(kind, name);
      const read = (of: string) => call(() => this.store.read(of));
      let raw = await read(account);
      // A read racing a write can find the chunks its index named already replaced: read the index again.
      for (let attempt = 1; ; attempt++) {
        const stored = parseStored(raw);
        if (stored.kind === 'value') return stored.value;
        if (stored.kind === 'damaged') throw damaged(kind, name, stored.why);
        const chunks = await mapBounded(chunkAccounts(account, stored.index), read);
        if (chunks.every((chunk) => chunk !== undefined)) {
          if (chunks.some((chunk) => chunk.length > this.store.maxSecretLength)) throw damaged(kind, name, 'a part of it is longer than Latchkey writes');
          return chunks.join('');
        }
        const again = await read(account);
        if (again === raw || attempt === 3) throw damaged(kind, name, 'part of it is missing');
        raw = again;
      }
    });
  }

  set(kind: SecretKind, name: string, secret: string): Promise<void> {
    return this.operation(`writing ${secretOf(kind, name)}`, async (call) => {
      const account = accountOf(kind, name);
      const write = (to: string, value: string) => call(() => this.store.write(to, value));
      const previous = parseStored(await call(() => this.store.read(account)));
      if (secret.length <= this.store.maxSecretLength && !secret.startsWith(INDEX_PREFIX)) {
        await write(account, secret);
      } else {
        const parts = split(secret, this.store.maxSecretLength);
        if (parts.length > MAX_CHUNKS)
          throw new LatchkeyError(
            'keychain-failure',
            `${secretOf(kind, name)} is too long for this keychain (${secret.length} characters; it holds at most ${MAX_CHUNKS * this.store.maxSecretLength}), so it was not stored`,
          );
        const index = { generation: freshGeneration(previous), count: parts.length };
        const chunks = chunkAccounts(account, index);
        await mapBounded(parts, (part, n) => write(chunks[n] as string, part));
        await write(account, `${INDEX_PREFIX}${index.generation} ${index.count}`);
      }
      await this.removeChunks(account, previous, call);
    });
  }

  delete(kind: SecretKind, name: string): Promise<boolean> {
    return this.operation(`deleting ${secretOf(kind, name)}`, async (call) => {
      const account = accountOf(kind, name);
      const previous = parseStored(await call(() => this.store.read(account)));
      const deleted = await call(() => this.store.remove(account));
      await this.removeChunks(account, previous, call);
      return deleted;
    });
  }

  list(kind: SecretKind): Promise<string[]> {
    const prefix = `${kind}:`;
    return this.operation(`listing the ${LABELS[kind].plural}`, async (call) =>
      (await call(() => this.store.accounts()))
        .filter((account) => account.startsWith(prefix))
        .map((account) => account.slice(prefix.length))
        .sort(),
    );
  }

  check(): Promise<void> {
    return this.operation('checking the keychain', async (call) => {
      await call(() => this.store.read(PROBE_ACCOUNT));
    });
  }

  /**
   * The chunks of a value just replaced or deleted. A damaged index cannot say how many it had, so its
   * generation's chunks are found by listing (a rare repair, so the listing's cost does not matter).
   */
  private async removeChunks(account: string, previous: Stored, call: StoreCall): Promise<void> {
    let chunks: string[] = [];
    if (previous.kind === 'index') chunks = chunkAccounts(account, previous.index);
    else if (previous.kind === 'damaged' && previous.generation !== undefined) {
      const own = new RegExp(`^chunk:${previous.generation}:[0-9]+:`);
      chunks = (await call(() => this.store.accounts())).filter((chunk) => own.test(chunk) && chunk.endsWith(`:${account}`));
    }
    await mapBounded(chunks, (chunk) => call(() => this.store.remove(chunk)));
  }

  /**
   * One operation, ended within OPERATION_DEADLINE_MS however many store calls it makes (each has its
   * own timeout too). `call` words the store's failures for what Latchkey was doing, rather than for
   * its internal account.
   */
  private operation<R>(doing: string, work: (call: StoreCall) => Promise<R>): Promise<R> {
    const call: StoreCall = async (step) => {
      try {
        return await step();
      } catch (error) {
        if (isLatchkeyError(error) && isKeychainErrorCode(error.code)) throw keychainError(error.code, doing, error.cause ?? error);
        throw error;
      }
    };
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => reject(keychainError('keychain-timeout', doing)), OPERATION_DEADLINE_MS);
      work(call)
        .then(resolve, reject)
        .finally(() => clearTimeout(timer));
    });
  }
}

type StoreCall = <T>(step: () => Promise<T>) => Promise<T>;

const LABELS: Record<SecretKind, { entry: (name: string) => string; secret: (name: string) => string; plural: string; repair: (name: string) => string }> = {
  identity: {
    entry: (name) => `identity "${name}"`,
    secret: (name) => `the secret access key of identity "${name}"`,
    plural: 'identities',
    repair: (name) => `store its key again with \`latchkey identity update ${name} --access-key-id AKIA…\`, or remove it with \`latchkey remove identity ${name} --delete-key\``,
  },
  'mfa-seed': {
    entry: (name) => `the seed of MFA device "${name}"`,
    secret: (name) => `the TOTP seed of MFA device "${name}"`,
    plural: 'MFA seeds',
    repair: (name) => `store it again with \`latchkey mfa update ${name} --seed-stdin\`, or drop it with \`latchkey mfa update ${name} --remove-seed\``,
  },
  session: {
    entry: (name) => `the cached session of "${name}"`,
    secret: (name) => `the cached session of "${name}"`,
    plural: 'cached sessions',
    repair: (name) => `drop it with \`latchkey forget ${name}\``,
  },
};

function secretOf(kind: SecretKind, name: string): string {
  return LABELS[kind].secret(name);
}

function damaged(kind: SecretKind, name: string, why: string): LatchkeyError {
  return new LatchkeyError('keychain-failure', `the keychain entry for ${LABELS[kind].entry(name)} is damaged (${why}): ${LABELS[kind].repair(name)}`);
}

function accountOf(kind: SecretKind, name: string): string {
  return `${kind}:${name}`;
}

function chunkAccounts(account: string, { generation, count }: ChunkIndex): string[] {
  return Array.from({ length: count }, (_, n) => `chunk:${generation}:${n}:${account}`);
}

function freshGeneration(previous: Stored): string {
  const taken = previous.kind === 'index' ? previous.index.generation : previous.kind === 'damaged' ? previous.generation : undefined;
  let generation: string;
  do generation = randomBytes(4).toString('hex');
  while (generation === taken);
  return generation;
}

function parseStored(raw: string | undefined): Stored {
  if (raw === undefined || !raw.startsWith(INDEX_PREFIX)) return { kind: 'value', value: raw };
  const generation = GENERATION.exec(raw)?.[1];
  const match = INDEX.exec(raw);
  if (!match) return { kind: 'damaged', why: 'its index is not one Latchkey writes', generation };
  const count = Number(match[2]);
  if (count > MAX_CHUNKS) return { kind: 'damaged', why: `its index names ${match[2]} parts, and Latchkey writes at most ${MAX_CHUNKS}`, generation };
  return { kind: 'index', index: { generation: match[1] as string, count } };
}

/**
 * `work` over every item, at most CONCURRENCY at a time, in order of start; after a failure no more are
 * started and the first failure is the answer (those in flight finish on their own).
 */
async function mapBounded<T, R>(items: readonly T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const at = next++;
      try {
        results[at] = await work(items[at] as T, at);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}

/** Pieces of at most `max` code units that never split a surrogate pair (which would corrupt both halves). */
function split(secret: string, max: number): string[] {
  const parts: string[] = [];
  for (let start = 0; start < secret.length; ) {
    let end = Math.min(start + max, secret.length);
    if (end < secret.length && end - start > 1 && isHighSurrogate(secret.charCodeAt(end - 1))) end--;
    parts.push(secret.slice(start, end));
    start = end;
  }
  return parts;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
