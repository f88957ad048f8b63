import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_CHUNKS, OPERATION_DEADLINE_MS } from '../../../../electron/core/keychain/chunked-keychain';
import { keychainError } from '../../../../electron/core/keychain/keychain-error';
import { MemoryKeychain } from '../../../fakes/memory-keychain';

const LIMIT = 1280;
// With the u flag a well-formed pair is one code point, so only a lone half is a surrogate.
const LONE_SURROGATE = /\p{Cs}/u;
const big = (length: number, seed = 'k') => Array.from({ length }, (_, i) => String.fromCharCode(33 + ((i * 7 + seed.charCodeAt(0)) % 90))).join('');

/**
 * Whole code points up to what MAX_CHUNKS pieces of the smallest limit (32) surely hold: a piece stops
 * one short rather than split a surrogate pair.
 */
function fitting(secret: string): string {
  let kept = '';
  for (const codePoint of secret) {
    if (kept.length + codePoint.length > 31 * MAX_CHUNKS) break;
    kept += codePoint;
  }
  return kept;
}

function chunkAccounts(keychain: MemoryKeychain): string[] {
  return [...keychain.entries.keys()].filter((account) => account.startsWith('chunk:'));
}

describe('ChunkedKeychain', () => {
  it('keeps a secret that fits as one plain entry under its kind', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: LIMIT });
    await keychain.set('identity', 'alice', 'wJalrXUtnFEMI/K7MDENG');
    expect([...keychain.entries]).toEqual([['identity:alice', 'wJalrXUtnFEMI/K7MDENG']]);
    expect(await keychain.get('identity', 'alice')).toBe('wJalrXUtnFEMI/K7MDENG');
  });

  it('stores the exact boundary length plainly and one more code unit in chunks', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: LIMIT });
    await keychain.set('session', 'at', big(LIMIT));
    await keychain.set('session', 'over', big(LIMIT + 1));
    expect(keychain.entries.get('session:at')).toBe(big(LIMIT));
    expect(keychain.entries.get('session:over')).toMatch(/^latchkey-chunks\/1 [0-9a-f]{8} 2$/);
    expect(chunkAccounts(keychain).map((a) => keychain.entries.get(a)?.length)).toEqual([LIMIT, 1]);
    expect(await keychain.get('session', 'at')).toBe(big(LIMIT));
    expect(await keychain.get('session', 'over')).toBe(big(LIMIT + 1));
  });

  it('splits a 4 KB secret over chunks no longer than the limit and lists only the logical name', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: LIMIT });
    const secret = big(4096);
    await keychain.set('session', 'role', secret);
    expect(chunkAccounts(keychain)).toHaveLength(4);
    for (const value of keychain.entries.values()) expect(value.length).toBeLessThanOrEqual(LIMIT);
    expect(await keychain.get('session', 'role')).toBe(secret);
    expect(await keychain.list('session')).toEqual(['role']);
  });

  it('removes the stale chunks when a big secret is overwritten by a small one', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: LIMIT });
    await keychain.set('session', 'role', big(4096));
    await keychain.set('session', 'role', 'small');
    expect([...keychain.entries]).toEqual([['session:role', 'small']]);
  });

  it('replaces the chunks when a big secret is overwritten by another', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: LIMIT });
    await keychain.set('session', 'role', big(4096, 'a'));
    await keychain.set('session', 'role', big(3000, 'b'));
    expect(chunkAccounts(keychain)).toHaveLength(3);
    expect(await keychain.get('session', 'role')).toBe(big(3000, 'b'));
  });

  it('removes the chunks on delete', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: LIMIT });
    await keychain.set('session', 'role', big(4096));
    expect(await keychain.delete('session', 'role')).toBe(true);
    expect(keychain.entries.size).toBe(0);
    expect(await keychain.get('session', 'role')).toBeUndefined();
  });

  it('keeps the old value readable when a crash comes between the chunk writes and the index write', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: LIMIT });
    await keychain.set('session', 'role', big(4096, 'a'));
    const write = keychain.backend.write.bind(keychain.backend);
    vi.spyOn(keychain.backend, 'write').mockImplementation(async (account, secret) => {
      if (account === 'session:role') throw new Error('crashed');
      return write(account, secret);
    });
    await expect(keychain.set('session', 'role', big(5000, 'b'))).rejects.toThrow('crashed');
    expect(await keychain.get('session', 'role')).toBe(big(4096, 'a'));
    expect(await keychain.list('session')).toEqual(['role']);
  });

  it('never splits a surrogate pair across chunks', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: 32 });
    // The first key straddles code units 31 and 32.
    const secret = `${'a'.repeat(31)}🔑é漢字${'🔑'.repeat(20)}`;
    await keychain.set('mfa-seed', 'phone', secret);
    for (const [account, value] of keychain.entries)
      if (account.startsWith('chunk:')) expect(value, account).not.toMatch(LONE_SURROGATE);
    expect(await keychain.get('mfa-seed', 'phone')).toBe(secret);
  });

  it('chunks a secret that looks like an index, so reading it back is never ambiguous', async () => {
    const keychain = new MemoryKeychain();
    const secret = 'latchkey-chunks/1 0badf00d 3';
    await keychain.set('identity', 'odd', secret);
    expect(keychain.entries.get('identity:odd')).not.toBe(secret);
    expect(await keychain.get('identity', 'odd')).toBe(secret);
  });

  it('re-reads the index when a writer replaced the chunks it named', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: LIMIT });
    await keychain.set('session', 'role', big(4096, 'a'));
    const read = keychain.backend.read.bind(keychain.backend);
    let raced = false;
    vi.spyOn(keychain.backend, 'read').mockImplementation(async (account) => {
      if (account.startsWith('chunk:') && !raced) {
        raced = true;
        await keychain.set('session', 'role', big(4096, 'b'));
      }
      return read(account);
    });
    expect(await keychain.get('session', 'role')).toBe(big(4096, 'b'));
  });

  it('reports an index whose chunks are gone as damaged, naming the entry by kind and name', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: LIMIT });
    await keychain.set('session', 'role', big(4096));
    keychain.backend.entries.delete(chunkAccounts(keychain)[0] as string);
    await expect(keychain.get('session', 'role')).rejects.toMatchObject({
      code: 'keychain-failure',
      message: 'the keychain entry for the cached session of "role" is damaged (part of it is missing): drop it with `latchkey forget role`',
    });
  });

  it('keeps names of different kinds apart', async () => {
    const keychain = new MemoryKeychain();
    await keychain.set('identity', 'work', 'key');
    await keychain.set('mfa-seed', 'work', 'seed');
    await keychain.set('session', 'work', 'token');
    expect(await keychain.delete('mfa-seed', 'work')).toBe(true);
    expect(await keychain.get('identity', 'work')).toBe('key');
    expect(await keychain.get('mfa-seed', 'work')).toBeUndefined();
    expect(await keychain.list('identity')).toEqual(['work']);
    expect(await keychain.list('mfa-seed')).toEqual([]);
  });

  it('answers undefined and false for a name that was never stored', async () => {
    const keychain = new MemoryKeychain();
    expect(await keychain.get('identity', 'nobody')).toBeUndefined();
    expect(await keychain.delete('identity', 'nobody')).toBe(false);
  });

  it('round-trips any secret under any limit, never writing an entry longer than the limit or a broken surrogate pair', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }).map(fitting), fc.integer({ min: 32, max: 64 }), async (secret, limit) => {
        const keychain = new MemoryKeychain({ maxSecretLength: limit });
        await keychain.set('session', 's', secret);
        for (const value of keychain.entries.values()) expect(value).not.toMatch(LONE_SURROGATE);
        expect(await keychain.get('session', 's')).toBe(secret);
        await keychain.delete('session', 's');
        expect(keychain.entries.size).toBe(0);
      }),
    );
  });
});

