import { execFileSync } from 'node:child_process';
import { chmod, lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../../electron/core/fs/atomic-write';
import { rejection } from '../../../helpers/rejection';
import { tempFolders } from '../../../helpers/temp-folders';

const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe('writeFileAtomically', () => {
  const temp = tempFolders();
  let dir: string;
  beforeEach(async () => {
    dir = temp('atomic');
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

  it('refuses a symlink to nothing, keeping the link and creating nothing', async () => {
    const link = join(dir, 'credentials');
    await symlink(join(dir, 'gone', 'file'), link);
    const error = await rejection(writeFileAtomically(link, 'new', { code: 'aws-file' }));
    expect(error).toMatchObject({ code: 'aws-file', message: `${link} is a symbolic link to ${join(dir, 'gone', 'file')}, which does not exist; Latchkey does not replace the link: create that file or remove the link` });
    expect(await readlink(link)).toBe(join(dir, 'gone', 'file'));
    expect(await readdir(dir)).toEqual(['credentials']);
  });

  it('refuses a read-only file, keeping its bytes and mode', async () => {
    const path = join(dir, 'credentials');
    await writeFile(path, 'old');
    await chmod(path, 0o444);
    const error = await rejection(writeFileAtomically(path, 'new'));
    expect(error).toMatchObject({ code: 'settings', message: `${path} is read-only (mode 0444); Latchkey does not change its permissions: make it writable (chmod u+w) if it should change` });
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await mode(path)).toBe(0o444);
    expect(await readdir(dir)).toEqual(['credentials']);
  });

  it('refuses anything but a regular file: a folder, a FIFO', async () => {
    await mkdir(join(dir, 'folder'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    for (const [name, kind] of [['folder', 'a folder'], ['fifo', 'a named pipe (FIFO)']]) {
      const path = join(dir, name!);
      expect((await rejection(writeFileAtomically(path, 'new'))).message).toBe(
        `${path} is not a regular file (it is ${kind}); Latchkey reads and writes only regular files: replace it with one`,
      );
    }
    expect((await lstat(join(dir, 'fifo'))).isFIFO()).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['fifo', 'folder']);
  });

  it('abandons the write, keeping the original, when stillCurrent says no', async () => {
    const path = join(dir, 'file');
    await writeFile(path, 'theirs');
    expect(await writeFileAtomically(path, 'ours', { stillCurrent: async () => false })).toBe(false);
    expect(await readFile(path, 'utf8')).toBe('theirs');
    expect(await readdir(dir)).toEqual(['file']);
    expect(await writeFileAtomically(path, 'ours', { stillCurrent: async () => true })).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('ours');
  });
});
