/**
 * "dev — 42 min left", "dev — expired", or just "dev" without a session: how the menu's entries, its
 * first line and the tooltip say a session and its time left.
 */
import { formatTimeLeft } from './time-left';

export function sessionSummary(label: string, expiration: Date | undefined, now: number): string {
  if (expiration === undefined) return label;
  const left = formatTimeLeft(expiration, now);
  return `${label} — ${left === 'expired' ? left : `${left} left`}`;
}
