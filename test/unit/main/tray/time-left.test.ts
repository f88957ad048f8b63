import { describe, expect, it } from 'vitest';
import { formatTimeLeft, timeLeftChangesAt } from '../../../../electron/main/tray/time-left';

const NOW = Date.UTC(2026, 0, 1, 12);
const MINUTE = 60_000;
const at = (ms: number) => new Date(NOW + ms);

describe('formatTimeLeft', () => {
  it.each([
    [47 * MINUTE, '47 min'],
    [46 * MINUTE + 1, '47 min'],
    [65 * MINUTE, '1 h 05 min'],
    [12 * 60 * MINUTE, '12 h 00 min'],
    [2 * MINUTE, '2 min'],
    [MINUTE, '< 1 min'],
    [1, '< 1 min'],
    [0, 'expired'],
    [-5 * MINUTE, 'expired'],
  ])('%i ms left reads "%s"', (left, text) => {
    expect(formatTimeLeft(at(left), NOW)).toBe(text);
  });
});

describe('timeLeftChangesAt', () => {
  it('is the next whole minute before expiration, when the label changes', () => {
    const expiration = at(47 * MINUTE + 30_000);
    const next = timeLeftChangesAt(expiration, NOW);
    expect(next).toBe(NOW + 30_000);
    expect(formatTimeLeft(expiration, NOW)).toBe('48 min');
    expect(formatTimeLeft(expiration, (next ?? 0) - 1)).toBe('48 min');
    expect(formatTimeLeft(expiration, next ?? 0)).toBe('47 min');
  });

  it('is the expiration itself in the last minute, and nothing once expired', () => {
    expect(timeLeftChangesAt(at(20_000), NOW)).toBe(NOW + 20_000);
    expect(timeLeftChangesAt(at(0), NOW)).toBeUndefined();
  });
});
