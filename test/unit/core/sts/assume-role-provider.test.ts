import { describe, expect, it } from 'vitest';
import { LatchkeyError } from '../../../../electron/shared/errors';
import type { Role } from '../../../../electron/shared/model';
import { rejection, stsWorld } from './sts-world';

const ROLE = 'arn:aws:iam::123456789012:role/admin';

describe('AssumeRoleProvider', () => {
  const invalid: [string, Partial<Role>, RegExp][] = [
    ['role ARN', { roleArn: 'arn:aws:iam::123:role/admin' }, /role "admin": role ARN .* must look like/],
    ['a duration below 900 s', { durationSeconds: 899 }, /role "admin": role duration must be .* 900 to 43200 \(got 899\)/],
    ['a duration above 43200 s', { durationSeconds: 43_201 }, /role duration .*got 43201/],
    ['a fractional duration', { durationSeconds: 1_000.5 }, /role duration/],
    ['a one-letter session name', { sessionName: 'a' }, /role "admin": session name "a" must be 2-64/],
    ['a session name with a space', { sessionName: 'alice smith' }, /session name/],
    ['a short external id', { externalId: 'x' }, /role "admin": external id must be 2-1224/],
    ['an external id with #', { externalId: 'abc#def' }, /external id/],
  ];
  for (const [what, fields, message] of invalid)
    it(`refuses ${what} before sending anything`, async () => {
      const world = await stsWorld({ roles: [{ name: 'admin', roleArn: ROLE, ...fields }] });
      world.sts.addRole('admin');

      let error: unknown;
      try {
        await world.build('admin').retrieve();
      } catch (caught) {
        error = caught;
      }

      expect(error).toBeInstanceOf(LatchkeyError);
      expect(error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(message) });
      expect(world.sts.calls).toEqual({ GetSessionToken: 0, AssumeRole: 0, GetCallerIdentity: 0 });
    });

  it('refuses a malformed MFA serial before asking for a code', async () => {
    const world = await stsWorld({
      roles: [{ name: 'admin', roleArn: ROLE, mfaDevice: 'alice-phone', directMfa: true }],
      device: { serial: 'arn:aws:iam::123456789012:user/alice' },
    });
    expect(() => world.build('admin')).toThrow(/role "admin": MFA serial .* must look like/);
    expect(world.prompt.asked).toHaveLength(0);
    expect(world.sts.calls.AssumeRole).toBe(0);
  });

  it('sends the external id, session name, duration and region the role asks for', async () => {
    const world = await stsWorld({
      roles: [{ name: 'admin', roleArn: ROLE, externalId: 'ext-123', sessionName: 'ci-run', durationSeconds: 1_800, region: 'eu-west-1' }],
    });
    world.sts.addRole('admin', { externalId: 'ext-123' });

    await world.build('admin').retrieve();

    expect(world.sts.requests[0]?.input).toMatchObject({
      roleArn: ROLE,
      externalId: 'ext-123',
      roleSessionName: 'ci-run',
      durationSeconds: 1_800,
      region: 'eu-west-1',
    });
  });

  it('maps a denial to a message naming the action and the role ARN', async () => {
    const world = await stsWorld({ roles: [{ name: 'admin', roleArn: ROLE, externalId: 'wrong-id' }] });
    world.sts.addRole('admin', { externalId: 'ext-123' });

    const error = await rejection(world.build('admin').retrieve());

    expect(error.code).toBe('sts-denied');
    expect(error.message).toContain(`role "admin": AWS denied sts:AssumeRole on ${ROLE}`);
    expect(error.message).toContain('external id');
  });
});
