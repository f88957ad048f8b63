/**
 * What the disk may do to a write that the real file systems in these tests rarely do on demand:
 * short writes, a full disk halfway, a failing fsync, a size that does not add up. Each must end with
 * every byte written or an error, and on an error the original file untouched and no temp file left.
 */
import type * as FsPromises from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomically } from '../../../../electron/core/fs/atomic-write';
import { rejection } from '../../../helpers/rejection';
import { tempFolders } from '../../../helpers/temp-folders';

type Fault = Partial<Pick<FileHandle, 'write' | 'sync' | 'stat'>>;
const faults: { make?: (handle: FileHandle) => Fault } = {};

// Only the temp file (opened 'wx') gets the fault; everything else is the real file system.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const open = async (...args: Parameters<typeof real.open>) => {
    const handle = await real.open(...args);
    const fault = args[1] === 'wx' ? faults.make?.(handle) : undefined;
    if (!fault) return handle;
    return new Proxy(handle, {
      get: (target, key) => {
        const value = key in fault ? fault[key as keyof Fault] : Reflect.get(target, key, target);
        return typeof value === 'function' && !(key in fault) ? value.bind(target) : value;
      },
    });
  };
  return { ...real, open, default: { ...real, open } };
});

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('writeFileAtomically under disk faults', () => {
  const temp = tempFolders();
  let dir: string;
  let path: string;
  const original = `[keep]\n${'x = y\n'.repeat(1000)}`;
  const next = `[new]\n${'a = b\n'.repeat(2000)}`;
  beforeEach(async () => {
    dir = temp('faults');
    path = join(dir, 'credentials');
    await writeFile(path, original, { mode: 0o600 });
  });
  afterEach(async () => {
    faults.make = undefined;
  });

  const untouched = async () => {
    expect(await readFile(path, 'utf8')).toBe(original);
    expect(await readdir(dir)).toEqual(['credentials']);
  };

  it('keeps writing after short writes until every byte is on disk', async () => {
    let calls = 0;
    faults.make = (handle) => ({
      write: ((buffer: Uint8Array, offset: number, length: number, position: number) => {
        calls += 1;
        return handle.write(buffer, offset, Math.min(length, 1000), position);
      }) as FileHandle['write'],
    });
    await writeFileAtomically(path, next);
    expect(await readFile(path, 'utf8')).toBe(next);
    expect(calls).toBe(Math.ceil(Buffer.byteLength(next) / 1000));
    expect(await readdir(dir)).toEqual(['credentials']);
  });

  it('keeps the original when the disk fills after a short write', async () => {
    let calls = 0;
    faults.make = (handle) => ({
      write: ((buffer: Uint8Array, offset: number, length: number, position: number) => {
        calls += 1;
        return calls === 1 ? handle.write(buffer, offset, 4096, position) : Promise.reject(enospc());
      }) as FileHandle['write'],
    });
    const error = await rejection(writeFileAtomically(path, next, { code: 'aws-file' }));
    expect(error).toMatchObject({ code: 'aws-file', message: `the disk is full: ${path} was left as it was; free some space, then try again` });
    await untouched();
  });

  it('keeps the original when the file system accepts 0 bytes', async () => {
    faults.make = () => ({ write: (async () => ({ bytesWritten: 0, buffer: Buffer.alloc(0) })) as unknown as FileHandle['write'] });
    expect((await rejection(writeFileAtomically(path, next))).message).toBe(
      `cannot write ${path} (the file system accepted no more bytes): it was left as it was`,
    );
    await untouched();
  });

  it('keeps the original when fsync fails', async () => {
    faults.make = () => ({ sync: () => Promise.reject(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' })) });
    expect((await rejection(writeFileAtomically(path, next))).message).toBe(`cannot write ${path} (input/output error): it was left as it was`);
    await untouched();
  });

  it('keeps the original when the temp file is not as long as the data', async () => {
    faults.make = (handle) => ({ stat: (async () => ({ ...(await handle.stat()), size: 28_672 })) as FileHandle['stat'] });
    expect((await rejection(writeFileAtomically(path, next))).message).toBe(
      `cannot write ${path} (the temp file holds 28672 of ${Buffer.byteLength(next)} bytes): it was left as it was`,
    );
    await untouched();
  });

  it('says a new file was not created', async () => {
    const fresh = join(dir, 'config');
    faults.make = () => ({ write: (() => Promise.reject(enospc())) as FileHandle['write'] });
    expect((await rejection(writeFileAtomically(fresh, next))).message).toBe(`the disk is full: ${fresh} was not created; free some space, then try again`);
    await untouched();
  });
});
