import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../../../electron/core/fs/file-lock';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { tempFolders } from '../../../helpers/temp-folders';

/** Work that holds the lock until released, saying when it has started. */
function heldWork(log: string[], name: string) {
  let entered!: () => void;
  let release!: () => void;
  const started = new Promise<void>((resolve) => (entered = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const work = async () => {
    log.push(`${name} in`);
    entered();
    await gate;
    log.push(`${name} out`);
    return name;
  };
  return { work, started, release };
}

describe('withFileLock', () => {
  const temp = tempFolders();
  let dir: string;
  beforeEach(async () => {
    dir = temp('lock');
  });

  it('runs one holder at a time and returns the work result', async () => {
    const path = join(dir, 'file');
    const log: string[] = [];
    const a = heldWork(log, 'a');
    const b = heldWork(log, 'b');
    const first = withFileLock(path, a.work);
    await a.started;
    const second = withFileLock(path, b.work);
    // While a holds the lock, another taker is refused rather than let in.
    await expect(withFileLock(path, async () => 'never', { waitMs: 0 })).rejects.toMatchObject({ code: 'file-locked' });
    expect(log).toEqual(['a in']);
    a.release();
    await b.started;
    b.release();
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out']);
  });

  it('gives up after waitMs with a file-locked error naming the file', async () => {
    const path = join(dir, 'file');
    const holder = heldWork([], 'holder');
    const holding = withFileLock(path, holder.work);
    await holder.started;
    const error = await withFileLock(path, async () => 'never', { waitMs: 300 }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(LatchkeyError);
    expect((error as LatchkeyError).code).toBe('file-locked');
    expect((error as LatchkeyError).message).toContain(path);
    holder.release();
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
    // Given a minute to wait for the lock, it takes a fraction of that.
    const started = Date.now();
    const error = await withFileLock(path, async () => 'never', { waitMs: 60_000 }).catch((thrown: unknown) => thrown);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toMatchObject({ code: 'file-locked', message: expect.stringMatching(new RegExp(`^cannot write in ${dir} \\(.*\\), so Latchkey cannot change ${path}$`)) });
  });
});

