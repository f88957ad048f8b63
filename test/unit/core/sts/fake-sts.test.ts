/** The fake STS is what the provider tests trust to behave like AWS: check that it does. */
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../../../electron/core/totp/totp-code';
import { FakeClock } from '../../../fakes/fake-clock';
import { FakeSts } from '../../../fakes/fake-sts';
import { rejection, SEED } from './sts-world';

function world() {
  const clock = new FakeClock(Date.UTC(2026, 0, 1, 12, 0, 5));
  const sts = new FakeSts(clock);
  const alice = sts.addUser('alice', { mfaSeed: SEED });
  const longTerm = { accessKeyId: alice.accessKeyId, secretAccessKey: alice.secretAccessKey };
  const code = (offsetSteps = 0) => totpCode(SEED, clock.now() + offsetSteps * 30_000).code;
  const mfa = (offsetSteps = 0) => ({ serial: alice.mfa?.serial ?? '', code: code(offsetSteps) });
  return { clock, sts, alice, longTerm, mfa, region: 'us-east-1' };
}

describe('FakeSts', () => {
  it('accepts the code of the current step and its neighbours, once each, and nothing older', async () => {
    const { sts, longTerm, mfa, region } = world();
    const gst = (offset: number) => sts.getSessionToken({ credentials: longTerm, region, durationSeconds: 900, mfa: mfa(offset) });

    await expect(gst(-2)).rejects.toThrow('invalid MFA one time pass code');
    await gst(-1);
    await expect(gst(-1)).rejects.toThrow('invalid MFA one time pass code');
    await gst(0);
    await expect(gst(0)).rejects.toThrow('invalid MFA one time pass code');
    await gst(1);
    expect(sts.calls.GetSessionToken).toBe(6);
  });

  it('refuses an MFA serial that is not the user’s', async () => {
    const { sts, longTerm, mfa, region } = world();
    await expect(
      sts.getSessionToken({ credentials: longTerm, region, durationSeconds: 900, mfa: { ...mfa(), serial: 'arn:aws:iam::123456789012:mfa/bob' } }),
    ).rejects.toThrow('verify your MFA serial number');
  });

  it('enforces duration limits, the role maximum and the one-hour cap on roles assumed from a session', async () => {
    const { sts, longTerm, region } = world();
    const roleArn = sts.addRole('admin', { maxSessionSeconds: 43_200 });
    const assume = (credentials: typeof longTerm, durationSeconds: number) =>
      sts.assumeRole({ credentials, region, roleArn, roleSessionName: 'alice', durationSeconds });

    await expect(sts.getSessionToken({ credentials: longTerm, region, durationSeconds: 129_601 })).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(assume(longTerm, 899)).rejects.toMatchObject({ name: 'ValidationError' });
    const role = await assume(longTerm, 43_200);
    const mfaSession = await sts.getSessionToken({ credentials: longTerm, region, durationSeconds: 900 });
    for (const session of [role, mfaSession]) {
      await expect(assume(session, 3_601)).rejects.toThrow('1 hour session limit for roles assumed by role chaining');
      await assume(session, 3_600);
    }
    const shortRole = sts.addRole('short');
    await expect(sts.assumeRole({ credentials: longTerm, region, roleArn: shortRole, roleSessionName: 'alice', durationSeconds: 7_200 })).rejects.toThrow(
      'MaxSessionDuration',
    );
  });

  it('issued sessions expire, revoked keys and wrong secrets are refused', async () => {
    const { clock, sts, alice, longTerm, region } = world();
    const session = await sts.getSessionToken({ credentials: longTerm, region, durationSeconds: 900 });
    expect((await sts.getCallerIdentity({ credentials: session, region })).arn).toBe(alice.arn);
    clock.advance(900_000);
    await expect(sts.getCallerIdentity({ credentials: session, region })).rejects.toMatchObject({ name: 'ExpiredToken' });
    await expect(sts.getSessionToken({ credentials: session, region, durationSeconds: 900 })).rejects.toMatchObject({ name: 'ExpiredToken' });

    await expect(sts.getCallerIdentity({ credentials: { ...longTerm, secretAccessKey: 'x' }, region })).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
    });
    sts.revokeKey(alice.accessKeyId);
    await expect(sts.getCallerIdentity({ credentials: longTerm, region })).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
  });

  it('checks trust: external id and MFA', async () => {
    const { sts, longTerm, mfa, region } = world();
    const roleArn = sts.addRole('admin', { externalId: 'ext-1', requireMfa: true });
    const input = { credentials: longTerm, region, roleArn, roleSessionName: 'alice', durationSeconds: 900 };
    await expect(sts.assumeRole({ ...input, externalId: 'ext-1' })).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(sts.assumeRole({ ...input, mfa: mfa() })).rejects.toMatchObject({ name: 'AccessDenied' });
    const session = await sts.assumeRole({ ...input, externalId: 'ext-1', mfa: mfa(1) });
    expect((await sts.getCallerIdentity({ credentials: session, region })).arn).toBe('arn:aws:sts::123456789012:assumed-role/admin/alice');
  });

  it('fails on demand, counting the failed calls', async () => {
    const { sts, longTerm, region } = world();
    sts.fail('throttle', { action: 'GetCallerIdentity' });
    sts.fail('server-error');
    sts.fail('hang');
    await expect(sts.getCallerIdentity({ credentials: longTerm, region })).rejects.toMatchObject({ name: 'Throttling' });
    const serverError = await rejection(sts.getSessionToken({ credentials: longTerm, region, durationSeconds: 900 }));
    expect(serverError).toMatchObject({ $fault: 'server', $metadata: { httpStatusCode: 500 } });
    // A call made after the hung one is answered while the hung one still waits (it would have settled first).
    const hung = sts.getCallerIdentity({ credentials: longTerm, region }).then(() => 'answered', () => 'failed');
    const later = sts.getCallerIdentity({ credentials: longTerm, region }).then(() => 'still waiting');
    expect(await Promise.race([hung, later])).toBe('still waiting');
    expect(sts.calls).toEqual({ GetSessionToken: 1, AssumeRole: 0, GetCallerIdentity: 3 });
  });
});
