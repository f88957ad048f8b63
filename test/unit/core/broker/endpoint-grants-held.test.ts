import { describe, expect, it } from 'vitest';
import { GrantsHeld } from '../../../../electron/core/broker/endpoint-grants-held';

describe('GrantsHeld', () => {
  const since = new Date('2026-01-01T12:00:00.000Z');

  it('lists what registered until it is released, with no token', () => {
    const grants = new GrantsHeld(() => since);
    const id = grants.add('dev', 'exec terraform');
    expect(grants.list()).toEqual([{ id, name: 'dev', requester: 'exec terraform', since: '2026-01-01T12:00:00Z' }]);
    expect(grants.release(id)).toBe(true);
    expect(grants.release(id)).toBe(false);
    expect(grants.list()).toEqual([]);
  });

  it('refuses the sessions of a revoked grant, naming the entry, and serves others', () => {
    const grants = new GrantsHeld(() => since);
    const revoked = grants.add('dev', 'serve dev');
    const other = grants.add('dev', 'exec dev');
    expect(grants.revoke(revoked)).toBe(true);
    expect(grants.list().map((grant) => grant.id)).toEqual([other]);
    expect(() => grants.check(revoked, 'dev')).toThrow(expect.objectContaining({ code: 'revoked', message: expect.stringMatching(/^the credential endpoint for dev was revoked in Latchkey/) }));
    expect(() => grants.check(other, 'dev')).not.toThrow();
    // No grant, or one a restarted host never saw: served.
    expect(() => grants.check(undefined, 'dev')).not.toThrow();
    expect(() => grants.check('unknown', 'dev')).not.toThrow();
  });
});
