/**
 * The tray menu as plain data. Items carry an action descriptor rather than a click handler, so tests
 * compare templates and the composition root maps each action to an engine call in one place.
 *
 * The layout, as people know it from menu-bar apps: one click does the common thing. Each identity's
 * submenu lists each of its sessions once — its roles, then the identity's own session — and choosing
 * one makes it active. The active session's everyday actions (renew, copy the export lines) sit under
 * the first line, which names it. Every session's actions, the rarer ones included, are in one
 * "Session actions" submenu per identity: Electron's radio items cannot have submenus of their own.
 */
import { sessionSummary } from './session-summary';
import type { TrayIdentity, TrayMfaCode, TrayState } from './tray-state';

export type TrayAction =
  | { kind: 'activate'; name: string }
  | { kind: 'renew'; name: string }
  | { kind: 'copy-exports'; name: string }
  | { kind: 'open-console'; name: string }
  | { kind: 'forget'; name: string }
  | { kind: 'copy-mfa-code'; device: string }
  | { kind: 'revoke-grant'; id: string; name: string }
  | { kind: 'open-settings' }
  | { kind: 'launch-at-login'; enabled: boolean }
  | { kind: 'quit' };

export interface MenuEntry {
  type: 'normal' | 'checkbox' | 'radio' | 'separator' | 'submenu';
  label?: string;
  /** Only on checkbox and radio items. */
  checked?: boolean;
  /** Only when false. */
  enabled?: false;
  submenu?: MenuEntry[];
  action?: TrayAction;
}

const SEPARATOR: MenuEntry = { type: 'separator' };
const QUIT: MenuEntry = { type: 'normal', label: 'Quit Latchkey', action: { kind: 'quit' } };
const note = (label: string): MenuEntry => ({ type: 'normal', label, enabled: false });
const item = (label: string, action: TrayAction): MenuEntry => ({ type: 'normal', label, action });

export function trayMenu(state: TrayState, now: number): MenuEntry[] {
  const launchAtLogin: MenuEntry = {
    type: 'checkbox',
    label: 'Launch at login',
    checked: state.launchAtLogin,
    action: { kind: 'launch-at-login', enabled: !state.launchAtLogin },
  };
  if (state.identities.length === 0)
    return [note('Nothing is configured yet'), item('Add your first identity…', { kind: 'open-settings' }), SEPARATOR, launchAtLogin, SEPARATOR, QUIT];
  const { active } = state;
  return [
    ...(active
      ? [
          note(`Active: ${sessionSummary(active.name, active.expiration, now)}`),
          item('Renew now', { kind: 'renew', name: active.name }),
          item('Copy export lines', { kind: 'copy-exports', name: active.name }),
        ]
      : [note('No active session')]),
    SEPARATOR,
    ...state.identities.map((identity) => identityMenu(identity, state, now)),
    ...grantsMenu(state.grants),
    SEPARATOR,
    item('Settings…', { kind: 'open-settings' }),
    launchAtLogin,
    SEPARATOR,
    QUIT,
  ];
}

/** Tools served by a credential endpoint, each with Revoke: "dev for exec terraform, since 14:05". */
function grantsMenu(grants: TrayState['grants']): MenuEntry[] {
  if (grants.length === 0) return [];
  const since = (date: Date) => date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return [
    SEPARATOR,
    {
      type: 'submenu',
      label: `Credential endpoints (${grants.length})`,
      submenu: grants.map((grant) => item(`Revoke ${grant.name} for ${grant.requester}, since ${since(grant.since)}`, { kind: 'revoke-grant', id: grant.id, name: grant.name })),
    },
  ];
}

function identityMenu(identity: TrayIdentity, state: TrayState, now: number): MenuEntry {
  const sessions = [
    ...identity.roles.map((role) => ({ name: role, label: role })),
    // Plain words for a session without a role: the IAM user's own, as `aws sts get-session-token` gives.
    { name: identity.name, label: `${identity.userName ?? identity.name}’s own session (no role)` },
  ];
  const codes = identity.mfaCodes.map((code) => copyCode(code, identity.mfaCodes.length > 1));
  return {
    type: 'submenu',
    label: identityLabel(identity),
    submenu: [
      ...sessions.map(({ name, label }): MenuEntry => ({
        type: 'radio',
        label: sessionSummary(label, state.expirations[name], now),
        checked: state.active?.name === name,
        action: { kind: 'activate', name },
      })),
      ...(codes.length > 0 ? [SEPARATOR, ...codes] : []),
      SEPARATOR,
      { type: 'submenu', label: 'Session actions', submenu: sessions.map(({ name, label }) => ({ type: 'submenu', label, submenu: sessionActions(name, state) })) },
    ],
  };
}

/** "alice @ acme-prod (1234…)": the account id shortened, as the console's account menu does. */
function identityLabel({ name, userName, accountId }: TrayIdentity): string {
  const who = userName !== undefined && userName !== name ? `${userName} @ ${name}` : name;
  return accountId === undefined ? who : `${who} (${accountId.slice(0, 4)}…)`;
}

function sessionActions(name: string, state: TrayState): MenuEntry[] {
  return [
    item('Renew now', { kind: 'renew', name }),
    item('Copy export lines', { kind: 'copy-exports', name }),
    item('Open console', { kind: 'open-console', name }),
    { ...item('Forget session', { kind: 'forget', name }), ...(state.expirations[name] === undefined && { enabled: false }) },
  ];
}

/** The one place a secret-like value is shown: the person asked for this code. Names the device only when there are several. */
function copyCode({ device, code, secondsLeft }: TrayMfaCode, nameDevice: boolean): MenuEntry {
  const half = code.length / 2;
  const spaced = `${code.slice(0, half)} ${code.slice(half)}`;
  return item(`Copy MFA code ${spaced} (${nameDevice ? `${device}, ` : ''}${secondsLeft} s left)`, { kind: 'copy-mfa-code', device });
}
