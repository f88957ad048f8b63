/**
 * Read-modify-write of an AWS file under the advisory lock, so concurrent Latchkey processes never lose
 * each other's updates. The file is rewritten (atomically: the old or the new file after a crash, never
 * a mix) only when the edit changed its bytes; an edit that throws writes nothing. A missing file or
 * folder is created: folder 0700, file 0600; an existing file keeps its mode, and a symlink is written
 * through. The edit runs while the lock is held: do slow work (STS calls, prompts) before, not inside.
 */
import { LatchkeyError } from '../../shared/errors';
import { writeFileAtomically } from '../fs/atomic-write';
import { withFileLock } from '../fs/file-lock';
import { AwsFile } from './aws-file';
import { fileHealth } from './file-health';
import { loadAwsText } from './load-aws-text';
import type { AwsFileKind } from './profile-header';

export interface EditAwsFileOptions {
  /**
   * Told, once an edit has succeeded, each problem elsewhere in the file that makes the AWS CLI reject
   * all of it (a section given twice, a BOM…; see file-health.ts), one line each: the edit is sound, but
   * AWS tools will not read the file until the person fixes it.
   */
  warn?: (message: string) => void;
}

/** Returns whether the file was written. */
export async function editAwsFile(
  path: string,
  kind: AwsFileKind,
  edit: (file: AwsFile) => void | Promise<void>,
  options: EditAwsFileOptions = {},
): Promise<boolean> {
  const { written, problems } = await withFileLock(path, async () => {
    const before = await loadAwsText(path);
    const file = AwsFile.parse(before, kind, path);
    await edit(file);
    const after = file.toString();
    // Of the file as it now is, so line numbers match what the person opens; the edited section has none.
    const problems = options.warn ? fileHealth(after, path) : [];
    if (after === before) return { written: false, problems };
    try {
      await writeFileAtomically(path, after);
    } catch (error) {
      throw new LatchkeyError('aws-file', `cannot write ${path}: ${(error as Error).message}`, { cause: error });
    }
    return { written: true, problems };
  });
  for (const problem of problems) options.warn?.(problem);
  return written;
}
