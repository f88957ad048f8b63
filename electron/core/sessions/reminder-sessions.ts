/**
 * What the expiry reminders watch: each name published into a profile, with the earliest expiration
 * written for it (the one AWS tools will trip over first), and whether it renews without the person.
 * A session already inside the reminder lead time is not renewed silently: when the lead time is as
 * long as the sessions, each renewal would bring another due at once, without end.
 */
import type { Settings } from '../../shared/model';
import { roleChain, sendsCodeOnAssumeRole } from '../../shared/role-chain';
import { identityDevice } from '../settings/identity-device';
import type { PublishedStatus } from './session-engine';

export interface ReminderSession {
  /** The identity or role name: what the notification names and renew() renews. */
  name: string;
  expiration: Date;
  /** It can be renewed without the person: a valid cached MFA session behind it, or auto-MFA. */
  renewsSilently: boolean;
}

const MINUTE_MS = 60_000;

/** `cached`: when each name's cached session expires (the identity's being its MFA session). */
export function reminderSessions(settings: Settings, published: PublishedStatus[], cached: ReadonlyMap<string, Date>, now: number): ReminderSession[] {
  const earliest = new Map<string, Date>();
  for (const { source, expiration } of published) {
    const known = earliest.get(source);
    if (expiration && (known === undefined || expiration < known)) earliest.set(source, expiration);
  }
  const leadMs = settings.preferences.reminderLeadMinutes * MINUTE_MS;
  return [...earliest].map(([name, expiration]) => ({
    name,
    expiration,
    renewsSilently: expiration.getTime() - now > leadMs && renewsSilently(settings, name, cached, now),
  }));
}

/**
 * A renewal needs no code when every MFA device it might ask for answers by itself (auto-MFA with a
 * stored seed), or when the only code it needs went into the identity's MFA session and that session
 * stays cached past the renewal window. A chain counts each of its roles, as if their cached sessions
 * had expired too: erring towards a reminder, never towards a surprise popup.
 */
export function renewsSilently(settings: Settings, name: string, cached: ReadonlyMap<string, Date>, now: number): boolean {
  const answersItself = (deviceName: string | undefined) => {
    const device = settings.mfaDevices.find((entry) => entry.name === deviceName);
    return device === undefined || (device.autoMfa && device.hasSeed);
  };
  const chain = roleChain(settings, name);
  if (chain.roles.length === 0) return answersItself(identityDevice(settings, chain.identity.name)?.name);
  const mfaSessionLasts = (cached.get(chain.identity.name)?.getTime() ?? 0) > now + settings.preferences.renewalWindowMinutes * MINUTE_MS;
  return chain.roles.every(
    (role, index) => role.mfaDevice === undefined || answersItself(role.mfaDevice) || (!sendsCodeOnAssumeRole(role, index < chain.roles.length - 1, settings.preferences) && mfaSessionLasts),
  );
}
