/** One look at every identity's key age, on an injected clock: what is due, what is kept, when to look again. */
import { describe, expect, it } from 'vitest';
import { KEY_AGE_REPEAT_MS } from '../../../../electron/core/settings/key-age';
import { keyAgeRemindersDue } from '../../../../electron/core/settings/key-age-reminders-due';
import { FakeClock } from '../../../fakes/fake-clock';
import { appSettings } from '../../../fakes/app-settings';

const DAY = 24 * 60 * 60_000;
const now = Date.UTC(2026, 5, 1);
const daysAgo = (days: number) => new Date(now - days * DAY).toISOString();

/** alice's key is `aliceDays` old, bob's has no known creation date, carol's is 10 days old. */
function settings(aliceDays: number, keyAgeDays = 90) {
  return appSettings((s) => {
    s.identities = [
      { name: 'alice', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', keyCreated: daysAgo(aliceDays) },
      { name: 'bob', accessKeyId: 'AKIAI44QH8DHBEXAMPLE' },
      { name: 'carol', accessKeyId: 'AKIACAROLCAROLCAROL1', keyCreated: daysAgo(10) },
    ];
    s.roles = [];
    s.mfaDevices = [];
    s.preferences = { keyAgeDays };
  });
}

describe('keyAgeRemindersDue', () => {
  it('reminds of a key past the limit with its age, records when, and looks again at the soonest moment one may fall due', () => {
    const round = keyAgeRemindersDue(settings(120), {}, new FakeClock(now));
    // alice's next reminder is a week away, before carol's key reaches the limit in 80 days.
    expect(round).toEqual({ due: [{ identity: 'alice', ageDays: 120 }], lastReminded: { alice: now }, nextCheckMs: now + KEY_AGE_REPEAT_MS });
    expect(keyAgeRemindersDue(settings(60), {}, new FakeClock(now))).toEqual({ due: [], lastReminded: {}, nextCheckMs: now + 30 * DAY });
  });

  it('stays quiet for a week after a reminder, and then looks again when the week is up', () => {
    const clock = new FakeClock(now);
    const remindedAt = now - 3 * DAY;
    const round = keyAgeRemindersDue(settings(120, 100), { alice: remindedAt }, clock);
    expect(round).toEqual({ due: [], lastReminded: { alice: remindedAt }, nextCheckMs: remindedAt + KEY_AGE_REPEAT_MS });
    clock.advance(4 * DAY);
    expect(keyAgeRemindersDue(settings(120, 100), { alice: remindedAt }, clock).due).toEqual([{ identity: 'alice', ageDays: 124 }]);
  });

  it('with the limit at 0 reminds of nothing and never looks again', () => {
    expect(keyAgeRemindersDue(settings(400, 0), { alice: now - 30 * DAY }, new FakeClock(now))).toEqual({ due: [], lastReminded: { alice: now - 30 * DAY } });
  });

  it('forgets the reminders of identities that are gone', () => {
    expect(keyAgeRemindersDue(settings(20), { alice: now - 30 * DAY, dave: now - DAY }, new FakeClock(now)).lastReminded).toEqual({ alice: now - 30 * DAY });
  });
});
