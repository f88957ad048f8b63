import { describe, expect, it } from 'vitest';
import { EndpointGrants } from '../../../../electron/core/endpoint/endpoint-grants';

const since = new Date('2026-01-01T00:00:00Z');

describe('endpoint grants', () => {
  it('issues a fresh 256-bit base64url token and a path id per grant', () => {
    const grants = new EndpointGrants();
    const issued = Array.from({ length: 50 }, (_, i) => grants.issue('dev', `exec ${i}`, since));
    for (const { token, grant } of issued) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(grant.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    }
    expect(new Set(issued.map((i) => i.token)).size).toBe(50);
    expect(new Set(issued.map((i) => i.grant.id)).size).toBe(50);
  });

  it('grants only the exact token of the grant named by the id', () => {
    const grants = new EndpointGrants();
    const a = grants.issue('dev', 'exec terraform', since);
    const b = grants.issue('ops', 'serve ops', since);
    expect(grants.check(a.grant.id, a.token)).toEqual({ outcome: 'granted', grant: { id: a.grant.id, name: 'dev', requester: 'exec terraform', since } });
    expect(grants.check(b.grant.id, b.token)).toMatchObject({ outcome: 'granted', grant: { name: 'ops' } });
    // Another grant's token, near misses, other lengths, other encodings of the same bytes.
    for (const wrong of [b.token, a.token.slice(0, -1), `${a.token}x`, `${a.token.slice(0, -1)}${a.token.endsWith('A') ? 'B' : 'A'}`, '', 'x', 'x'.repeat(10_000), ` ${a.token}`, `Bearer ${a.token}`, Buffer.from(a.token, 'base64url').toString('base64')])
      expect(grants.check(a.grant.id, wrong)).toEqual({ outcome: 'invalid' });
    // The right token at an unknown id answers as a wrong token does.
    expect(grants.check('unknown', a.token)).toEqual({ outcome: 'invalid' });
  });

  it('a revoked grant is refused as revoked for its own token only, and leaves the list', () => {
    const grants = new EndpointGrants();
    const a = grants.issue('dev', 'exec terraform', since);
    const b = grants.issue('dev', 'serve dev', since);
    expect(grants.list().map((g) => g.requester)).toEqual(['exec terraform', 'serve dev']);
    expect(grants.revoke(a.grant.id)).toBe(true);
    expect(grants.revoke(a.grant.id)).toBe(false);
    expect(grants.revoke('unknown')).toBe(false);
    expect(grants.check(a.grant.id, a.token)).toEqual({ outcome: 'revoked' });
    expect(grants.check(a.grant.id, b.token)).toEqual({ outcome: 'invalid' });
    expect(grants.check(b.grant.id, b.token)).toMatchObject({ outcome: 'granted' });
    expect(grants.list()).toEqual([{ id: b.grant.id, name: 'dev', requester: 'serve dev', since }]);
  });

  it('lists and answers copies: nothing outside can change a grant, and no listing holds a token', () => {
    const grants = new EndpointGrants();
    const { grant, token } = grants.issue('dev', 'exec terraform', since);
    grant.name = 'prod';
    const listed = grants.list();
    expect(listed).toEqual([{ id: grant.id, name: 'dev', requester: 'exec terraform', since }]);
    expect(JSON.stringify(listed)).not.toContain(token);
    (listed[0] as { name: string }).name = 'prod';
    expect(grants.check(grant.id, token)).toMatchObject({ grant: { name: 'dev' } });
  });
});
