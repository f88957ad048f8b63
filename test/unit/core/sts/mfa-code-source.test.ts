import { describe, expect, it } from 'vitest';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { totpCode } from '../../../../electron/core/totp/totp-code';
import { rejection, SEED, stsWorld } from './sts-world';

const ROLE = 'arn:aws:iam::123456789012:role/admin';
const direct = { name: 'admin', roleArn: ROLE, source: 'alice', mfaDevice: 'alice-phone', directMfa: true };

describe('MfaCodeSource', () => {
  it('asks the person with the device, identity, requester and attempt number', async () => {
    const world = await stsWorld({ roles: [direct] });
    world.sts.addRole('admin', { requireMfa: true });

    await world.build('admin').retrieve();

    expect(world.prompt.asked).toEqual([
      expect.objectContaining({ device: world.device, identity: world.identity, requester: 'test', attempt: 1, previousError: undefined }),
    ]);
  });

  it('auto-MFA with a stored seed never prompts', async () => {
    const world = await stsWorld({ roles: [direct], device: { hasSeed: true, autoMfa: true } });
    world.sts.addRole('admin', { requireMfa: true });
    world.prompt.answer = () => {
      throw new Error('the person must not be asked');
    };

    await world.build('admin').retrieve();
    await world.build('alice').retrieve();

    expect(world.prompt.asked).toHaveLength(0);
    expect(world.sts.calls.AssumeRole + world.sts.calls.GetSessionToken).toBe(2);
  });

  it('a stored seed without auto-MFA still asks', async () => {
    const world = await stsWorld({ roles: [direct], device: { hasSeed: true, autoMfa: false } });
    world.sts.addRole('admin', { requireMfa: true });
    await world.build('admin').retrieve();
    expect(world.prompt.asked).toHaveLength(1);
  });

  it('never sends a time step twice: the second code waits for the next step', async () => {
    const world = await stsWorld({ roles: [direct], device: { hasSeed: true, autoMfa: true } });
    world.sts.addRole('admin', { requireMfa: true });
    const start = world.clock.now();

    await world.build('admin').retrieve();
    // The identity's MFA session needs a code in the same 30 s step: it must wait for the next one,
    // or the fake STS, like AWS, refuses the reused code.
    await world.build('alice').retrieve();

    expect(world.clock.now()).toBeGreaterThanOrEqual(Math.floor(start / 30_000 + 1) * 30_000);
    const codes = world.sts.requests.map((r) => r.input.mfa?.code);
    expect(codes[0]).not.toBe(codes[1]);
  });

  it('asks at once, and refuses a typed code that was just sent at once, without calling STS', async () => {
    const world = await stsWorld({
      roles: [direct, { ...direct, name: 'other', roleArn: 'arn:aws:iam::123456789012:role/other' }],
    });
    world.sts.addRole('admin', { requireMfa: true });
    world.sts.addRole('other', { requireMfa: true });
    const start = world.clock.now();

    await world.build('admin').retrieve();
    const second = world.build('other').retrieve();
    await second;

    // The second role is asked at once; the same code again is refused before STS, saying when the next comes.
    expect(world.prompt.asked.map((r) => r.attempt)).toEqual([1, 1, 2]);
    expect(world.prompt.asked[2]?.previousError).toBe('this code was just sent to AWS; the next one comes in 25 s');
    expect(world.sts.calls.AssumeRole).toBe(2);
    // Only the scripted person waited (for their device); Latchkey itself never did.
    expect(world.clock.now()).toBe(Math.floor(start / 30_000 + 1) * 30_000);
  });

  it('a wrong code typed twice is refused the second time without calling STS', async () => {
    const world = await stsWorld({ roles: [direct] });
    world.sts.addRole('admin', { requireMfa: true });
    const person = world.prompt.answer;
    world.prompt.answer = (request) => (request.attempt < 3 ? '000000' : person(request));

    await world.build('admin').retrieve();

    expect(world.prompt.asked[1]?.previousError).toMatch(/refused the MFA code/);
    expect(world.prompt.asked[2]?.previousError).toMatch(/this code was just sent to AWS/);
    expect(world.sts.calls.AssumeRole).toBe(2);
  });

  it('a wrong code asks again with the reason, then succeeds', async () => {
    const world = await stsWorld({ roles: [direct] });
    world.sts.addRole('admin', { requireMfa: true });
    const person = world.prompt.answer;
    world.prompt.answer = (request) => (request.attempt === 1 ? '000000' : person(request));

    await world.build('admin').retrieve();

    expect(world.prompt.asked.map((r) => r.attempt)).toEqual([1, 2]);
    expect(world.prompt.asked[1]?.previousError).toMatch(/refused the MFA code/);
    expect(world.sts.calls.AssumeRole).toBe(2);
  });

  it('gives up after three refused codes with a clear error', async () => {
    const world = await stsWorld({ roles: [direct] });
    world.sts.addRole('admin', { requireMfa: true });
    const wrong = ['000000', '111111', '222222'];
    world.prompt.answer = (request) => wrong[request.attempt - 1] ?? '';

    const error = await rejection(world.build('admin').retrieve());

    expect(error).toBeInstanceOf(LatchkeyError);
    expect(error.code).toBe('mfa-invalid');
    expect(error.message).toMatch(/MFA device "alice-phone" .* no accepted code after 3 attempts/);
    expect(error.message).not.toMatch(/000000|111111|222222/);
    expect(world.prompt.asked).toHaveLength(3);
    expect(world.sts.calls.AssumeRole).toBe(3);
  });

  it('a refused seed code falls back to asking the person', async () => {
    const world = await stsWorld({ roles: [direct], device: { hasSeed: true, autoMfa: true } });
    await world.keychain.set('mfa-seed', 'alice-phone', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    world.sts.addRole('admin', { requireMfa: true });

    await world.build('admin').retrieve();

    expect(world.prompt.asked.map((r) => r.attempt)).toEqual([2]);
  });

  it('a code that is not 6 digits is not sent; the person is asked again', async () => {
    const world = await stsWorld({ roles: [direct] });
    world.sts.addRole('admin', { requireMfa: true });
    world.prompt.answer = () => '12345';

    const error = await rejection(world.build('admin').retrieve());

    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('MFA code must be exactly 6 digits');
    expect(world.prompt.asked[1]?.previousError).toContain('6 digits');
    expect(world.sts.calls.AssumeRole).toBe(0);
  });

  it('a cancelled prompt ends the request without sending anything', async () => {
    const world = await stsWorld({ roles: [direct] });
    world.sts.addRole('admin', { requireMfa: true });
    world.prompt.answer = () => Promise.reject(new LatchkeyError('mfa-cancelled', 'MFA prompt cancelled'));

    const error = await rejection(world.build('admin').retrieve());

    expect(error.code).toBe('mfa-cancelled');
    expect(world.prompt.asked).toHaveLength(1);
    expect(world.sts.calls.AssumeRole).toBe(0);
  });

  it('other failures are not retried', async () => {
    const world = await stsWorld({ roles: [direct] });
    world.sts.addRole('admin', { requireMfa: true, trustedUsers: ['bob'] });

    const error = await rejection(world.build('admin').retrieve());

    expect(error.code).toBe('sts-denied');
    expect(world.prompt.asked).toHaveLength(1);
  });

  it('generates the code of the claimed step', async () => {
    const world = await stsWorld({ roles: [direct], device: { hasSeed: true, autoMfa: true } });
    world.sts.addRole('admin', { requireMfa: true });
    await world.build('admin').retrieve();
    expect(world.sts.requests[0]?.input.mfa?.code).toBe(totpCode(SEED, world.clock.now()).code);
  });
});
