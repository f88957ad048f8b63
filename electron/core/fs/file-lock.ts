/**
 * An advisory lock between Latchkey processes (CLI runs, the agent, the app), for read-modify-write of a
 * shared file and for single flight of a session across processes. proper-lockfile takes `PATH.lock`
 * atomically with mkdir and keeps its mtime fresh while held, so a lock whose holder died goes stale
 * and is recovered after `staleMs`, while a live holder waiting on a long MFA prompt keeps it.
 * The lock lives next to the file, so a missing folder is created (0700) first, as the write would.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LatchkeyError } from '../../shared/errors';
import { fsReason } from './fs-reason';

export interface LockOptions {
  /** How long to wait for another holder before giving up. */
  waitMs?: number;
  /** A lock not refreshed for this long belongs to a dead process. */
  staleMs?: number;
}

export async function withFileLock<T>(path: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? 10_000;
  const staleMs = Math.max(options.staleMs ?? 5_000, 2_000);
  const pollMs = 50;
  const deadline = Date.now() + waitMs;
  let lost: Error | undefined;
  let release: () => Promise<void>;
  const folder = dirname(path);
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new LatchkeyError('file-locked', `cannot create the folder ${folder} (${fsReason(error)}), so Latchkey cannot change ${path}`, { cause: error });
  }
  // Loaded on first use: a CLI run served from a cache never takes a lock.
  const { default: lockfile } = await import('proper-lockfile');
  for (;;) {
    try {
      // No retries inside proper-lockfile: it would retry any error, so a read-only folder took the
      // whole wait to report. Only another holder (ELOCKED) is worth waiting for.
      release = await lockfile.lock(path, {
        realpath: false,
        stale: staleMs,
        update: Math.floor(staleMs / 4),
        retries: 0,
        onCompromised: (error) => {
          lost = error;
        },
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED')
        throw new LatchkeyError('file-locked', `cannot write in ${folder} (${fsReason(error)}), so Latchkey cannot change ${path}`, { cause: error });
      if (Date.now() >= deadline)
        throw new LatchkeyError('file-locked', `${path} is locked by another Latchkey process for over ${Math.round(waitMs / 1000)} s; try again`);
      await new Promise((resolve) => setTimeout(resolve, pollMs * (0.5 + Math.random())));
    }
  }
  let result: T;
  try {
    result = await work();
  } finally {
    await release().catch(() => undefined);
  }
  if (lost) throw new LatchkeyError('file-locked', `lost the lock on ${path} (the process stalled for over ${staleMs / 1000} s); check the file and retry`);
  return result;
}
