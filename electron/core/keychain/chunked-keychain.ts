/**
 * The Keychain over a SecretStore. Names are namespaced by kind (`identity:alice`). A secret that fits
 * the store is kept as it is, so the common read is one call; a longer one is split over chunk accounts
 * (`chunk:<generation>:<n>:identity:alice`) behind a small index kept at the secret's own account.
 *
 * A new value's chunks get a fresh random generation and are all written before the index that names
 * them; the previous value's chunks are removed only after. So a crash leaves the old value or the new
 * one, never an index naming missing chunks, and two writers never touch each other's chunks. Secrets
 * never leave the keychain: there is no file fallback.
 */
import { randomBytes } from 'node:crypto';
import { LatchkeyError } from '../../shared/errors';
import type { Keychain, SecretKind } from './keychain';
import type { SecretStore } from './secret-store';

// A secret that starts like an index is always chunked, so whatever starts like one is an index.
const INDEX_PREFIX = 'latchkey-chunks/1 ';
const INDEX = /^latchkey-chunks\/1 ([0-9a-f]{8}) ([1-9][0-9]*)$/;

interface ChunkIndex {
  generation: string;
  count: number;
}

export class ChunkedKeychain implements Keychain {
  constructor(private readonly store: SecretStore) {}

  async get(kind: SecretKind, name: string): Promise<string | undefined> {
    const account = accountOf(kind, name);
    let stored = await this.store.read(account);
    // A read racing a write can find the chunks its index named already replaced: read the index again.
    for (let attempt = 1; ; attempt++) {
      const index = parseIndex(account, stored);
      if (!index) return stored;
      const chunks = await Promise.all(chunkAccounts(account, index).map((chunk) => this.store.read(chunk)));
      if (chunks.every((chunk) => chunk !== undefined)) return chunks.join('');
      const again = await this.store.read(account);
      if (again === stored || attempt === 3)
        throw new LatchkeyError('keychain-failure', `the keychain entry ${account} is incomplete (part of it is missing): store that secret again`);
      stored = again;
    }
  }

  async set(kind: SecretKind, name: string, secret: string): Promise<void> {
    const account = accountOf(kind, name);
    const previous = parseIndex(account, await this.store.read(account));
    if (secret.length <= this.store.maxSecretLength && !secret.startsWith(INDEX_PREFIX)) {
      await this.store.write(account, secret);
    } else {
      const parts = split(secret, this.store.maxSecretLength);
      const index = { generation: freshGeneration(previous), count: parts.length };
      const chunks = chunkAccounts(account, index);
      await Promise.all(parts.map((part, n) => this.store.write(chunks[n] as string, part)));
      await this.store.write(account, `${INDEX_PREFIX}${index.generation} ${index.count}`);
    }
    if (previous) await this.removeChunks(account, previous);
  }

  async delete(kind: SecretKind, name: string): Promise<boolean> {
    const account = accountOf(kind, name);
    const previous = parseIndex(account, await this.store.read(account));
    const deleted = await this.store.remove(account);
    if (previous) await this.removeChunks(account, previous);
    return deleted;
  }

  async list(kind: SecretKind): Promise<string[]> {
    const prefix = `${kind}:`;
    return (await this.store.accounts())
      .filter((account) => account.startsWith(prefix))
      .map((account) => account.slice(prefix.length))
      .sort();
  }

  private async removeChunks(account: string, index: ChunkIndex): Promise<void> {
    await Promise.all(chunkAccounts(account, index).map((chunk) => this.store.remove(chunk)));
  }
}

function accountOf(kind: SecretKind, name: string): string {
  return `${kind}:${name}`;
}

function chunkAccounts(account: string, { generation, count }: ChunkIndex): string[] {
  return Array.from({ length: count }, (_, n) => `chunk:${generation}:${n}:${account}`);
}

function freshGeneration(previous: ChunkIndex | undefined): string {
  let generation: string;
  do generation = randomBytes(4).toString('hex');
  while (generation === previous?.generation);
  return generation;
}

function parseIndex(account: string, stored: string | undefined): ChunkIndex | undefined {
  if (stored === undefined || !stored.startsWith(INDEX_PREFIX)) return undefined;
  const match = INDEX.exec(stored);
  if (!match) throw new LatchkeyError('keychain-failure', `the keychain entry ${account} is damaged: delete it and store that secret again`);
  return { generation: match[1] as string, count: Number(match[2]) };
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
