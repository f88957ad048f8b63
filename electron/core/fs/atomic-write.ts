/**
 * Every file Latchkey writes goes through here: a temp file in the same folder, every byte written,
 * fsynced and its size checked, then renamed over the target (through a symlink to its real file), so
 * a crash or a full disk at any instant leaves the old file or the new one, never a mix or a stub.
 * Any failure removes the temp file and keeps the original. (write-file-atomic, used before, wrote
 * once and ignored a short write, then renamed a truncated file over a full disk's good one.)
 *
 * An existing file keeps its mode and group; a new one is 0600 in a folder created 0700. Latchkey
 * refuses to replace what it should not: anything but a regular file, a symlink to nothing (replacing
 * the link would unhook the person's dotfiles), a read-only file (the person made it so), and another
 * user's file (which a rename would quietly make ours).
 */
import { randomInt } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, mkdir, open, readlink, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isLatchkeyError, LatchkeyError, type ErrorCode } from '../../shared/errors';
import { fsReason } from './fs-reason';
import { assertRegularFile } from './regular-file';

export interface AtomicWriteOptions {
  /** The code of every error, which says whose file it is; Latchkey's own files by default. */
  code?: ErrorCode;
  /**
   * Asked just before the rename, with the new bytes safely on disk: false abandons the write (the
   * original stays) and writeFileAtomically resolves false. Edits use it to notice another program's
   * write since they read the file.
   */
  stillCurrent?: () => Promise<boolean>;
}

/** Resolves whether the file was replaced (false only when `stillCurrent` said no). */
export async function writeFileAtomically(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<boolean> {
  const code = options.code ?? 'settings';
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const existing = await writableTarget(path, code);
  const target = existing?.path ?? path;
  const folder = dirname(target);
  const outcome = existing ? 'was left as it was' : 'was not created';
  // FILE.DIGITS, as write-file-atomic named its temp files: what a crash may leave looks as it always did.
  const temp = join(folder, `${basename(target)}.${randomInt(2 ** 47)}`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', 0o600);
    if (existing) await keepModeAndOwner(handle, existing.info);
    for (let offset = 0; offset < bytes.length; ) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, offset);
      if (bytesWritten === 0) throw new Error('the file system accepted no more bytes');
      offset += bytesWritten;
    }
    await handle.sync();
    const { size } = await handle.stat();
    if (size !== bytes.length) throw new Error(`the temp file holds ${size} of ${bytes.length} bytes`);
    await handle.close();
    handle = undefined;
    if (options.stillCurrent && !(await options.stillCurrent())) {
      await rm(temp, { force: true });
      return false;
    }
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    if (isLatchkeyError(error)) throw error;
    throw new LatchkeyError(code, describeWriteFailure(error, path, folder, outcome), { cause: error });
  }
  await syncFolder(folder);
  return true;
}

/**
 * Refuses, writing nothing, a file writeFileAtomically would refuse (another user's, read-only, a
 * dangling link, not a regular file): callers check before slow work (STS, a prompt), not after it.
 */
export async function assertWritable(path: string, code: ErrorCode): Promise<void> {
  await writableTarget(path, code, { create: false });
}

/** The real file to replace and its state, or undefined for a new file (whose folder now exists, if `create`). */
async function writableTarget(path: string, code: ErrorCode, { create } = { create: true }): Promise<{ path: string; info: Stats } | undefined> {
  const refuse = (why: string) => new LatchkeyError(code, `${path} ${why}`);
  let link: Stats;
  try {
    link = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw refuse(`cannot be checked: ${fsReason(error)}`);
    if (!create) return undefined;
    try {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    } catch (mkdirError) {
      throw refuse(`was not created: cannot create its folder ${dirname(path)} (${fsReason(mkdirError)})`);
    }
    return undefined;
  }
  let real = path;
  if (link.isSymbolicLink()) {
    try {
      real = await realpath(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw refuse(`is a symbolic link that cannot be followed: ${fsReason(error)}`);
      const to = await readlink(path).catch(() => '?');
      throw refuse(`is a symbolic link to ${to}, which does not exist; Latchkey does not replace the link: create that file or remove the link`);
    }
  }
  const info = real === path ? link : await stat(real).catch((error: unknown) => Promise.reject(refuse(`cannot be checked: ${fsReason(error)}`)));
  assertRegularFile(path, info, code);
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid)
    throw refuse(`belongs to another user (uid ${info.uid}); Latchkey does not rewrite another user's file: run Latchkey as that user, or give yourself a copy`);
  if ((info.mode & 0o200) === 0)
    throw refuse(`is read-only (mode ${(info.mode & 0o777).toString(8).padStart(4, '0')}); Latchkey does not change its permissions: make it writable (chmod u+w) if it should change`);
  return { path: real, info };
}

/** As write-file-atomic did: the new file gets the old one's mode, and its group where we may set it. */
async function keepModeAndOwner(handle: FileHandle, info: Stats): Promise<void> {
  // Explicitly, because the umask trims the mode given to open.
  await handle.chmod(info.mode & 0o7777);
  const made = await handle.stat();
  if (made.uid !== info.uid || made.gid !== info.gid) await handle.chown(info.uid, info.gid).catch(() => undefined);
}

function describeWriteFailure(error: unknown, path: string, folder: string, outcome: string): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `${fsReason(error)}: ${path} ${outcome}; free some space, then try again`;
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return `cannot write in ${folder} (${fsReason(error)}): ${path} ${outcome}`;
    default:
      return `cannot write ${path} (${fsReason(error)}): it ${outcome}`;
  }
}

/** Makes the rename itself durable; some file systems refuse to fsync a folder, which is fine. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort: the data itself was fsynced before the rename
  }
}
