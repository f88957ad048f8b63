/**
 * An instant on the wire or in the keychain, always in UTC as Latchkey writes it: `toISOString()`
 * (2026-01-31T12:00:00.000Z) or the same without milliseconds, as the credentials file shows it. A plain
 * pattern rather than valibot's isoTimestamp: that one accepts every offset form, and compiling its large
 * pattern is a cost the CLI's warm path can see (bench/README.md). A factory, as valibot's own schemas are: nothing
 * is built until a schema that uses it is.
 */
import * as v from 'valibot';

export const utcTimestamp = () =>
  v.pipe(
    v.string(),
    v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/, 'expected a UTC timestamp such as 2026-01-31T12:00:00Z'),
    v.check((value) => !Number.isNaN(Date.parse(value)), 'not a calendar date and time'),
  );
