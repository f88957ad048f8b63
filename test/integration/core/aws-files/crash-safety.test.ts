import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsFile } from '../../../../electron/core/aws-files/aws-file';
import { bundleForNode } from '../../../helpers/bundle';
import { startWorker } from './worker-process';
import { tempFolders } from '../../../helpers/temp-folders';

// Two sessions of different lengths, so a torn or mixed write could not pass for either version.
const A = { aws_access_key_id: 'ASIAAAAAAAAAAAAAAAAA', aws_secret_access_key: 'a'.repeat(40), aws_session_token: 'A'.repeat(900), x_security_token_expires: '2030-01-01T00:00:00Z' };
const B = { aws_access_key_id: 'ASIABBBBBBBBBBBBBBBB', aws_secret_access_key: 'b'.repeat(40), aws_session_token: 'B'.repeat(1400), x_security_token_expires: '2031-01-01T00:00:00Z' };
const BASE = '# hand-written\r\n[default]\r\nregion = eu-west-1\r\n\r\n[crash]\r\naws_session_token = start\r\n\r\n; after\r\n[other]\r\nk = v\r\n';

const LANES = 4;
const KILLS_PER_LANE = 50;

const version = (values: Record<string, string>) => {
  const file = AwsFile.parse(BASE, 'credentials', 'f');
  file.setKeys('crash', values);
  return file.toString();
};

describe('a writer killed at random moments', () => {
  let bundle: string;
  const temp = tempFolders();
  let dir: string;
  beforeAll(async () => {
    bundle = await bundleForNode(fileURLToPath(new URL('./aws-file-worker.ts', import.meta.url)));
    dir = temp('crash');
    await writeFile(join(dir, 'a.json'), JSON.stringify(A));
    await writeFile(join(dir, 'b.json'), JSON.stringify(B));
  });
  afterAll(async () => {
    await rm(dirname(bundle), { recursive: true, force: true });
  });

  it(`leaves the old or the new file, never a mix (${LANES * KILLS_PER_LANE} SIGKILLs)`, async () => {
    const [old, updated] = [version(A), version(B)];
    const seen = new Set<string>();
    const lane = async (n: number) => {
      const path = join(dir, `credentials-${n}`);
      await writeFile(path, old, { mode: 0o600 });
      for (let kill = 0; kill < KILLS_PER_LANE; kill++) {
        const worker = startWorker(bundle, ['toggle', path, join(dir, 'a.json'), join(dir, 'b.json')]);
        await worker.printed('ready');
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
        worker.child.kill('SIGKILL');
        expect((await worker.exited).signal).toBe('SIGKILL');
        const text = await readFile(path, 'utf8');
        expect([old, updated]).toContain(text);
        seen.add(text);
        // The killed holder's lock would go stale in seconds; the stale-lock test covers that wait.
        await rm(`${path}.lock`, { recursive: true, force: true });
      }
    };
    await Promise.all(Array.from({ length: LANES }, (_, n) => lane(n)));
    expect(seen.size).toBe(2);
    // Temp files left behind show kills landed between writing the new file and renaming it into place.
    const torn = (await readdir(dir)).filter((name) => /^credentials-\d+\.\d+$/.test(name));
    expect(torn.length).toBeGreaterThan(0);
  }, 120_000);
});
