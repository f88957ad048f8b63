/** "prod-admin · 47 min left": the active session, as the menu's first line and the tooltip say it. */
import { formatTimeLeft } from './time-left';
import type { TrayState } from './tray-state';

export function activeSummary(active: NonNullable<TrayState['active']>, now: number): string {
  const left = formatTimeLeft(active.expiration, now);
  return `${active.name} · ${left === 'expired' ? left : `${left} left`}`;
}
