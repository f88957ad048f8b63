/** The key-age reminder with an injected clock: once past the limit, at most weekly after, never when off. */
import { describe, expect, it } from 'vitest';
import { KEY_AGE_REPEAT_MS, keyAgeDays, keyAgeReminder } from '../../../../electron/core/settings/key-age';
import { FakeClock } from '../../../fakes/fake-clock';

const DAY = 24 * 60 * 60_000;
const CREATED = '2026-01-01T00:00:00.000Z';
const createdMs = Date.parse(CREATED);

describe('keyAgeReminder', () => {
  it('is quiet until the key passes the limit, and says when to look again', () => {
    const clock = new FakeClock(createdMs + 89 * DAY);
    expect(keyAgeReminder({ keyCreated: CREATED, limitDays: 90 }, clock)).toEqual({ fire: false, nextCheckMs: createdMs + 90 * DAY });
  });

  it('fires once when the key passes the limit, not again within a week, then again after it', () => {
    const clock = new FakeClock(createdMs + 90 * DAY);
    const first = keyAgeReminder({ keyCreated: CREATED, limitDays: 90 }, clock);
    expect(first).toEqual({ fire: true, nextCheckMs: clock.now() + KEY_AGE_REPEAT_MS });
    const remindedMs = clock.now();
    for (const later of [1, 60 * 60_000, 3 * DAY, 7 * DAY - 1]) {
      const at = new FakeClock(remindedMs + later);
      expect(keyAgeReminder({ keyCreated: CREATED, limitDays: 90, lastRemindedMs: remindedMs }, at)).toEqual({ fire: false, nextCheckMs: remindedMs + KEY_AGE_REPEAT_MS });
    }
    clock.advance(KEY_AGE_REPEAT_MS);
    expect(keyAgeReminder({ keyCreated: CREATED, limitDays: 90, lastRemindedMs: remindedMs }, clock).fire).toBe(true);
  });

  it('never fires with the limit at 0, or without a creation date', () => {
    const clock = new FakeClock(createdMs + 400 * DAY);
    expect(keyAgeReminder({ keyCreated: CREATED, limitDays: 0 }, clock)).toEqual({ fire: false });
    expect(keyAgeReminder({ limitDays: 90 }, clock)).toEqual({ fire: false });
  });

  it('a reminder given for the old key does not silence the rotated one', () => {
    const remindedMs = createdMs + 95 * DAY;
    const rotated = new Date(remindedMs + DAY).toISOString();
    const clock = new FakeClock(remindedMs + 2 * DAY);
    expect(keyAgeReminder({ keyCreated: rotated, limitDays: 90, lastRemindedMs: remindedMs }, clock).fire).toBe(false);
    clock.advance(90 * DAY);
    expect(keyAgeReminder({ keyCreated: rotated, limitDays: 90, lastRemindedMs: remindedMs }, clock).fire).toBe(true);
  });
});

describe('keyAgeDays', () => {
  it('counts whole days', () => {
    expect(keyAgeDays(CREATED, createdMs)).toBe(0);
    expect(keyAgeDays(CREATED, createdMs + DAY - 1)).toBe(0);
    expect(keyAgeDays(CREATED, createdMs + 120 * DAY)).toBe(120);
  });
});
