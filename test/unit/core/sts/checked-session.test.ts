import type { Session } from '../../../../electron/core/sts/credentials';
import { describe, expect, it } from 'vitest';
import { checkedSession, type AnswerContext } from '../../../../electron/core/sts/checked-session';
import { rejection, stsWorld } from './sts-world';

const NOW = Date.UTC(2026, 0, 1, 12);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const role: AnswerContext = { action: 'AssumeRole', subject: 'role "dev"', durationSeconds: 3_600, nowMs: NOW };
const answer = (expiration: Date): Session => ({ accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token', expiration });
const check = (expiration: Date, context: Partial<AnswerContext> = {}) => () => checkedSession(answer(expiration), { ...role, ...context });

describe('checkedSession', () => {
  it('passes a session that lasts as asked, or within the clock-skew allowance of it', () => {
    for (const ms of [HOUR, 16 * MINUTE, 12 * HOUR + 5 * MINUTE]) expect(check(new Date(NOW + ms))()).toEqual(answer(new Date(NOW + ms)));
    expect(check(new Date(NOW + 36 * HOUR), { action: 'GetSessionToken', durationSeconds: 129_600 })()).toBeTruthy();
  });

  it('refuses an expiry in the past, saying when it was', () => {
    expect(check(new Date('2001-01-01T00:00:00Z'))).toThrow(
      expect.objectContaining({
        code: 'sts-failure',
        message:
          "role \"dev\": STS answered AssumeRole with a session that expired at 2001-01-01T00:00:00.000Z, so Latchkey refuses it: a session must last more than 15 minutes and at most 12 hours; check this computer's clock and the STS endpoint setting, then try again",
      }),
    );
  });

  it('refuses a session with 15 minutes or less left: it would be renewed at once', () => {
    expect(check(new Date(NOW + 5 * MINUTE))).toThrow(/with a session that expires at 2026-01-01T12:05:00.000Z, 5 minutes from now, so Latchkey refuses it/);
    expect(check(new Date(NOW + 15 * MINUTE))).toThrow(/15 minutes from now/);
  });

  it("a session asked for AWS's shortest 15 minutes needs all of them but the skew allowance", () => {
    const short = { durationSeconds: 900 };
    expect(check(new Date(NOW + 15 * MINUTE), short)()).toBeTruthy();
    expect(check(new Date(NOW + 11 * MINUTE), short)()).toBeTruthy();
    expect(check(new Date(NOW + 10 * MINUTE), short)).toThrow(/must last more than 10 minutes/);
  });

  it('refuses an absurd expiry: beyond the longest session STS grants plus the skew allowance', () => {
    expect(check(new Date('9999-12-31T23:59:59Z'))).toThrow(/expires at 9999-12-31T23:59:59.000Z, 2,9\d\d,\d{3} days from now, so Latchkey refuses it: .* at most 12 hours/);
    expect(check(new Date(NOW + 12 * HOUR + 6 * MINUTE))).toThrow(/12 hours from now/);
    expect(check(new Date(NOW + 36 * HOUR + 6 * MINUTE), { action: 'GetSessionToken', durationSeconds: 129_600 })).toThrow(/at most 36 hours/);
  });

  it('refuses an expiry that is not a date', () => {
    expect(check(new Date('not-a-date'))).toThrow(/with a session whose expiry is not a date, so Latchkey refuses it/);
  });
});

describe('every provider passes STS answers through checkedSession', () => {
  it('GetSessionToken (the MFA session) and AssumeRole: an expired answer is refused, not handed out', async () => {
    const world = await stsWorld({ roles: [{ name: 'dev', roleArn: 'arn:aws:iam::123456789012:role/dev' }] });
    world.sts.addRole('dev');
    const past = new Date('2001-01-01T00:00:00Z');
    const getSessionToken = world.sts.getSessionToken.bind(world.sts);
    const assumeRole = world.sts.assumeRole.bind(world.sts);
    world.sts.getSessionToken = async (input) => ({ ...(await getSessionToken(input)), expiration: past });
    world.sts.assumeRole = async (input) => ({ ...(await assumeRole(input)), expiration: past });

    const mfaSession = await rejection(world.build('alice').retrieve());
    expect(mfaSession).toMatchObject({ code: 'sts-failure', message: expect.stringMatching(/^identity "alice": STS answered GetSessionToken with a session that expired/) });
    const role = await rejection(world.build('dev').retrieve());
    expect(role).toMatchObject({ code: 'sts-failure', message: expect.stringMatching(/^role "dev": STS answered AssumeRole with a session that expired/) });
    expect(world.sts.calls).toMatchObject({ GetSessionToken: 1, AssumeRole: 1 });
  });
});
