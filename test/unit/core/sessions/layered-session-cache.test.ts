import type { Session } from '../../../../electron/core/sts/credentials';
import { describe, expect, it } from 'vitest';
import { LayeredSessionCache } from '../../../../electron/core/sessions/layered-session-cache';
import { MemorySessionCache } from '../../../../electron/core/sessions/memory-session-cache';
import type { SessionSlot } from '../../../../electron/core/sessions/session-cache';

const session = (id: string, expiresAt: number): Session => ({
  accessKeyId: id,
  secretAccessKey: `secret-${id}`,
  sessionToken: `token-${id}`,
  expiration: new Date(expiresAt),
});

const k: SessionSlot = { owner: 'dev', key: 'assume-role{dev}' };

describe('LayeredSessionCache', () => {
  it('serves from the front, fills the front from the back, writes and deletes both', async () => {
    const front = new MemorySessionCache();
    const back = new MemorySessionCache();
    const cache = new LayeredSessionCache(front, back);
    await back.set(k, session('A', 2_000));
    expect(await front.get(k, 0)).toBeUndefined();
    expect((await cache.get(k, 1_000))?.accessKeyId).toBe('A');
    expect((await front.get(k, 0))?.accessKeyId).toBe('A');

    await cache.set(k, session('B', 3_000));
    expect((await back.get(k, 0))?.accessKeyId).toBe('B');
    await cache.delete('dev');
    expect(await front.get(k, 0)).toBeUndefined();
    expect(await back.get(k, 0)).toBeUndefined();
  });

  it('looks behind a front session that is no longer valid enough (another process renewed it)', async () => {
    const front = new MemorySessionCache();
    const back = new MemorySessionCache();
    const cache = new LayeredSessionCache(front, back);
    await front.set(k, session('old', 1_000));
    await back.set(k, session('renewed', 5_000));
    expect((await cache.get(k, 2_000))?.accessKeyId).toBe('renewed');
    expect((await cache.get(k, 6_000))?.accessKeyId).toBeUndefined();
  });
});

describe('pruning', () => {
  it('deletes from both layers what is expired, orphaned or made for an older key, and keeps the rest', async () => {
    const front = new MemorySessionCache();
    const back = new MemorySessionCache();
    const cache = new LayeredSessionCache(front, back);
    const edited: SessionSlot = { owner: 'ops', key: 'assume-role{ops,old}' };
    const removed: SessionSlot = { owner: 'gone', key: 'assume-role{gone}' };
    const expired: SessionSlot = { owner: 'alice', key: 'session-token{alice}' };
    await cache.set(k, session('keep', 5_000));
    await cache.set(edited, session('old', 5_000));
    await cache.set(removed, session('orphan', 5_000));
    await cache.set(expired, session('late', 1_000));
    const current = new Map([
      ['dev', k.key],
      ['ops', 'assume-role{ops,new}'],
      ['alice', expired.key],
    ]);
    const pruned = await cache.prune(({ owner, key }) => current.get(owner) === key, 2_000);
    expect(pruned.sort()).toEqual(['alice', 'gone', 'ops']);
    for (const layer of [front, back]) {
      expect((await layer.get(k, 0))?.accessKeyId).toBe('keep');
      for (const slot of [edited, removed, expired]) expect(await layer.get(slot, 0)).toBeUndefined();
    }
  });

  it('a session kept under the same owner for another key reads as a miss', async () => {
    const cache = new MemorySessionCache();
    await cache.set(k, session('A', 5_000));
    expect(await cache.get({ owner: 'dev', key: 'assume-role{dev,edited}' }, 0)).toBeUndefined();
  });
});
