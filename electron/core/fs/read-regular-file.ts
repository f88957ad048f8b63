/**
 * Reads a file Latchkey parses, within bounds: anything but a regular file is refused before it is
 * opened (see regular-file.ts), and so is a file over `maxBytes`, rather than read whole into memory.
 * The open itself is non-blocking and checked again, so a FIFO swapped in after the check cannot make
 * it wait. A missing file reads as undefined.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { isLatchkeyError, LatchkeyError, type ErrorCode } from '../../shared/errors';
import { fsReason } from './fs-reason';
import { assertRegularFile } from './regular-file';

export interface ReadBounds {
  maxBytes: number;
  /** The code of every error, which says whose file it is ('aws-file', 'settings'). */
  code: ErrorCode;
  /** What the file is, for the size refusal: "an AWS file". */
  what: string;
}

export async function readRegularFile(path: string, bounds: ReadBounds): Promise<Buffer | undefined> {
  return (await readRegularFileInto(path, bounds))?.bytes;
}

/**
 * As readRegularFile, into `into` when the file fits in it, rather than into new memory: the bytes are
 * then a view of it. Gives back the buffer it read into, for the next read.
 */
export async function readRegularFileInto(path: string, bounds: ReadBounds, into?: Buffer): Promise<{ bytes: Buffer; buffer: Buffer } | undefined> {
  const fail = (error: unknown) => new LatchkeyError(bounds.code, `cannot read ${path}: ${fsReason(error)}`, { cause: error });
  let handle: FileHandle;
  try {
    check(path, await stat(path), bounds);
    // O_NONBLOCK and O_NOCTTY are 0 (unknown) on Windows, which has no FIFOs to open by path.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw isLatchkeyError(error) ? error : fail(error);
  }
  try {
    const info = await handle.stat();
    check(path, info, bounds);
    // Sized for the file as it is, plus one byte to see the end in one read (or the caller's, if the
    // file fits); grown if the file grows, up to one byte over the bound, which tells a file that grew
    // too big.
    let buffer = into !== undefined && into.length > info.size ? into : Buffer.allocUnsafe(info.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > bounds.maxBytes) throw tooBig(path, undefined, bounds);
        const grown = Buffer.allocUnsafe(Math.min(length * 2, bounds.maxBytes + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) return { bytes: buffer.subarray(0, length), buffer };
      length += bytesRead;
    }
  } catch (error) {
    throw isLatchkeyError(error) ? error : fail(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function check(path: string, info: Stats, bounds: ReadBounds): void {
  assertRegularFile(path, info, bounds.code);
  if (info.size > bounds.maxBytes) throw tooBig(path, info.size, bounds);
}

function tooBig(path: string, size: number | undefined, { maxBytes, code, what }: ReadBounds): LatchkeyError {
  const mb = (bytes: number) => `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;
  const actual = size === undefined ? '' : ` (${mb(size)})`;
  return new LatchkeyError(code, `${path} is larger than ${mb(maxBytes)}${actual}, more than ${what} can sensibly hold, so Latchkey does not read it: move it aside or trim it`);
}
