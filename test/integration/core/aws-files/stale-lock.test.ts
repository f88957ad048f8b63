import { readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editAwsFile } from '../../../../electron/core/aws-files/edit-aws-file';
import { bundleForNode } from '../../../helpers/bundle';
import { startWorker } from './worker-process';
import { tempFolders } from '../../../helpers/temp-folders';

describe('a lock left by a killed process', () => {
  let bundle: string;
  const temp = tempFolders();
  let dir: string;
  beforeAll(async () => {
    bundle = await bundleForNode(fileURLToPath(new URL('./aws-file-worker.ts', import.meta.url)));
    dir = temp('stale');
  });
  afterAll(async () => {
    await rm(dirname(bundle), { recursive: true, force: true });
  });

  it('holds the next writer back only until it goes stale (seconds)', async () => {
    const path = join(dir, 'credentials');
    const holder = startWorker(bundle, ['hold', path]);
    await holder.printed('locked');
    holder.child.kill('SIGKILL');
    expect((await holder.exited).signal).toBe('SIGKILL');
    expect((await stat(`${path}.lock`)).isDirectory()).toBe(true);

    const started = Date.now();
    await editAwsFile(path, 'credentials', (file) => file.setKeys('dev', { region: 'eu-west-1' }));
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThan(1_000); // the dead holder's lock was respected until it went stale
    expect(waited).toBeLessThan(8_000);
    expect(await readFile(path, 'utf8')).toBe('[dev]\nregion = eu-west-1\n');
  }, 30_000);
});
