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
  grants: [],
};

const actions = (label: string, name: string, cached = true): MenuEntry => ({
  type: 'submenu',
  label,
  submenu: [
    { type: 'normal', label: 'Renew now', action: { kind: 'renew', name } },
    { type: 'normal', label: 'Copy export lines', action: { kind: 'copy-exports', name } },
    { type: 'normal', label: 'Open console', action: { kind: 'open-console', name } },
    { type: 'normal', label: 'Forget session', action: { kind: 'forget', name }, ...(!cached && { enabled: false }) },
  ],
});
const tail: MenuEntry[] = [
  { type: 'separator' },
  { type: 'normal', label: 'Settings…', action: { kind: 'open-settings' } },
  { type: 'checkbox', label: 'Launch at login', checked: false, action: { kind: 'launch-at-login', enabled: true } },
  { type: 'separator' },
  { type: 'normal', label: 'Quit Latchkey', action: { kind: 'quit' } },
];

describe('trayMenu', () => {
  it('lists live credential endpoints after the identities, each with Revoke', () => {
    const since = new Date(NOW - 30 * 60_000);
    const menu = trayMenu({ ...state, grants: [{ id: 'g1', name: 'dev', requester: 'exec terraform', since }] }, NOW);
    const endpoints = menu.find((entry) => entry.label?.startsWith('Credential endpoints'));
    expect(endpoints?.label).toBe('Credential endpoints (1)');
    expect(endpoints?.submenu).toEqual([
      { type: 'normal', label: `Revoke dev for exec terraform, since ${since.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`, action: { kind: 'revoke-grant', id: 'g1', name: 'dev' } },
    ]);
    expect(trayMenu(state, NOW).some((entry) => entry.label?.startsWith('Credential endpoints'))).toBe(false);
  });

  it('heads the menu with the active session and its everyday actions, then each identity with one entry per session', () => {
    expect(trayMenu(state, NOW)).toEqual([
      { type: 'normal', label: 'Active: prod-admin — 47 min left', enabled: false },
      { type: 'normal', label: 'Renew now', action: { kind: 'renew', name: 'prod-admin' } },
      { type: 'normal', label: 'Copy export lines', action: { kind: 'copy-exports', name: 'prod-admin' } },
      { type: 'separator' },
      {
        type: 'submenu',
        label: 'alice @ acme-prod (1234…)',
        submenu: [
          { type: 'radio', label: 'prod-admin — 47 min left', checked: true, action: { kind: 'activate', name: 'prod-admin' } },
          { type: 'radio', label: 'prod-readonly', checked: false, action: { kind: 'activate', name: 'prod-readonly' } },
          { type: 'radio', label: 'alice’s own session (no role) — 1 h 05 min left', checked: false, action: { kind: 'activate', name: 'acme-prod' } },
          { type: 'separator' },
          { type: 'normal', label: 'Copy MFA code 481 205 (18 s left)', action: { kind: 'copy-mfa-code', device: 'alice-phone' } },
          { type: 'separator' },
          {
            type: 'submenu',
            label: 'Session actions',
            submenu: [
              actions('prod-admin', 'prod-admin'),
              actions('prod-readonly', 'prod-readonly', false),
              actions('alice’s own session (no role)', 'acme-prod'),
            ],
          },
        ],
      },
      {
        type: 'submenu',
        label: 'bob (5678…)',
        submenu: [
          { type: 'radio', label: 'bob’s own session (no role) — expired', checked: false, action: { kind: 'activate', name: 'bob' } },
          { type: 'separator' },
          { type: 'submenu', label: 'Session actions', submenu: [actions('bob’s own session (no role)', 'bob')] },
        ],
      },
      ...tail,
    ]);
  });

  it('lists each session once per identity, with no label padded to line up', () => {
    const labels = (entries: MenuEntry[]): string[] => entries.flatMap((entry) => [entry.label ?? '', ...labels(entry.submenu ?? [])]);
    const alice = trayMenu(state, NOW)[4]?.submenu ?? [];
    const choices = alice.filter((entry) => entry.type === 'radio').map((entry) => entry.action);
    expect(choices).toEqual([
      { kind: 'activate', name: 'prod-admin' },
      { kind: 'activate', name: 'prod-readonly' },
      { kind: 'activate', name: 'acme-prod' },
    ]);
    expect(alice.filter((entry) => entry.label === 'prod-admin' || entry.label?.startsWith('prod-admin '))).toHaveLength(1);
    for (const label of labels(trayMenu(state, NOW))) expect(label).not.toMatch(/ {2}|^ | $/);
  });

  it('says when nothing is active, offers no active actions, checks no role, and shows the launch-at-login choice as it is', () => {
    const menu = trayMenu({ ...state, active: undefined, launchAtLogin: true }, NOW);
    expect(menu.slice(0, 2)).toEqual([{ type: 'normal', label: 'No active session', enabled: false }, { type: 'separator' }]);
    const radios = menu.flatMap((entry) => entry.submenu ?? []).filter((entry) => entry.type === 'radio');
    expect(radios.map((radio) => radio.checked)).toEqual([false, false, false, false]);
    expect(menu.find((entry) => entry.type === 'checkbox')).toEqual({
      type: 'checkbox',
      label: 'Launch at login',
      checked: true,
      action: { kind: 'launch-at-login', enabled: false },
    });
  });

  it('names the device when an identity has several with stored seeds, and the identity when its user name is unknown', () => {
    const identity = { name: 'carol', roles: [], mfaCodes: [{ device: 'phone', code: '000111', secondsLeft: 3 }, { device: 'yubi', code: '222333', secondsLeft: 3 }] };
    const labels = trayMenu({ ...state, identities: [identity] }, NOW)[4]?.submenu?.map((entry) => entry.label);
    expect(labels).toEqual(['carol’s own session (no role)', undefined, 'Copy MFA code 000 111 (phone, 3 s left)', 'Copy MFA code 222 333 (yubi, 3 s left)', undefined, 'Session actions']);
  });

  it('says an expired active session is expired, and still offers to renew it', () => {
    const menu = trayMenu({ ...state, active: { name: 'bob', expiration: at(-MINUTE) } }, NOW);
    expect(menu.slice(0, 2)).toEqual([
      { type: 'normal', label: 'Active: bob — expired', enabled: false },
      { type: 'normal', label: 'Renew now', action: { kind: 'renew', name: 'bob' } },
    ]);
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
