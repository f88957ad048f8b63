import { describe, expect, it } from 'vitest';
import { sessionSummary } from '../../../../electron/main/tray/session-summary';

const NOW = Date.UTC(2026, 0, 1, 12);
const MINUTE = 60_000;

describe('sessionSummary', () => {
  it.each([
    [42 * MINUTE, 'dev — 42 min left'],
    [65 * MINUTE, 'dev — 1 h 05 min left'],
    [30_000, 'dev — < 1 min left'],
    [0, 'dev — expired'],
  ])('%i ms left reads "%s"', (left, text) => {
    expect(sessionSummary('dev', new Date(NOW + left), NOW)).toBe(text);
  });

  it('is the name alone without a session', () => {
    expect(sessionSummary('dev', undefined, NOW)).toBe('dev');
  });
});
