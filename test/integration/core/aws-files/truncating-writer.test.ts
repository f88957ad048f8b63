/**
 * The AWS CLI rewrites the credentials file in place: truncate, then write. An edit that reads in that
 * gap must not take the file for empty and keep only its own profile, losing everything else.
 */
import { existsSync } from 'node:fs';
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editAwsFile } from '../../../../electron/core/aws-files/edit-aws-file';
import { tempFolders } from '../../../helpers/temp-folders';
import { until } from '../../../helpers/until';

const temp = tempFolders();
const THEIRS = '[theirs]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

describe('an edit racing a writer that truncates, then writes', () => {
  it('waits for the rest of the rewrite instead of believing the empty file', async () => {
    const path = join(temp('truncate'), 'credentials');
    await writeFile(path, THEIRS);
    // The other program's rewrite: the file is empty until its write lands, a moment after Latchkey
    // has taken its lock (PATH.lock) and is about to read.
    const handle = await open(path, 'r+');
    await handle.truncate(0);
    const editing = editAwsFile(path, 'credentials', (file) => file.setKeys('mine', { region: 'eu-west-1' }));
    await until(() => existsSync(`${path}.lock`), 'Latchkey to take its lock', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 30)); // the writer's own pace, not a wait for Latchkey
    await handle.write(THEIRS, 0);
    await handle.close();
    await editing;
    const text = await readFile(path, 'utf8');
    expect(text).toContain('[theirs]');
    expect(text).toContain('[mine]\nregion = eu-west-1');
  });

  it('still takes an empty file that stays empty as empty', async () => {
    const path = join(temp('truncate'), 'credentials');
    await writeFile(path, '');
    await editAwsFile(path, 'credentials', (file) => file.setKeys('mine', { region: 'eu-west-1' }));
    expect(await readFile(path, 'utf8')).toBe('[mine]\nregion = eu-west-1\n');
  });
});
