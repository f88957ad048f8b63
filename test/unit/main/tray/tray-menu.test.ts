import { describe, expect, it } from 'vitest';
import { trayMenu, type MenuEntry } from '../../../../electron/main/tray/tray-menu';
import type { TrayState } from '../../../../electron/main/tray/tray-state';

const NOW = Date.UTC(2026, 0, 1, 12);
const MINUTE = 60_000;
const at = (ms: number) => new Date(NOW + ms);

const state: TrayState = {
  identities: [
    {
      name: 'acme-prod',
      userName: 'alice',
      accountId: '123456789012',
      roles: ['prod-admin', 'prod-readonly'],
      mfaCodes: [{ device: 'alice-phone', code: '481205', secondsLeft: 18 }],
    },
    { name: 'bob', accountId: '567890123456', roles: [], mfaCodes: [] },
  ],
  active: { name: 'prod-admin', expiration: at(47 * MINUTE) },
  expirations: { 'prod-admin': at(47 * MINUTE), 'acme-prod': at(65 * MINUTE), bob: at(-MINUTE) },
  reminderLeadMinutes: 10,
  launchAtLogin: false,
};

const actions = (name: string, cached = true): MenuEntry[] => [
  { type: 'normal', label: 'Renew now', action: { kind: 'renew', name } },
  { type: 'normal', label: 'Copy export lines', action: { kind: 'copy-exports', name } },
  { type: 'normal', label: 'Forget session', action: { kind: 'forget', name }, ...(!cached && { enabled: false }) },
];
const tail: MenuEntry[] = [
  { type: 'separator' },
  { type: 'normal', label: 'Settings…', action: { kind: 'open-settings' } },
  { type: 'checkbox', label: 'Launch at login', checked: false, action: { kind: 'launch-at-login', enabled: true } },
  { type: 'separator' },
  { type: 'normal', label: 'Quit Latchkey', action: { kind: 'quit' } },
];

describe('trayMenu', () => {
  it('lays out the active session, each identity with its roles, actions and MFA code, then the app items', () => {
    expect(trayMenu(state, NOW)).toEqual([
      { type: 'normal', label: 'Active: prod-admin · 47 min left', enabled: false },
      { type: 'separator' },
      {
        type: 'submenu',
        label: 'alice @ acme-prod (1234…)',
        submenu: [
          { type: 'radio', label: 'prod-admin  47 min', checked: true, action: { kind: 'activate', name: 'prod-admin' } },
          { type: 'radio', label: 'prod-readonly  —', checked: false, action: { kind: 'activate', name: 'prod-readonly' } },
          { type: 'radio', label: 'Use base identity (no role)  1 h 05 min', checked: false, action: { kind: 'activate', name: 'acme-prod' } },
          { type: 'separator' },
          { type: 'submenu', label: 'prod-admin', submenu: actions('prod-admin') },
          { type: 'submenu', label: 'prod-readonly', submenu: actions('prod-readonly', false) },
          { type: 'submenu', label: 'Base identity (no role)', submenu: actions('acme-prod') },
          { type: 'separator' },
          { type: 'normal', label: 'Copy MFA code  481 205  (18 s)', action: { kind: 'copy-mfa-code', device: 'alice-phone' } },
        ],
      },
      {
        type: 'submenu',
        label: 'bob (5678…)',
        submenu: [
          { type: 'radio', label: 'Use base identity (no role)  expired', checked: false, action: { kind: 'activate', name: 'bob' } },
          { type: 'separator' },
          { type: 'submenu', label: 'Base identity (no role)', submenu: actions('bob') },
        ],
      },
      ...tail,
    ]);
  });

  it('says when nothing is active, checks no role, and shows the launch-at-login choice as it is', () => {
    const menu = trayMenu({ ...state, active: undefined, launchAtLogin: true }, NOW);
    expect(menu[0]).toEqual({ type: 'normal', label: 'No active session', enabled: false });
    const radios = menu.flatMap((entry) => entry.submenu ?? []).filter((entry) => entry.type === 'radio');
    expect(radios.map((radio) => radio.checked)).toEqual([false, false, false, false]);
    expect(menu.find((entry) => entry.type === 'checkbox')).toEqual({
      type: 'checkbox',
      label: 'Launch at login',
      checked: true,
      action: { kind: 'launch-at-login', enabled: false },
    });
  });

  it('names the device when an identity has several with stored seeds', () => {
    const identity = { name: 'carol', roles: [], mfaCodes: [{ device: 'phone', code: '000111', secondsLeft: 3 }, { device: 'yubi', code: '222333', secondsLeft: 3 }] };
    const labels = trayMenu({ ...state, identities: [identity] }, NOW)[2]?.submenu?.map((entry) => entry.label);
    expect(labels).toContain('Copy MFA code (phone)  000 111  (3 s)');
    expect(labels).toContain('Copy MFA code (yubi)  222 333  (3 s)');
  });

  it('says an expired active session is expired', () => {
    expect(trayMenu({ ...state, active: { name: 'bob', expiration: at(-MINUTE) } }, NOW)[0]?.label).toBe('Active: bob · expired');
  });

  it('on first run offers to add an identity', () => {
    expect(trayMenu({ ...state, identities: [], active: undefined, expirations: {} }, NOW)).toEqual([
      { type: 'normal', label: 'Nothing is configured yet', enabled: false },
      { type: 'normal', label: 'Add your first identity…', action: { kind: 'open-settings' } },
      { type: 'separator' },
      ...tail.slice(2),
    ]);
  });
});
