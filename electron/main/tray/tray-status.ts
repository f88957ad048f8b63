/** The tray icon's state and tooltip: they follow the active session, the one AWS tools use by default. */
import { sessionSummary } from './session-summary';
import type { TrayState } from './tray-state';

export type TrayIcon = 'none' | 'active' | 'expiring' | 'expired';

const MINUTE_MS = 60_000;

export function trayStatus(state: TrayState, now: number): { icon: TrayIcon; tooltip: string } {
  const { active } = state;
  if (active === undefined) return { icon: 'none', tooltip: 'Latchkey: no active session' };
  const leftMs = active.expiration.getTime() - now;
  const icon = leftMs <= 0 ? 'expired' : leftMs <= state.reminderLeadMinutes * MINUTE_MS ? 'expiring' : 'active';
  return { icon, tooltip: `Latchkey: ${sessionSummary(active.name, active.expiration, now)}` };
}
