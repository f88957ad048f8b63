/** What an edit of one profile must and must not change, shared by the unit and the botocore property tests. */
import { expect } from 'vitest';
import type { AwsFile } from '../../../../electron/core/aws-files/aws-file';
import type { EditCase, ProfileEdit } from './aws-file-arbitrary';

/** Applies an edit the way Latchkey's callers do: set, then remove, or drop the profile. */
export function applyEdit(file: AwsFile, edit: ProfileEdit): void {
  if (edit.removeProfile) return file.removeProfile(edit.profile);
  file.setKeys(edit.profile, edit.set);
  file.removeKeys(edit.profile, edit.remove);
}

/** What a reader should see in the edited profile afterwards, given what it saw before. */
export function expectedProfile(
  before: Readonly<Record<string, unknown>> | undefined,
  edit: ProfileEdit,
): Record<string, unknown> | undefined {
  if (edit.removeProfile) return undefined;
  const touched = new Set([...Object.keys(edit.set), ...edit.remove]);
  const kept = Object.entries(before ?? {}).filter(([key]) => !touched.has(key.toLowerCase()));
  const result = { ...Object.fromEntries(kept), ...edit.set };
  return before === undefined && Object.keys(edit.set).length === 0 ? undefined : result;
}

/** A record's own entry: a profile may well be called `valueOf`. */
export const own = <T>(record: Record<string, T>, name: string): T | undefined => (Object.hasOwn(record, name) ? record[name] : undefined);

export function without<T>(record: Record<string, T>, name: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => key !== name));
}

/** The bytes outside the edited section are the same; a new section only adds bytes at the end. */
export function expectOutsideUnchanged({ file, edit }: EditCase, after: string): void {
  const span = file.sections.find((section) => section.profile === edit.profile);
  if (!span) {
    expect(after.startsWith(file.text)).toBe(true);
    return;
  }
  expect(after.slice(0, span.start)).toBe(file.text.slice(0, span.start));
  const tail = file.text.slice(span.end);
  expect(after.endsWith(tail)).toBe(true);
  expect(after.length).toBeGreaterThanOrEqual(span.start + tail.length);
}
