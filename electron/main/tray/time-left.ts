/**
 * "47 min", "1 h 05 min", "< 1 min", "expired". Minutes round up, like a countdown, so a reminder at
 * 10 minutes says 10 min and every label changes exactly at expiration − k minutes, which is when
 * the tray refreshes.
 */
const MINUTE_MS = 60_000;

export function formatTimeLeft(expiration: Date, now: number): string {
  const leftMs = expiration.getTime() - now;
  if (leftMs <= 0) return 'expired';
  const minutes = Math.ceil(leftMs / MINUTE_MS);
  if (minutes <= 1) return '< 1 min';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The next moment formatTimeLeft's answer changes; undefined once expired, since it stays "expired". */
export function timeLeftChangesAt(expiration: Date, now: number): number | undefined {
  const leftMs = expiration.getTime() - now;
  if (leftMs <= 0) return undefined;
  return expiration.getTime() - (Math.ceil(leftMs / MINUTE_MS) - 1) * MINUTE_MS;
}
