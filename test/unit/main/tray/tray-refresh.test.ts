import { describe, expect, it } from 'vitest';
import { TrayRefresh } from '../../../../electron/main/tray/tray-refresh';
import type { TrayState } from '../../../../electron/main/tray/tray-state';
import { FakeTimers } from '../../../fakes/fake-timers';

const MINUTE = 60_000;
const idle: TrayState = { identities: [], expirations: {}, reminderLeadMinutes: 10, launchAtLogin: false, grants: [] };

function setup() {
  const timers = new FakeTimers();
  let refreshes = 0;
  const refresh = new TrayRefresh({ clock: timers.clock, timers, refresh: () => refreshes++ });
  return { timers, refresh, now: timers.clock.now(), refreshes: () => refreshes };
}

describe('TrayRefresh', () => {
  it('sets no timer while nothing counts down', () => {
    const { timers, refresh, now } = setup();
    refresh.schedule(idle);
    refresh.schedule({ ...idle, expirations: { old: new Date(now - MINUTE) } });
    expect(timers.due).toEqual([]);
  });

  it('wakes at the next minute boundary of any shown time, active or cached', () => {
    const { timers, refresh, now, refreshes } = setup();
    refresh.schedule({
      ...idle,
      active: { name: 'admin', expiration: new Date(now + 47 * MINUTE + 40_000) },
      expirations: { admin: new Date(now + 47 * MINUTE + 40_000), dev: new Date(now + 3 * MINUTE + 15_000) },
    });
    expect(timers.due).toEqual([now + 15_000]);
    timers.advance(15_000);
    expect(refreshes()).toBe(1);
  });

  it('wakes when a shown MFA code changes', () => {
    const { timers, refresh, now } = setup();
    const identity = { name: 'alice', roles: [], mfaCodes: [{ device: 'phone', code: '123456', secondsLeft: 18 }] };
    refresh.schedule({ ...idle, identities: [identity] });
    expect(timers.due).toEqual([now + 18_000]);
  });

  it('keeps one timer across rebuilds, and none after stop', () => {
    const { timers, refresh, now } = setup();
    const state = { ...idle, expirations: { dev: new Date(now + 5 * MINUTE + 1_000) } };
    refresh.schedule(state);
    refresh.schedule(state);
    expect(timers.due).toHaveLength(1);
    refresh.stop();
    expect(timers.due).toEqual([]);
  });
});
