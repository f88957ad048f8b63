/**
 * How old an identity's access key is, and when the key-age reminder fires: once when the key passes the
 * limit (the `keyAgeDays` preference, 90 by default; 0 turns the reminder off), then at most once a week
 * until it is rotated. Pure: the caller keeps when it last reminded (per identity) and passes the clock,
 * and schedules its next look at `nextCheckMs`. A rotated key has a new creation date, so a reminder
 * given for the old one does not silence the new one's.
 */
import type { Clock } from '../clock';

const DAY_MS = 24 * 60 * 60_000;
/** A reminder that was not acted on comes back after this long, not before. */
export const KEY_AGE_REPEAT_MS = 7 * DAY_MS;

/** Whole days since `keyCreated` (ISO 8601). */
export function keyAgeDays(keyCreated: string, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - Date.parse(keyCreated)) / DAY_MS));
}

/** Whether the key has passed the limit: never with the limit at 0 or no creation date. */
export function keyOverLimit(keyCreated: string | undefined, limitDays: number, nowMs: number): boolean {
  const limitMs = limitOf(keyCreated, limitDays);
  return limitMs !== undefined && nowMs >= limitMs;
}

/** When the key passes the limit; undefined with the limit at 0 or no creation date. */
function limitOf(keyCreated: string | undefined, limitDays: number): number | undefined {
  const createdMs = keyCreated === undefined ? NaN : Date.parse(keyCreated);
  return limitDays <= 0 || Number.isNaN(createdMs) ? undefined : createdMs + limitDays * DAY_MS;
}

export interface KeyAgeReminderInput {
  /** When IAM created the key; without it there is nothing to count. */
  keyCreated?: string;
  /** The preference: days a key may live before the reminder; 0 turns it off. */
  limitDays: number;
  /** When the reminder was last shown for this identity. */
  lastRemindedMs?: number;
}

export interface KeyAgeReminderDecision {
  /** Remind now. */
  fire: boolean;
  /** When to decide again; undefined when nothing can change without a new date or preference. */
  nextCheckMs?: number;
}

export function keyAgeReminder({ keyCreated, limitDays, lastRemindedMs }: KeyAgeReminderInput, clock: Pick<Clock, 'now'>): KeyAgeReminderDecision {
  const limitMs = limitOf(keyCreated, limitDays);
  if (limitMs === undefined) return { fire: false };
  const now = clock.now();
  if (now < limitMs) return { fire: false, nextCheckMs: limitMs };
  // Only a reminder given since this key passed the limit counts: an earlier one was for another key, or another limit.
  if (lastRemindedMs !== undefined && lastRemindedMs >= limitMs && now < lastRemindedMs + KEY_AGE_REPEAT_MS)
    return { fire: false, nextCheckMs: lastRemindedMs + KEY_AGE_REPEAT_MS };
  return { fire: true, nextCheckMs: now + KEY_AGE_REPEAT_MS };
}
