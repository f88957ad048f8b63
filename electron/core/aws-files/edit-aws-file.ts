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
import { loadAwsText } from './load-aws-text';
import type { AwsFileKind } from './profile-header';

/** Returns whether the file was written. */
export async function editAwsFile(path: string, kind: AwsFileKind, edit: (file: AwsFile) => void | Promise<void>): Promise<boolean> {
  return withFileLock(path, async () => {
    const before = await loadAwsText(path);
    const file = AwsFile.parse(before, kind, path);
    await edit(file);
    const after = file.toString();
    if (after === before) return false;
    try {
      await writeFileAtomically(path, after);
    } catch (error) {
      throw new LatchkeyError('aws-file', `cannot write ${path}: ${(error as Error).message}`, { cause: error });
    }
    return true;
  });
}
