/**
 * Reads and checks the settings file. A missing file is a fresh install (defaults); anything else that
 * is wrong refuses with a message naming the file and the problem, and is never "repaired" silently.
 * Only a regular file up to 10 MB is read (see read-regular-file.ts): thousands of entries take well
 * under 1 MB, and a FIFO would block every command.
 */
import * as v from 'valibot';
import { LatchkeyError } from '../../shared/errors';
import { SETTINGS_SCHEMA_VERSION, SettingsSchema, type Settings } from '../../shared/model';
import { readRegularFile } from '../fs/read-regular-file';
import { checkSettings } from './check-settings';
import { describeJsonError } from './describe-json-error';

export async function readSettingsFile(path: string): Promise<Settings> {
  const bytes = await readRegularFile(path, { maxBytes: 10 * 1_048_576, code: 'settings', what: 'a settings file' });
  if (bytes === undefined) return v.parse(SettingsSchema, { schemaVersion: SETTINGS_SCHEMA_VERSION });
  // Editors on Windows may save a byte order mark, which JSON.parse refuses.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LatchkeyError('settings', `the settings file ${path} is not valid JSON at ${describeJsonError(text, (error as Error).message)}; fix the file`);
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SETTINGS_SCHEMA_VERSION)
    throw new LatchkeyError(
      'settings',
      `the settings file ${path} was written by a newer Latchkey (schema version ${version}; this one reads version ${SETTINGS_SCHEMA_VERSION}); update Latchkey`,
    );
  const checked = checkSettings(value);
  if (checked.problems) throw new LatchkeyError('settings', `the settings file ${path} is invalid: ${checked.problems.join('; ')}; fix the file`);
  return checked.settings;
}
