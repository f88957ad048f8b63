/**
 * When the app last reminded the person of each identity's key age, kept across restarts so a restart
 * within the week does not remind again. A small JSON file next to the settings file (not in the runtime
 * folder, which a reboot empties), `{"lastReminded":{"alice":"2026-04-01T09:00:00.000Z"}}`, written
 * atomically. Only the app writes it (one instance), so it needs no lock. It holds nothing secret and
 * nothing the settings need: a missing or damaged file reads as empty, which costs at most one reminder
 * too many, and the next write replaces it.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import { LatchkeyError } from '../../shared/errors';
import { utcTimestamp } from '../../shared/timestamp';
import { writeFileAtomically } from '../fs/atomic-write';
import { fsReason } from '../fs/fs-reason';

export const KEY_AGE_REMINDER_FILE = 'key-age-reminders.json';

const LogSchema = v.object({ lastReminded: v.record(v.string(), utcTimestamp()) });

export class KeyAgeReminderLog {
  readonly path: string;

  /** `settingsPath`: the settings file, whose folder holds this one. */
  constructor(settingsPath: string) {
    this.path = join(dirname(settingsPath), KEY_AGE_REMINDER_FILE);
  }

  /** Identity name → when it was last reminded (ms). */
  async load(): Promise<Record<string, number>> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new LatchkeyError('settings', `cannot read ${this.path}: ${fsReason(error)}`, { cause: error });
    }
    let parsed: v.InferOutput<typeof LogSchema>;
    try {
      parsed = v.parse(LogSchema, JSON.parse(text));
    } catch {
      return {};
    }
    return Object.fromEntries(Object.entries(parsed.lastReminded).map(([name, at]) => [name, Date.parse(at)]));
  }

  async save(lastReminded: Readonly<Record<string, number>>): Promise<void> {
    const entries = Object.entries(lastReminded).map(([name, ms]) => [name, new Date(ms).toISOString()]);
    await writeFileAtomically(this.path, `${JSON.stringify({ lastReminded: Object.fromEntries(entries) }, null, 2)}\n`);
  }
}
