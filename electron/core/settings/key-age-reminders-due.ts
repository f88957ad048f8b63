/**
 * One look at every identity's key age: which reminders are due now (keyAgeReminder's rule, per
 * identity), the reminder times to keep once they are shown, and when to look again. The times kept
 * drop identities that are gone, so what Latchkey remembers never outlives what it is about. Pure: the
 * caller shows the reminders, keeps the times (across restarts) and passes the clock.
 */
import type { Settings } from '../../shared/model';
import type { Clock } from '../clock';
import { keyAgeDays, keyAgeReminder } from './key-age';

export interface DueKeyAgeReminder {
  identity: string;
  ageDays: number;
}

export interface KeyAgeRound {
  due: DueKeyAgeReminder[];
  /** Identity name → when it was last reminded (ms), counting the reminders due now. */
  lastReminded: Record<string, number>;
  /** The earliest moment a reminder may fall due; undefined when none can without a change of settings. */
  nextCheckMs?: number;
}

export function keyAgeRemindersDue(
  { identities, preferences }: Pick<Settings, 'identities' | 'preferences'>,
  lastReminded: Readonly<Record<string, number>>,
  clock: Pick<Clock, 'now'>,
): KeyAgeRound {
  const now = clock.now();
  const round: KeyAgeRound = { due: [], lastReminded: {} };
  for (const { name, keyCreated } of identities) {
    const decision = keyAgeReminder({ keyCreated, limitDays: preferences.keyAgeDays, lastRemindedMs: lastReminded[name] }, clock);
    if (decision.fire && keyCreated !== undefined) {
      round.due.push({ identity: name, ageDays: keyAgeDays(keyCreated, now) });
      round.lastReminded[name] = now;
    } else if (lastReminded[name] !== undefined) round.lastReminded[name] = lastReminded[name];
    if (decision.nextCheckMs !== undefined) round.nextCheckMs = Math.min(round.nextCheckMs ?? Infinity, decision.nextCheckMs);
  }
  return round;
}
