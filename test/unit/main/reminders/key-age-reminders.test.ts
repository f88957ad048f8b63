/**
 * The key-age notification on a fake clock, with the real reminder log in a temp folder and Electron's
 * notifications faked: once past the limit, at most weekly after, never when off or without a creation
 * date, quiet after a restart within the week; "Rotate…" opens the settings at the identity.
 */
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../../electron/shared/model';
import { KeyAgeReminderLog } from '../../../../electron/core/settings/key-age-reminder-log';
import { Notifier } from '../../../../electron/main/app/notifier';
import { KeyAgeReminders } from '../../../../electron/main/reminders/key-age-reminders';
import { appSettings } from '../../../fakes/app-settings';
import { FakeClock } from '../../../fakes/fake-clock';
import { Notification, resetFakeElectron } from '../../../fakes/fake-electron';
import { FakeTimers } from '../../../fakes/fake-timers';
import { tempFolders } from '../../../helpers/temp-folders';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

const temp = tempFolders();
const DAY = 24 * 60 * 60_000;
const WEEK = 7 * DAY;
const START = Date.UTC(2026, 5, 1, 9);

/** alice's key, `ageDays` old at START (no creation date when undefined), and the key-age limit. */
function settingsWith(ageDays: number | undefined, keyAgeDays = 90): Settings {
  return appSettings((s) => {
    s.identities = [{ name: 'alice', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', ...(ageDays === undefined ? {} : { keyCreated: new Date(START - ageDays * DAY).toISOString() }) }];
    s.mfaDevices = [];
    s.roles = [];
    s.preferences = { keyAgeDays };
  });
}

/** One run of the app's key-age reminders; `folder` holds its settings file (and so its log). */
function appRun(folder: string, settings: Settings, timers: FakeTimers) {
  const opened: { identity: string }[] = [];
  const failures: unknown[] = [];
  const reminders = new KeyAgeReminders({
    clock: timers.clock,
    timers,
    settings: { load: async () => structuredClone(settings) },
    log: new KeyAgeReminderLog(join(folder, 'settings.json')),
    notifier: new Notifier('linux'),
    openSettings: (at) => opened.push(at),
    failed: (error) => failures.push(error),
  });
  return { reminders, opened, failures };
}

const titles = () => Notification.all.map((shown) => shown.options.title);
/** The reminders the timer's own look shows (it runs by itself, so the test waits for its notification). */
const shownBy = (count: number) => vi.waitFor(() => expect(Notification.all).toHaveLength(count));

describe('KeyAgeReminders', () => {
  beforeEach(resetFakeElectron);

  it('fires once when the key passes the limit, however often the app refreshes, and Rotate… opens the settings at the identity', async () => {
    const timers = new FakeTimers(new FakeClock(START));
    const run = appRun(temp('key-age'), settingsWith(89), timers);
    await run.reminders.check();
    expect(Notification.all).toEqual([]);
    // The idle app wakes when the key passes the limit: no refresh needed.
    expect(timers.due).toEqual([START + DAY]);
    timers.advance(DAY);
    await shownBy(1);
    for (let refresh = 0; refresh < 3; refresh++) await run.reminders.check();
    expect(titles()).toEqual(['The access key of alice is 90 days old']);
    const [shown] = Notification.all;
    expect(shown?.options.body).toBe('Keys older than 90 days should be replaced: rotating gives the IAM user a new key and retires this one. Click to rotate.');
    shown?.emit('click');
    expect(run.opened).toEqual([{ identity: 'alice' }]);
    expect(run.failures).toEqual([]);
  });

  it('does not fire again within a week, and fires again once the week is up', async () => {
    const timers = new FakeTimers(new FakeClock(START));
    const run = appRun(temp('key-age'), settingsWith(120), timers);
    await run.reminders.check();
    expect(titles()).toEqual(['The access key of alice is 120 days old']);
    timers.advance(WEEK - 1);
    await run.reminders.check();
    expect(Notification.all).toHaveLength(1);
    timers.advance(1);
    await shownBy(2);
    expect(titles()).toEqual(['The access key of alice is 120 days old', 'The access key of alice is 127 days old']);
  });

  it('never fires with the key-age limit at 0', async () => {
    const timers = new FakeTimers(new FakeClock(START));
    const run = appRun(temp('key-age'), settingsWith(400, 0), timers);
    await run.reminders.check();
    timers.advance(30 * DAY);
    await run.reminders.check();
    expect(Notification.all).toEqual([]);
    expect(timers.due).toEqual([]);
  });

  it('a restart within the week stays quiet (the reminder time was kept), and the week still ends on time', async () => {
    const folder = temp('key-age');
    const first = appRun(folder, settingsWith(120), new FakeTimers(new FakeClock(START)));
    await first.reminders.check();
    expect(Notification.all).toHaveLength(1);
    await first.reminders.stop();

    const timers = new FakeTimers(new FakeClock(START + 3 * DAY));
    const second = appRun(folder, settingsWith(120), timers);
    await second.reminders.check();
    expect(Notification.all).toHaveLength(1);
    expect(timers.due).toEqual([START + WEEK]);
    timers.advance(4 * DAY);
    await shownBy(2);
    expect(second.failures).toEqual([]);
  });

  it('a key with no known creation date never fires', async () => {
    const timers = new FakeTimers(new FakeClock(START));
    const run = appRun(temp('key-age'), settingsWith(undefined), timers);
    await run.reminders.check();
    expect(timers.due).toEqual([]);
    timers.advance(400 * DAY);
    await run.reminders.check();
    expect(Notification.all).toEqual([]);
  });
});
