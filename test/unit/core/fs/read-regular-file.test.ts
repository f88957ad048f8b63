import { execFileSync } from 'node:child_process';
import { mkdir, open, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRegularFile } from '../../../../electron/core/fs/read-regular-file';
import { rejection } from '../../../helpers/rejection';
import { tempFolders } from '../../../helpers/temp-folders';

const bounds = { maxBytes: 1000, code: 'aws-file' as const, what: 'an AWS file' };
const notRegular = (path: string, kind: string) =>
  `${path} is not a regular file (it is ${kind}); Latchkey reads and writes only regular files: replace it with one`;

describe('readRegularFile', () => {
  const temp = tempFolders();
  let dir: string;
  let server: Server | undefined;
  beforeEach(async () => {
    dir = temp('read');
  });
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  it('reads a regular file through a symlink, and a missing one as undefined', async () => {
    await writeFile(join(dir, 'real'), 'bytes');
    await symlink(join(dir, 'real'), join(dir, 'link'));
    expect((await readRegularFile(join(dir, 'link'), bounds))?.toString()).toBe('bytes');
    expect(await readRegularFile(join(dir, 'missing'), bounds)).toBeUndefined();
    expect(await readRegularFile(join(dir, 'dangling'), bounds)).toBeUndefined();
  });

  it('reads a file of exactly the bound, and an empty one', async () => {
    await writeFile(join(dir, 'full'), 'x'.repeat(1000));
    await writeFile(join(dir, 'empty'), '');
    expect((await readRegularFile(join(dir, 'full'), bounds))?.length).toBe(1000);
    expect((await readRegularFile(join(dir, 'empty'), bounds))?.length).toBe(0);
  });

  it('refuses a FIFO without waiting for a writer', async () => {
    const fifo = join(dir, 'credentials');
    execFileSync('mkfifo', [fifo]);
    const error = await rejection(readRegularFile(fifo, bounds));
    expect(error).toMatchObject({ code: 'aws-file', message: notRegular(fifo, 'a named pipe (FIFO)') });
  });

  it('refuses a device (through a symlink), a folder and a socket', async () => {
    await symlink('/dev/zero', join(dir, 'zero'));
    await mkdir(join(dir, 'folder'));
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(join(dir, 'socket'), resolve));
    for (const [name, kind] of [['zero', 'a device'], ['folder', 'a folder'], ['socket', 'a socket']] as const)
      expect((await rejection(readRegularFile(join(dir, name), bounds))).message).toBe(notRegular(join(dir, name), kind));
  });

  it('refuses a file over the bound without reading it', async () => {
    const big = join(dir, 'big');
    // Sparse: 50 MB that costs no disk and would cost 50 MB of memory to read.
    const handle = await open(big, 'w');
    await handle.truncate(50 * 1_048_576);
    await handle.close();
    const error = await rejection(readRegularFile(big, { ...bounds, maxBytes: 10 * 1_048_576 }));
    expect(error).toMatchObject({
      code: 'aws-file',
      message: `${big} is larger than 10 MB (50 MB), more than an AWS file can sensibly hold, so Latchkey does not read it: move it aside or trim it`,
    });
  });
});
