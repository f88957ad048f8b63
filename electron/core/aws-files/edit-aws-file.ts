/**
 * Read-modify-write of an AWS file under the advisory lock, so concurrent Latchkey processes never lose
 * each other's updates. The file is rewritten (atomically: the old or the new file after a crash, never
 * a mix) only when the edit changed its bytes; an edit that throws writes nothing. A missing file or
 * folder is created: folder 0700, file 0600; an existing file keeps its mode, and a symlink is written
 * through. The edit runs while the lock is held: do slow work (STS calls, prompts) before, not inside.
 *
 * Other programs take no lock: `aws configure set` rewrites the file in place whenever it likes. So the
 * file is compared with what was read just before the rename, and if it changed the whole
 * read-modify-write runs again on the new text (a few times at most), rather than renaming over the
 * other program's update. The edit may therefore run more than once, each time on a fresh file: it
 * must not accumulate results outside it across runs.
 *
 * The AWS CLI's rewrite truncates the file, then writes it: read in that gap, the file looks empty, and
 * an edit of it would keep only Latchkey's profile. An existing file that reads empty is therefore read
 * again for a moment before it is believed (settledText).
 */
import { LatchkeyError } from '../../shared/errors';
import { writeFileAtomically } from '../fs/atomic-write';
import { withFileLock } from '../fs/file-lock';
import { AwsFile } from './aws-file';
import { fileHealth } from './file-health';
import { loadAwsText } from './load-aws-text';
import type { AwsFileKind } from './profile-header';

/** Attempts before giving up on a file another program keeps changing. */
const MAX_ATTEMPTS = 5;

export interface EditAwsFileOptions {
  /**
   * Told, once an edit has succeeded, each problem elsewhere in the file that makes the AWS CLI reject
   * all of it (a section given twice, a BOM…; see file-health.ts), one line each: the edit is sound, but
   * AWS tools will not read the file until the person fixes it.
   */
  warn?: (message: string) => void;
}

/** How long an existing file that reads empty is watched for the rest of another program's rewrite. */
const EMPTY_SETTLE_MS = 150;
const EMPTY_POLL_MS = 25;

/** The file's text; an existing empty file only once it has stayed empty for EMPTY_SETTLE_MS. */
async function settledText(path: string): Promise<string> {
  const deadline = Date.now() + EMPTY_SETTLE_MS;
  for (;;) {
    const text = await loadAwsText(path);
    if (text !== '' || !(await exists(path)) || Date.now() >= deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, EMPTY_POLL_MS));
  }
}

async function exists(path: string): Promise<boolean> {
  const { stat } = await import('node:fs/promises');
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Returns whether the file was written. */
export async function editAwsFile(
  path: string,
  kind: AwsFileKind,
  edit: (file: AwsFile) => void | Promise<void>,
  options: EditAwsFileOptions = {},
): Promise<boolean> {
  const { written, problems } = await withFileLock(path, async () => {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const before = await settledText(path);
      const file = AwsFile.parse(before, kind, path);
      await edit(file);
      const after = file.toString();
      // Of the file as it now is, so line numbers match what the person opens; the edited section has none.
      const problems = options.warn ? fileHealth(file.document, path) : [];
      if (after === before) return { written: false, problems };
      // Compared by content: the AWS CLI rewrites in place (same inode), often within one mtime tick.
      const stillCurrent = async () => (await loadAwsText(path)) === before;
      if (await writeFileAtomically(path, after, { code: 'aws-file', stillCurrent })) return { written: true, problems };
    }
    throw new LatchkeyError('aws-file', `${path} kept changing while Latchkey edited it (another program is writing it): Latchkey wrote nothing; try again`);
  });
  for (const problem of problems) options.warn?.(problem);
  return written;
}
