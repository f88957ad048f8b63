/**
 * Latchkey reads and replaces regular files only. Opening or reading a FIFO waits for a writer that
 * may never come (while Latchkey holds a lock), a device can be endless (/dev/zero), and renaming over
 * any of them would destroy what the person put there.
 */
import type { Stats } from 'node:fs';
import { LatchkeyError, type ErrorCode } from '../../shared/errors';

export function assertRegularFile(path: string, info: Stats, code: ErrorCode): void {
  if (info.isFile()) return;
  throw new LatchkeyError(code, `${path} is not a regular file (it is ${kindOf(info)}); Latchkey reads and writes only regular files: replace it with one`);
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}
