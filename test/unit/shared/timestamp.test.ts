import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { utcTimestamp } from '../../../electron/shared/timestamp';

describe('utcTimestamp', () => {
  it.each(['2026-01-31T12:00:00.000Z', '2026-01-31T12:00:00Z', new Date(0).toISOString(), '2028-02-29T23:59:59.999Z'])('accepts %s', (value) => {
    expect(v.is(utcTimestamp(), value)).toBe(true);
  });

  it.each([
    ['an offset', '2026-01-31T12:00:00+01:00'],
    ['no zone', '2026-01-31T12:00:00'],
    ['a date alone', '2026-01-31'],
    ['microseconds', '2026-01-31T12:00:00.000000Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['hour 25', '2026-01-31T25:00:00Z'],
    ['text around it', ' 2026-01-31T12:00:00Z'],
    ['a number', 1_769_860_800_000],
  ])('refuses %s', (_case, value) => {
    expect(v.is(utcTimestamp(), value)).toBe(false);
  });
});
