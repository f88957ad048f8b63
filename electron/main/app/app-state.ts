/**
 * Everything the tray and the reminders show, gathered from the settings, the session engine and the
 * clock. Only unreadable settings fail the whole: a keychain that cannot answer costs the cached
 * expirations or an MFA code, reported as problems, while the menu stays usable.
 */
import { describeError } from '../../shared/errors';
import { iamUserName } from '../../shared/iam-user-name';
import type { Identity, Settings } from '../../shared/model';
import { roleChain } from '../../shared/role-chain';
import type { Clock } from '../../core/clock';
import type { GrantsHeld } from '../../core/broker/endpoint-grants-held';
import type { Keychain } from '../../core/keychain/keychain';
import type { SessionEngine } from '../../core/sessions/session-engine';
import type { SettingsStore } from '../../core/settings/settings-store';
import { deviceCode } from '../../core/totp/device-code';
import { reminderSessions, type ReminderSession } from '../../core/sessions/reminder-sessions';
import type { TrayIdentity, TrayMfaCode, TrayState } from '../tray/tray-state';

export interface AppState {
  tray: TrayState;
  reminders: ReminderSession[];
  /** What could not be read this time, for the person to see. */
  problems: string[];
}

export interface AppStateSources {
  /** The credential endpoints registered with the app's broker. */
  grants: Pick<GrantsHeld, 'list'>;
  settings: SettingsStore;
  engine: Pick<SessionEngine, 'cachedSessions' | 'published'>;
  keychain: Keychain;
  clock: Clock;
}

export async function gatherAppState({ settings: store, engine, keychain, clock, grants }: AppStateSources): Promise<AppState> {
  const settings = await store.load();
  const now = clock.now();
  const problems = new Set<string>();
  const unless =
    <T>(fallback: T) =>
    (error: unknown): T => {
      problems.add(describeError(error));
      return fallback;
    };
  const codeOf = async (device: string): Promise<TrayMfaCode> => {
    const { code, secondsLeft } = await deviceCode({ settings: store, keychain }, device, now);
    return { device, code, secondsLeft };
  };
  const [cachedList, published, codes] = await Promise.all([
    engine.cachedSessions().catch(unless([])),
    engine.published(),
    Promise.all(settings.mfaDevices.filter((device) => device.hasSeed).map((device) => codeOf(device.name).catch(unless(undefined)))),
  ]);

  const cached = new Map(cachedList.map(({ name, expiration }) => [name, expiration]));
  // A cached session is the newest; a published one shows for names whose cache has gone.
  const expirations: Record<string, Date> = {};
  for (const { source, expiration } of published) if (expiration && !cached.has(source)) expirations[source] = expiration;
  for (const [name, expiration] of cached) expirations[name] = expiration;
  const active = published.find((entry) => entry.active && entry.expiration);

  return {
    tray: {
      identities: settings.identities.map((identity) => trayIdentity(settings, identity, codes)),
      ...(active?.expiration && { active: { name: active.source, expiration: active.expiration } }),
      expirations,
      reminderLeadMinutes: settings.preferences.reminderLeadMinutes,
      launchAtLogin: settings.preferences.launchAtLogin,
      grants: grants.list().map((grant) => ({ ...grant, since: new Date(grant.since) })),
    },
    reminders: reminderSessions(settings, published, cached, now),
    problems: [...problems],
  };
}

function trayIdentity(settings: Settings, identity: Identity, codes: (TrayMfaCode | undefined)[]): TrayIdentity {
  const userName = iamUserName(identity.arn);
  const devices = new Set(settings.mfaDevices.filter((device) => device.identity === identity.name).map((device) => device.name));
  return {
    name: identity.name,
    ...(userName !== undefined && { userName }),
    ...(identity.accountId !== undefined && { accountId: identity.accountId }),
    roles: settings.roles.filter((role) => roleChain(settings, role.name).identity === identity).map((role) => role.name),
    mfaCodes: codes.filter((code): code is TrayMfaCode => code !== undefined && devices.has(code.device)),
  };
}
