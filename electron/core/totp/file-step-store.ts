/**
 * Used time steps shared by every Latchkey process of this user (parallel `credential_process` runs,
 * the CLI next to the app): a small JSON file of serial → last step, changed only under a file lock.
 * Steps are not secret: they are times.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { LatchkeyError } from '../../shared/errors';
import { writeFileAtomically } from '../fs/atomic-write';
import { withFileLock } from '../fs/file-lock';
import type { UsedStepStore } from './replay-guard';

const StepsSchema = v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0)));

export class FileStepStore implements UsedStepStore {
  private readonly path: string;

  constructor(folder: string) {
    this.path = join(folder, 'mfa-steps.json');
  }

  update(serial: string, claim: (lastUsed: number | undefined) => number | undefined): Promise<number | undefined> {
    return withFileLock(this.path, async () => {
      const steps = await this.read();
      const next = claim(steps.get(serial));
      if (next !== undefined) {
        steps.set(serial, next);
        await writeFileAtomically(this.path, `${JSON.stringify(Object.fromEntries(steps))}\n`);
      }
      return next;
    });
  }

  private async read(): Promise<Map<string, number>> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw new LatchkeyError('settings', `cannot read ${this.path}: ${(error as Error).message}`, { cause: error });
    }
    try {
      return new Map(Object.entries(v.parse(StepsSchema, JSON.parse(text))));
    } catch {
      throw new LatchkeyError('settings', `${this.path} is damaged; delete it (it only records which MFA codes were already used)`);
    }
  }
}
