import { describe, expect, it } from 'vitest';
import { LayeredSessionCache } from '../../../../electron/core/sessions/layered-session-cache';
import { MemorySessionCache } from '../../../../electron/core/sessions/memory-session-cache';
import type { Session } from '../../../../electron/core/sessions/session-cache';

const session = (id: string, expiresAt: number): Session => ({
  accessKeyId: id,
  secretAccessKey: `secret-${id}`,
  sessionToken: `token-${id}`,
  expiration: new Date(expiresAt),
});

describe('LayeredSessionCache', () => {
  it('serves from the front, fills the front from the back, writes and deletes both', async () => {
    const front = new MemorySessionCache();
    const back = new MemorySessionCache();
    const cache = new LayeredSessionCache(front, back);
    await back.set('k', session('A', 2_000));
    expect(await front.get('k', 0)).toBeUndefined();
    expect((await cache.get('k', 1_000))?.accessKeyId).toBe('A');
    expect((await front.get('k', 0))?.accessKeyId).toBe('A');

    await cache.set('k', session('B', 3_000));
    expect((await back.get('k', 0))?.accessKeyId).toBe('B');
    await cache.delete('k');
    expect(await front.get('k', 0)).toBeUndefined();
    expect(await back.get('k', 0)).toBeUndefined();
  });

  it('looks behind a front session that is no longer valid enough (another process renewed it)', async () => {
    const front = new MemorySessionCache();
    const back = new MemorySessionCache();
    const cache = new LayeredSessionCache(front, back);
    await front.set('k', session('old', 1_000));
    await back.set('k', session('renewed', 5_000));
    expect((await cache.get('k', 2_000))?.accessKeyId).toBe('renewed');
    expect((await cache.get('k', 6_000))?.accessKeyId).toBeUndefined();
  });
});
