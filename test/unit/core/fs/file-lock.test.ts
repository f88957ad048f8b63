import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../../../electron/core/fs/file-lock';
import { LatchkeyError } from '../../../../electron/shared/errors';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('withFileLock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'latchkey-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs one holder at a time and returns the work result', async () => {
    const path = join(dir, 'file');
    const log: string[] = [];
    const work = (name: string) => async () => {
      log.push(`${name} in`);
      await sleep(60);
      log.push(`${name} out`);
      return name;
    };
    expect(await Promise.all([withFileLock(path, work('a')), withFileLock(path, work('b'))])).toEqual(['a', 'b']);
    // Whichever takes the lock first, the other runs only after it is done.
    expect([['a in', 'a out', 'b in', 'b out'], ['b in', 'b out', 'a in', 'a out']]).toContainEqual(log);
  });

  it('gives up after waitMs with a file-locked error naming the file', async () => {
    const path = join(dir, 'file');
    let release = () => undefined as void;
    const holding = withFileLock(path, () => new Promise<void>((resolve) => (release = resolve)));
    await sleep(50);
    const error = await withFileLock(path, async () => 'never', { waitMs: 300 }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(LatchkeyError);
    expect((error as LatchkeyError).code).toBe('file-locked');
    expect((error as LatchkeyError).message).toContain(path);
    release();
    await holding;
  });

  it('releases the lock when the work throws, and creates a missing folder for it', async () => {
    const path = join(dir, 'new', 'folder', 'file');
    await expect(withFileLock(path, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(stat(`${path}.lock`)).rejects.toThrow(/ENOENT/);
    expect(await withFileLock(path, async () => 'again', { waitMs: 100 })).toBe('again');
  });

  it('fails at once, naming the folder, when the lock cannot be made at all', async () => {
    // A name too long for a lock beside it: an error no waiting can cure, like a read-only folder.
    const path = join(dir, 'f'.repeat(251));
    const started = Date.now();
    const error = await withFileLock(path, async () => 'never').catch((thrown: unknown) => thrown);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toMatchObject({ code: 'file-locked', message: expect.stringMatching(new RegExp(`^cannot write in ${dir} \\(.*\\), so Latchkey cannot change ${path}$`)) });
  });
});

