/**
 * The per-user folder for the broker's socket and for lock and step files: `$XDG_RUNTIME_DIR/latchkey`
 * (private to the user and emptied at logout), else `latchkey-UID` in the temp folder, or under
 * %LOCALAPPDATA% on Windows. In a shared temp folder another user could have created the name first,
 * so ensureRuntimeFolder, and the broker's client before it connects, trust it only if it is a real
 * folder, ours, and closed to everyone else (privateFolderProblem).
 */
import type { Stats } from 'node:fs';
import { lstat, chmod, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, win32 } from 'node:path';
import { LatchkeyError } from '../../shared/errors';

export function runtimeFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return win32.join(env.LOCALAPPDATA ?? tmpdir(), 'Latchkey', 'run');
  // The XDG spec says to ignore a relative value.
  if (env.XDG_RUNTIME_DIR && isAbsolute(env.XDG_RUNTIME_DIR)) return join(env.XDG_RUNTIME_DIR, 'latchkey');
  return join(tmpdir(), `latchkey-${process.getuid?.()}`);
}

/** Creates the runtime folder (0700) if needed, checks it is safe to use, and returns its path. */
export async function ensureRuntimeFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Promise<string> {
  const folder = runtimeFolder(env, platform);
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw refuse(`cannot create ${folder}: ${(error as Error).message}`, error);
  }
  // Windows has no POSIX owner or mode; %LOCALAPPDATA% is private to the user already.
  if (platform === 'win32') return folder;
  let info = await lstat(folder);
  // Ours but open to others (made by an old version, or by hand): closed, then checked like any other.
  if (info.isDirectory() && info.uid === process.getuid?.() && info.mode & 0o077) {
    await chmod(folder, 0o700).catch(() => undefined);
    info = await lstat(folder);
  }
  const problem = privateFolderProblem(folder, info);
  if (problem) throw refuse(problem);
  return folder;
}

/** Why a folder, as lstat describes it, is no place for the broker's socket or our locks, or undefined. */
export function privateFolderProblem(folder: string, info: Stats): string | undefined {
  if (!info.isDirectory()) return `${folder} is not a folder (it is a file or a symbolic link); remove it and try again`;
  const uid = process.getuid?.();
  if (info.uid !== uid) return `${folder} belongs to another user (uid ${info.uid}, you are ${uid}); remove it, or set XDG_RUNTIME_DIR to a folder of your own`;
  if (info.mode & 0o077) return `${folder} is open to other users (mode ${(info.mode & 0o777).toString(8)}); run chmod 700 on it`;
  return undefined;
}

/**
 * Why a folder the person named for a socket (LATCHKEY_BROKER: where `ssh -R` puts a forwarded broker,
 * often the home folder) is no place to trust one, or undefined. It need not be private, but no one else
 * may put a socket there under our name: ours or root's, and not writable by others unless sticky.
 */
export function namedFolderProblem(folder: string, info: Stats): string | undefined {
  if (!info.isDirectory()) return `${folder} is not a folder (it is a file or a symbolic link)`;
  const uid = process.getuid?.();
  if (info.uid !== uid && info.uid !== 0) return `${folder} belongs to another user (uid ${info.uid}, you are ${uid})`;
  if (info.mode & 0o022 && !(info.mode & 0o1000)) return `${folder} is writable by other users (mode ${(info.mode & 0o777).toString(8)}); use a folder only you can write`;
  return undefined;
}

const refuse = (message: string, cause?: unknown) => new LatchkeyError('settings', message, { cause });
