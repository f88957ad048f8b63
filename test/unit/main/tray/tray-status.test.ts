import { describe, expect, it } from 'vitest';
import type { TrayState } from '../../../../electron/main/tray/tray-state';
import { trayStatus } from '../../../../electron/main/tray/tray-status';

const NOW = Date.UTC(2026, 0, 1, 12);
const MINUTE = 60_000;
const base: TrayState = { identities: [], expirations: {}, reminderLeadMinutes: 10, launchAtLogin: false, grants: [] };
const activeFor = (left: number): TrayState => ({ ...base, active: { name: 'prod-admin', expiration: new Date(NOW + left) } });

describe('trayStatus', () => {
  it('is none, with a tooltip saying so, without an active session', () => {
    expect(trayStatus(base, NOW)).toEqual({ icon: 'none', tooltip: 'Latchkey: no active session' });
  });

  it('follows the active session: active, expiring within the reminder lead time, expired', () => {
    expect(trayStatus(activeFor(47 * MINUTE), NOW)).toEqual({ icon: 'active', tooltip: 'Latchkey: prod-admin — 47 min left' });
    expect(trayStatus(activeFor(10 * MINUTE + 1), NOW).icon).toBe('active');
    expect(trayStatus(activeFor(10 * MINUTE), NOW)).toEqual({ icon: 'expiring', tooltip: 'Latchkey: prod-admin — 10 min left' });
    expect(trayStatus(activeFor(30_000), NOW)).toEqual({ icon: 'expiring', tooltip: 'Latchkey: prod-admin — < 1 min left' });
    expect(trayStatus(activeFor(0), NOW)).toEqual({ icon: 'expired', tooltip: 'Latchkey: prod-admin — expired' });
  });

  it('uses the lead time preference', () => {
    expect(trayStatus({ ...activeFor(25 * MINUTE), reminderLeadMinutes: 30 }, NOW).icon).toBe('expiring');
  });
});
