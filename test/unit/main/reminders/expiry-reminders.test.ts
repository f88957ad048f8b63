import { describe, expect, it } from 'vitest';
import { ExpiryReminders } from '../../../../electron/main/reminders/expiry-reminders';
import type { ReminderSession } from '../../../../electron/core/sessions/reminder-sessions';
import { FakeTimers } from '../../../fakes/fake-timers';

const MINUTE = 60_000;
const LEAD = 10;

function setup(options: { onRenew?: (name: string) => void } = {}) {
  const timers = new FakeTimers();
  const events: string[] = [];
  const reminders = new ExpiryReminders({
    clock: timers.clock,
    timers,
    actions: {
      notify: (name, message) => events.push(`notify ${name}: ${message}`),
      renew: (name) => {
        events.push(`renew ${name}`);
        options.onRenew?.(name);
      },
    },
  });
  const session = (name: string, leftMs: number, renewsSilently = false): ReminderSession => ({
    name,
    expiration: new Date(timers.clock.now() + leftMs),
    renewsSilently,
  });
  return { timers, reminders, events, session };
}

describe('ExpiryReminders', () => {
  it('notifies at the lead time before expiration, then leaves no timer', () => {
    const { timers, reminders, events, session } = setup();
    reminders.reschedule([session('prod-admin', 60 * MINUTE)], LEAD);

    timers.advance(50 * MINUTE - 1);
    expect(events).toEqual([]);
    timers.advance(1);
    expect(events).toEqual(['notify prod-admin: prod-admin expires in 10 min']);
    expect(timers.due).toEqual([]);
  });

  it('renews silently shortly before the lead time when it can, and the renewed session is watched anew', () => {
    const { timers, reminders, events, session } = setup({
      onRenew: (name) => reminders.reschedule([session(name, 60 * MINUTE, true)], LEAD),
    });
    reminders.reschedule([session('prod-admin', 60 * MINUTE, true)], LEAD);

    timers.advance(49 * MINUTE);
    expect(events).toEqual(['renew prod-admin']);
    timers.advance(49 * MINUTE);
    expect(events).toEqual(['renew prod-admin', 'renew prod-admin']);
    expect(timers.due).toHaveLength(1);
  });

  it('still reminds at the lead time when a silent renewal did not replace the session', () => {
    const { timers, reminders, events, session } = setup();
    reminders.reschedule([session('prod-admin', 60 * MINUTE, true)], LEAD);

    timers.advance(60 * MINUTE);
    expect(events).toEqual(['renew prod-admin', 'notify prod-admin: prod-admin expires in 10 min']);
  });

  it('after sleep, gives each session one catch-up reminder or renewal instead of stale timers', () => {
    const { timers, reminders, events, session } = setup();
    reminders.reschedule([session('dev', 30 * MINUTE), session('prod-admin', 3 * 60 * MINUTE + 4 * MINUTE), session('ops', 60 * MINUTE, true)], LEAD);

    timers.clock.advance(3 * 60 * MINUTE); // asleep: no timer ran
    reminders.resume();
    expect(events).toEqual(['notify dev: dev has expired', 'notify prod-admin: prod-admin expires in 4 min', 'renew ops']);

    timers.advance(60 * MINUTE);
    expect(events).toEqual([
      'notify dev: dev has expired',
      'notify prod-admin: prod-admin expires in 4 min',
      'renew ops',
      // The renewal did not replace it: the fallback reminder, once.
      'notify ops: ops has expired',
    ]);
    expect(timers.due).toEqual([]);
  });

  it('timers that wake late after sleep, before resume(), still act once per session', () => {
    const { timers, reminders, events, session } = setup();
    reminders.reschedule([session('dev', 30 * MINUTE), session('prod-admin', 40 * MINUTE)], LEAD);

    timers.clock.advance(2 * 60 * MINUTE);
    timers.advance(0);
    reminders.resume();
    timers.advance(60 * MINUTE);
    expect(events).toEqual(['notify dev: dev has expired', 'notify prod-admin: prod-admin has expired']);
  });

  it('never reminds twice for the same expiration, and reminds again for a new one', () => {
    const { timers, reminders, events, session } = setup();
    const first = session('prod-admin', 60 * MINUTE);
    reminders.reschedule([first], LEAD);
    timers.advance(55 * MINUTE);
    reminders.reschedule([first], LEAD);
    reminders.resume();
    timers.advance(MINUTE);
    expect(events).toHaveLength(1);

    reminders.reschedule([session('prod-admin', 60 * MINUTE)], LEAD);
    timers.advance(50 * MINUTE);
    expect(events).toHaveLength(2);
  });

  it('says nothing about sessions that had expired before it first saw them', () => {
    const { timers, reminders, events, session } = setup();
    reminders.reschedule([session('old', -MINUTE, true)], LEAD);
    reminders.resume();
    timers.advance(60 * MINUTE);
    expect(events).toEqual([]);
    expect(timers.due).toEqual([]);
  });

  it('reminds at once, with the real time left, for a session that arrives inside the lead time', () => {
    const { reminders, events, session } = setup();
    reminders.reschedule([session('dev', 4 * MINUTE)], LEAD);
    expect(events).toEqual(['notify dev: dev expires in 4 min']);
  });

  it('follows the lead time preference', () => {
    const { timers, reminders, events, session } = setup();
    reminders.reschedule([session('dev', 60 * MINUTE)], 30);
    timers.advance(30 * MINUTE);
    expect(events).toEqual(['notify dev: dev expires in 30 min']);
  });

  it('drops the timers of sessions no longer given, and stop() leaves none at all', () => {
    const { timers, reminders, session } = setup();
    reminders.reschedule([session('dev', 60 * MINUTE), session('ops', 90 * MINUTE, true)], LEAD);
    expect(timers.due).toHaveLength(2);
    reminders.reschedule([session('dev', 60 * MINUTE)], LEAD);
    expect(timers.due).toHaveLength(1);
    reminders.stop();
    expect(timers.due).toEqual([]);
    reminders.resume();
    expect(timers.due).toEqual([]);
  });
});
