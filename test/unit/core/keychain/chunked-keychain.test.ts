import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MemoryKeychain } from '../../../fakes/memory-keychain';

const LIMIT = 1280;
// With the u flag a well-formed pair is one code point, so only a lone half is a surrogate.
const LONE_SURROGATE = /\p{Cs}/u;
const big = (length: number, seed = 'k') => Array.from({ length }, (_, i) => String.fromCharCode(33 + ((i * 7 + seed.charCodeAt(0)) % 90))).join('');

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

  it('reports an index whose chunks are gone as incomplete, naming the entry', async () => {
    const keychain = new MemoryKeychain({ maxSecretLength: LIMIT });
    await keychain.set('session', 'role', big(4096));
    keychain.backend.entries.delete(chunkAccounts(keychain)[0] as string);
    await expect(keychain.get('session', 'role')).rejects.toMatchObject({ code: 'keychain-failure', message: expect.stringContaining('session:role is incomplete') });
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
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 32, max: 64 }), async (secret, limit) => {
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
