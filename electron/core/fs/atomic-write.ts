/**
 * Every file Latchkey writes goes through here: a temp file in the same folder, fsync, rename over the
 * target (through a symlink to its real file), so a crash at any instant leaves the old file or the new
 * one, never a mix. An existing file keeps its mode; a new one is 0600 in a folder created 0700.
 */
import { mkdir, open, realpath } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // The rename happens in the real file's folder, so that is the folder to sync.
  const target = await realpath(path).catch(() => undefined);
  // Loaded on first use: a CLI run served from a cache writes nothing. It keeps the existing file's
  // mode and owner when none is given.
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(target ?? path, typeof data === 'string' ? data : Buffer.from(data), target ? {} : { mode: 0o600 });
  await syncFolder(dirname(target ?? path));
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
