import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../../electron/core/fs/atomic-write';

const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe('writeFileAtomically', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'latchkey-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the folder 0700 and a new file 0600, leaving no temp file', async () => {
    const path = join(dir, 'a', 'b', 'secret');
    await writeFileAtomically(path, 'one');
    expect(await readFile(path, 'utf8')).toBe('one');
    expect(await mode(join(dir, 'a', 'b'))).toBe(0o700);
    expect(await mode(path)).toBe(0o600);
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['secret']);
  });

  it('replaces an existing file, keeping its mode, and writes bytes as given', async () => {
    const path = join(dir, 'file');
    await writeFile(path, 'old');
    await chmod(path, 0o640);
    const before = (await stat(path)).ino;
    await writeFileAtomically(path, new Uint8Array([0xef, 0xbb, 0xbf, 0x61]));
    expect(await readFile(path)).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x61]));
    expect(await mode(path)).toBe(0o640);
    expect((await stat(path)).ino).not.toBe(before); // renamed over, not rewritten in place
  });

  it('writes through a symlink to its target', async () => {
    await mkdir(join(dir, 'real'));
    const real = join(dir, 'real', 'file');
    const link = join(dir, 'link');
    await writeFile(real, 'old', { mode: 0o600 });
    await symlink(real, link);
    await writeFileAtomically(link, 'new');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe('new');
    expect(await readdir(join(dir, 'real'))).toEqual(['file']);
  });
});