describe('ChunkedKeychain over entries it did not write', () => {
  const SMALL = 32;
  const damagedIdentity = (why: string) =>
    `the keychain entry for identity "alice" is damaged (${why}): store its key again with \`latchkey identity update alice --access-key-id AKIA…\`, or remove it with \`latchkey remove identity alice --delete-key\``;

  it.each(['99999999', '2000', String(MAX_CHUNKS + 1)])('refuses an index naming %s chunks at once, reading none of them', async (count) => {
    const keychain = new MemoryKeychain({ maxSecretLength: LIMIT });
    keychain.backend.entries.set('identity:alice', `latchkey-chunks/1 deadbeef ${count}`);
    const read = vi.spyOn(keychain.backend, 'read');
    await expect(keychain.get('identity', 'alice')).rejects.toMatchObject({
      code: 'keychain-failure',
      message: damagedIdentity(`its index names ${count} parts, and Latchkey writes at most ${MAX_CHUNKS}`),
    });
    expect(read.mock.calls).toEqual([['identity:alice']]);
  });

  it('refuses an index it cannot parse', async () => {
    const keychain = new MemoryKeychain();
    keychain.backend.entries.set('identity:alice', 'latchkey-chunks/1 not-hex 3');
    await expect(keychain.get('identity', 'alice')).rejects.toMatchObject({ message: damagedIdentity('its index is not one Latchkey writes') });
  });

  it('refuses a part longer than the store holds', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: SMALL });
    keychain.backend.entries.set('mfa-seed:phone', 'latchkey-chunks/1 0badf00d 2');
    keychain.backend.entries.set('chunk:0badf00d:0:mfa-seed:phone', 'x'.repeat(SMALL));
    keychain.backend.entries.set('chunk:0badf00d:1:mfa-seed:phone', 'x'.repeat(10 * SMALL));
    await expect(keychain.get('mfa-seed', 'phone')).rejects.toMatchObject({
      message: expect.stringMatching(/^the keychain entry for the seed of MFA device "phone" is damaged \(a part of it is longer than Latchkey writes\): store it again with `latchkey mfa update phone --seed-stdin`/),
    });
  });

  it('reads the chunks of the largest value a few at a time', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: SMALL });
    const secret = big(SMALL * MAX_CHUNKS);
    await keychain.set('session', 'dev', secret);
    const read = keychain.backend.read.bind(keychain.backend);
    let inFlight = 0;
    let most = 0;
    vi.spyOn(keychain.backend, 'read').mockImplementation(async (account) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return read(account);
    });
    expect(await keychain.get('session', 'dev')).toBe(secret);
    expect(most).toBe(4);
  });

  it('starts no more chunk reads after one fails, and words the failure for the entry, not its account', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: SMALL });
    await keychain.set('session', 'dev', big(SMALL * MAX_CHUNKS));
    const read = keychain.backend.read.bind(keychain.backend);
    const asked: string[] = [];
    vi.spyOn(keychain.backend, 'read').mockImplementation(async (account) => {
      asked.push(account);
      if (account.startsWith('chunk:')) throw keychainError('keychain-unavailable', `reading ${account}`, new Error('zbus error: org.freedesktop.DBus.Error.ServiceUnknown'));
      return read(account);
    });
    const failure: unknown = await keychain.get('session', 'dev').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'keychain-unavailable', message: expect.stringMatching(/^no keychain answered while reading the cached session of "dev": .*try again/) });
    expect((failure as Error).message).not.toMatch(/session:dev|chunk:|DBus error|zbus/);
    expect(asked.filter((account) => account.startsWith('chunk:')).length).toBeLessThanOrEqual(4);
  });

  it('stores a value of MAX_CHUNKS chunks and refuses a longer one before writing anything', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: SMALL });
    await keychain.set('session', 'dev', big(SMALL * MAX_CHUNKS));
    expect(chunkAccounts(keychain)).toHaveLength(MAX_CHUNKS);
    const before = new Map(keychain.entries);
    await expect(keychain.set('session', 'dev', big(SMALL * MAX_CHUNKS + 1))).rejects.toMatchObject({
      code: 'keychain-failure',
      message: `the cached session of "dev" is too long for this keychain (${SMALL * MAX_CHUNKS + 1} characters; it holds at most ${SMALL * MAX_CHUNKS}), so it was not stored`,
    });
    expect(new Map(keychain.entries)).toEqual(before);
  });

  it('replaces a damaged entry and removes the chunks its generation left, leaving others alone', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: LIMIT });
    keychain.backend.entries.set('identity:alice', 'latchkey-chunks/1 deadbeef 99999999');
    keychain.backend.entries.set('chunk:deadbeef:0:identity:alice', 'stale');
    keychain.backend.entries.set('chunk:deadbeef:7:identity:alice', 'stale');
    keychain.backend.entries.set('chunk:deadbeef:0:identity:bob', 'not alice');
    keychain.backend.entries.set('identity:bob', 'bob');
    await keychain.set('identity', 'alice', 'wJalrXUtnFEMI/K7MDENG');
    expect(await keychain.get('identity', 'alice')).toBe('wJalrXUtnFEMI/K7MDENG');
    expect([...keychain.entries.keys()].sort()).toEqual(['chunk:deadbeef:0:identity:bob', 'identity:alice', 'identity:bob']);
  });

  it('deletes a damaged entry with its chunks', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: LIMIT });
    keychain.backend.entries.set('session:dev', 'latchkey-chunks/1 deadbeef 2000');
    for (const n of [0, 1, 1999]) keychain.backend.entries.set(`chunk:deadbeef:${n}:session:dev`, 'stale');
    expect(await keychain.delete('session', 'dev')).toBe(true);
    expect(keychain.entries.size).toBe(0);
  });

  it('checks that the keychain answers by reading an account it never writes', async () => {
    const keychain = new MemoryKeychain();
    const read = vi.spyOn(keychain.backend, 'read');
    await keychain.check();
    expect(read).toHaveBeenCalledTimes(1);
    expect(keychain.entries.size).toBe(0);
    read.mockRejectedValue(keychainError('keychain-locked', 'reading probe:never-stored'));
    await expect(keychain.check()).rejects.toMatchObject({ code: 'keychain-locked', message: expect.stringContaining('while checking the keychain') });
  });
});

describe('ChunkedKeychain deadlines', () => {
  afterEach(() => vi.useRealTimers());

  it('ends an operation whose store calls keep coming just in time, however many it makes', async () => {
    vi.useFakeTimers();
    const keychain = new MemoryKeychain({ maxSecretLength: 32 });
    await keychain.set('session', 'dev', big(32 * MAX_CHUNKS));
    const read = keychain.backend.read.bind(keychain.backend);
    // Each call answers after 4 s, inside any per-call timeout.
    vi.spyOn(keychain.backend, 'read').mockImplementation(async (account) => {
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      return read(account);
    });
    const outcome = expect(keychain.get('session', 'dev')).rejects.toMatchObject({
      code: 'keychain-timeout',
      message: expect.stringMatching(/^the keychain did not answer in time while reading the cached session of "dev": /),
    });
    await vi.advanceTimersByTimeAsync(OPERATION_DEADLINE_MS);
    await outcome;
  });
});
