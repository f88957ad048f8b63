/**
 * What the expiry reminders watch: each name published into a profile, with the earliest expiration
 * written for it (the one AWS tools will trip over first), and whether it renews without the person.
 * A session already inside the reminder lead time is not renewed silently: when the lead time is as
 * long as the sessions, each renewal would bring another due at once, without end.
 */
import type { Preferences, Settings } from '../../shared/model';
import { LIMITS } from '../../shared/validation';
import type { PublishedStatus } from '../../core/sessions/session-engine';
import type { ReminderSession } from '../reminders/expiry-reminders';
import { roleChain } from './role-chain';

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
  const { identity, roles } = roleChain(settings, name);
  if (roles.length === 0) return answersItself(settings.mfaDevices.find((device) => device.identity === identity.name)?.name);
  const mfaSessionLasts = (cached.get(identity.name)?.getTime() ?? 0) > now + settings.preferences.renewalWindowMinutes * MINUTE_MS;
  return roles.every((role, index) => {
    if (role.mfaDevice === undefined || answersItself(role.mfaDevice)) return true;
    const fromIdentity = index === roles.length - 1;
    return fromIdentity && !sendsCodeItself(role, settings.preferences) && mfaSessionLasts;
  });
}

/** As build-provider decides: a role assumed from the identity sends its own code when asked to, or when it lasts past what an MFA session allows. */
function sendsCodeItself(role: Settings['roles'][number], preferences: Preferences): boolean {
  return role.directMfa || (role.durationSeconds ?? preferences.roleSessionSeconds) > LIMITS.roleChainSeconds;
}
