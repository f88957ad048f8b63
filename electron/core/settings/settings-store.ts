/**
 * The settings file (see read-settings-file for what a read accepts). Every change is a
 * read-modify-write under a file lock, so concurrent CLI runs and the app never lose each other's
 * change, and is checked in full before an atomic write: a failed change writes nothing.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LatchkeyError } from '../../shared/errors';
import type { Settings } from '../../shared/model';
import { writeFileAtomically } from '../fs/atomic-write';
import { withFileLock } from '../fs/file-lock';
import { checkSettings } from './check-settings';
import { readSettingsFile } from './read-settings-file';

export class SettingsStore {
  /** The last file read and what it said: a long-running broker asks on every request. */
  #cached?: { signature: string; settings: Settings };

  constructor(readonly path: string) {}

  /** The settings as the file says now; a copy, so callers cannot change what others read. */
  async load(): Promise<Settings> {
    const signature = await stat(this.path).then(
      (info) => `${info.ino}:${info.size}:${info.mtimeMs}`,
      () => undefined,
    );
    if (signature !== undefined && this.#cached?.signature === signature) return structuredClone(this.#cached.settings);
    const settings = await readSettingsFile(this.path);
    if (signature !== undefined) this.#cached = { signature, settings: structuredClone(settings) };
    return settings;
  }

  /** Applies `change` to the current settings in place, checks the result, saves it and returns it. */
  async update(change: (settings: Settings) => void | Promise<void>): Promise<Settings> {
    // The lock lives next to the file, so the folder must exist before the first save.
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    return withFileLock(this.path, async () => {
      const settings = await readSettingsFile(this.path);
      await change(settings);
      const checked = checkSettings(settings);
      if (checked.problems) throw new LatchkeyError('invalid-input', `settings not saved: ${checked.problems.join('; ')}`);
      await writeFileAtomically(this.path, `${JSON.stringify(checked.settings, null, 2)}\n`);
      return checked.settings;
    });
  }
}
