/** The entry of that name, or a not-found error naming what was looked for. */
import { LatchkeyError } from '../../shared/errors';

export function findEntry<T extends { name: string }>(entries: readonly T[], label: string, name: string): T {
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new LatchkeyError('not-found', `no ${label} is named "${name}"`);
  return entry;
}
