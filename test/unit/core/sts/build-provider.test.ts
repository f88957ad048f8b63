import { describe, expect, it } from 'vitest';
import { rejection, stsWorld } from './sts-world';

const ROLE_A = 'arn:aws:iam::123456789012:role/admin';
const ROLE_B = 'arn:aws:iam::123456789012:role/readonly';

describe('buildProvider: one MFA, many roles', () => {
  it('assumes two MFA roles from one MFA session: one prompt, one GetSessionToken', async () => {
    const world = await stsWorld({
      roles: [
        { name: 'admin', roleArn: ROLE_A, source: 'alice', mfaDevice: 'alice-phone' },
        { name: 'readonly', roleArn: ROLE_B, source: 'alice', mfaDevice: 'alice-phone' },
      ],
    });
    world.sts.addRole('admin', { requireMfa: true });
    world.sts.addRole('readonly', { requireMfa: true });

    const admin = await world.build('admin').retrieve();
    world.clock.advance(60_000);
    const readonly = await world.build('readonly').retrieve();

    expect(world.prompt.asked).toHaveLength(1);
    expect(world.sts.calls).toEqual({ GetSessionToken: 1, AssumeRole: 2, GetCallerIdentity: 0 });
    expect(world.sts.requests.filter((r) => r.action === 'AssumeRole').every((r) => r.input.mfa === undefined)).toBe(true);
    expect((await world.sts.getCallerIdentity({ credentials: admin, region: 'us-east-1' })).arn).toBe(
      'arn:aws:sts::123456789012:assumed-role/admin/alice',
    );
    expect((await world.sts.getCallerIdentity({ credentials: readonly, region: 'us-east-1' })).arn).toContain('assumed-role/readonly/');
  });

  it("shares the MFA session with the identity's own profile", async () => {
    const world = await stsWorld({ roles: [{ name: 'admin', roleArn: ROLE_A, source: 'alice', mfaDevice: 'alice-phone' }] });
    world.sts.addRole('admin', { requireMfa: true });

    const session = await world.build('alice').retrieve();
    await world.build('admin').retrieve();

    expect(session.expiration?.getTime()).toBe(world.clock.now() + 43_200_000);
    expect(world.prompt.asked).toHaveLength(1);
    expect(world.sts.calls.GetSessionToken).toBe(1);
  });

  it('directMfa sends the code on AssumeRole itself, signed with the long-term key, for each role', async () => {
    const world = await stsWorld({
      roles: [
        { name: 'admin', roleArn: ROLE_A, source: 'alice', mfaDevice: 'alice-phone', directMfa: true },
        { name: 'readonly', roleArn: ROLE_B, source: 'alice', mfaDevice: 'alice-phone', directMfa: true },
      ],
    });
    world.sts.addRole('admin', { requireMfa: true });
    world.sts.addRole('readonly', { requireMfa: true });

    await world.build('admin').retrieve();
    await world.build('readonly').retrieve();

    expect(world.sts.calls.GetSessionToken).toBe(0);
    const assumes = world.sts.requests.filter((r) => r.action === 'AssumeRole');
    expect(assumes.map((r) => r.input.mfa?.serial)).toEqual([world.device.serial, world.device.serial]);
    expect(assumes.every((r) => r.input.credentials.sessionToken === undefined)).toBe(true);
    expect(world.prompt.asked.filter((r) => r.attempt === 1)).toHaveLength(2);
  });

  it('a role longer than an hour takes the code directly, since AWS caps roles from an MFA session at one hour', async () => {
    const world = await stsWorld({
      roles: [{ name: 'admin', roleArn: ROLE_A, source: 'alice', mfaDevice: 'alice-phone', durationSeconds: 28_800 }],
    });
    world.sts.addRole('admin', { requireMfa: true, maxSessionSeconds: 43_200 });

    const session = await world.build('admin').retrieve();

    expect(world.sts.calls.GetSessionToken).toBe(0);
    expect(session.expiration?.getTime()).toBe(world.clock.now() + 28_800_000);
  });

  it('a role without an MFA device is assumed with the long-term key and never prompts', async () => {
    const world = await stsWorld({ roles: [{ name: 'admin', roleArn: ROLE_A, source: 'alice' }] });
    world.sts.addRole('admin');

    await world.build('admin').retrieve();

    expect(world.prompt.asked).toHaveLength(0);
    expect(world.sts.calls).toEqual({ GetSessionToken: 0, AssumeRole: 1, GetCallerIdentity: 0 });
    expect(world.sts.requests[0]?.input.credentials.accessKeyId).toBe(world.alice.accessKeyId);
  });

  it('a chain clamps to one hour, says so, and is assumed from the source role session', async () => {
    const world = await stsWorld({
      roles: [
        { name: 'hub', roleArn: ROLE_A, source: 'alice', mfaDevice: 'alice-phone' },
        { name: 'spoke', roleArn: ROLE_B, source: 'hub', durationSeconds: 7_200 },
      ],
    });
    world.sts.addRole('admin', { requireMfa: true });
    world.sts.addRole('readonly', { maxSessionSeconds: 43_200 });

    const provider = world.build('spoke');
    const session = await provider.retrieve();

    expect(session.expiration?.getTime()).toBe(world.clock.now() + 3_600_000);
    expect(world.notices).toHaveLength(1);
    expect(world.notices[0]).toMatch(/role "spoke".*3600 s instead of 7200 s/);
    const last = world.sts.requests.at(-1);
    expect(last?.input.roleArn).toBe(ROLE_B);
    expect(last?.input.credentials.accessKeyId).toMatch(/^ASIA/);
    expect(provider.key).toContain('"durationSeconds":3600');
  });

  it('the default session name is the IAM user name from the identity ARN, else the identity name', async () => {
    const world = await stsWorld({ roles: [{ name: 'admin', roleArn: ROLE_A, source: 'alice' }] });
    world.sts.addRole('admin');
    await world.build('admin').retrieve();
    expect(world.sts.requests.at(-1)?.input.roleSessionName).toBe('alice');

    world.settings.identities[0] = { ...world.identity, arn: 'arn:aws:iam::123456789012:user/team/alice.smith' };
    await world.build('admin').retrieve();
    expect(world.sts.requests.at(-1)?.input.roleSessionName).toBe('alice.smith');
  });

  it('keys name what produced the session, so different inputs never share a cache entry', async () => {
    const world = await stsWorld({
      roles: [
        { name: 'a', roleArn: ROLE_A, source: 'alice', mfaDevice: 'alice-phone' },
        { name: 'b', roleArn: ROLE_A, source: 'alice', mfaDevice: 'alice-phone', externalId: 'ext-1' },
        { name: 'c', roleArn: ROLE_A, source: 'alice', directMfa: true, mfaDevice: 'alice-phone' },
        { name: 'd', roleArn: ROLE_A, source: 'alice', sessionName: 'other' },
      ],
    });
    const keys = ['a', 'b', 'c', 'd'].map((name) => world.build(name).key);

    expect(new Set(keys).size).toBe(4);
    expect(world.build('a').key).toBe(keys[0]);
    expect(keys[0]).toContain(world.alice.accessKeyId);
    expect(keys[0]).toContain(world.device.serial);
    expect(keys[1]).toContain('ext-1');
  });

  it('an unknown profile name is a not-found error naming it', async () => {
    const world = await stsWorld();
    const error = await rejection(Promise.resolve().then(() => world.build('nobody')));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('"nobody"');
  });
});
