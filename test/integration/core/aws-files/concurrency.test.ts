import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAwsFile } from '../../../../electron/core/aws-files/read-aws-file';
import { bundleForNode } from '../../../helpers/bundle';
import { startWorker } from './worker-process';
import { tempFolders } from '../../../helpers/temp-folders';

const WORKERS = 8;
const UPDATES = 25;

describe('processes editing one credentials file at once', () => {
  let bundle: string;
  const temp = tempFolders();
  let dir: string;
  beforeAll(async () => {
    bundle = await bundleForNode(fileURLToPath(new URL('./aws-file-worker.ts', import.meta.url)));
    dir = temp('concurrent');
  });
  afterAll(async () => {
    await rm(dirname(bundle), { recursive: true, force: true });
  });

  it(`lose no update (${WORKERS} processes x ${UPDATES} edits)`, async () => {
    const path = join(dir, 'credentials');
    const workers = Array.from({ length: WORKERS }, (_, n) => startWorker(bundle, ['update', path, String(n), String(UPDATES)]));
    for (const { exited } of workers) expect(await exited).toMatchObject({ code: 0, stderr: '' });

    const expected = Object.fromEntries(
      Array.from({ length: WORKERS }, (_, n) => [
        `worker-${n}`,
        Object.fromEntries(Array.from({ length: UPDATES }, (_, i) => [`key_${i + 1}`, `value-${n}-${i + 1}`])),
      ]),
    );
    expect(await readAwsFile(path, 'credentials')).toEqual(expected);
  }, 60_000);
});
