/**
 * The last MFA code sent per device, shared by every Latchkey process of this user (parallel
 * `credential_process` runs, the CLI next to the app): a small JSON file of serial → { step, digest },
 * changed only under a file lock, in the private runtime folder. Steps are times; a digest is of a code
 * AWS will not accept again.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { LatchkeyError } from '../../shared/errors';
import { writeFileAtomically } from '../fs/atomic-write';
import { withFileLock } from '../fs/file-lock';
import type { UsedCode, UsedStepStore } from './replay-guard';

const step = () => v.pipe(v.number(), v.integer(), v.minValue(0));
const StepsSchema = v.record(
  v.string(),
  v.union([
    v.strictObject({ step: step(), digest: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/))) }),
    // The first version's file held the step alone.
    v.pipe(step(), v.transform((value): UsedCode => ({ step: value }))),
  ]),
);

export class FileStepStore implements UsedStepStore {
  private readonly path: string;

  constructor(folder: string) {
    this.path = join(folder, 'mfa-steps.json');
  }

  update(serial: string, claim: (last: UsedCode | undefined) => UsedCode | undefined): Promise<UsedCode | undefined> {
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

  private async read(): Promise<Map<string, UsedCode>> {
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
