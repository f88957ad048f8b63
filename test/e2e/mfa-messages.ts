/**
 * Every message about an MFA code a person may read in or after the popup, made by the code that makes
 * it — sts-errors.ts from AWS's own answers (their wording as AWS sends them), the replay guard, the
 * code check, MfaCodeSource and MfaPopups — never copied text, so the popup is sized and screenshot
 * against what people really see.
 */
import { MfaPopups } from '../../electron/main/mfa/mfa-popups';
import { MfaCodeSource } from '../../electron/core/sts/mfa-code-source';
import type { MfaPrompt } from '../../electron/core/sts/mfa-prompt';
import { stsError, type StsErrorContext } from '../../electron/core/sts/sts-errors';
import { ReplayGuard } from '../../electron/core/totp/replay-guard';
import { describeError } from '../../electron/shared/errors';
import type { Identity, MfaDevice } from '../../electron/shared/model';
import { validateTokenCode } from '../../electron/shared/validation';
import { FakeClock } from '../fakes/fake-clock';
import { FakeTimers } from '../fakes/fake-timers';
import { MemoryKeychain } from '../fakes/memory-keychain';
import { MemoryStepStore } from '../fakes/memory-step-store';

export const alice: Identity = { name: 'alice', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', accountId: '123456789012' };
export const phone: MfaDevice = { name: 'alice-phone', serial: 'arn:aws:iam::123456789012:mfa/alice-phone', identity: 'alice', hasSeed: false, autoMfa: false };

const NOW = Date.UTC(2026, 10, 30, 9, 0, 10);
const ROLE_ARN = 'arn:aws:iam::210987654321:role/production-administrator';

/** How AWS answers a GetSessionToken with a code it does not take (403 AccessDenied). */
const REFUSED_CODE = { name: 'AccessDenied', message: 'MultiFactorAuthentication failed with invalid MFA one time pass code. ', $fault: 'client', $metadata: { httpStatusCode: 403 } };

const session = (overrides: Partial<StsErrorContext> = {}): StsErrorContext => ({
  action: 'GetSessionToken',
  subject: `identity "${alice.name}"`,
  identity: alice,
  signedWithSession: false,
  mfaSerial: phone.serial,
  nowMs: NOW,
  ...overrides,
});
const assumeRole = (overrides: Partial<StsErrorContext> = {}) =>
  session({ action: 'AssumeRole', subject: 'role "production-administrator"', roleArn: ROLE_ARN, signedWithSession: true, ...overrides });
const answeredAt = (offsetMs: number) => ({ $response: { headers: { date: new Date(NOW - offsetMs).toUTCString() } } });

/** AWS's refusal of a code for alice's MFA session, as the provider reports it (mfa-invalid). */
export const refusedCode = () => stsError(REFUSED_CODE, session());
const wrongCodeMessage = (): string => refusedCode().message;

export async function mfaMessages(): Promise<{ what: string; message: string }[]> {
  const messages = [
    { what: 'wrong code (GetSessionToken)', message: wrongCodeMessage() },
    { what: 'wrong code (AssumeRole with MFA)', message: stsError(REFUSED_CODE, assumeRole()).message },
    {
      what: 'MFA serial not the user’s',
      message: stsError(
        { name: 'AccessDenied', message: 'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.', $fault: 'client' },
        session(),
      ).message,
    },
    {
      what: 'role needs MFA',
      message: stsError(
        { name: 'AccessDenied', message: `User: arn:aws:iam::123456789012:user/alice is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}`, $fault: 'client' },
        assumeRole({ mfaSerial: undefined }),
      ).message,
    },
    {
      what: 'clock hours ahead',
      message: stsError({ name: 'SignatureDoesNotMatch', message: 'Signature expired: 20261130T060010Z is now earlier than 20261130T060500Z (20261130T061000Z - 5 min.)', $fault: 'client', ...answeredAt(3 * 3_600_000) }, session()).message,
    },
    { what: 'clock minutes behind', message: stsError({ name: 'RequestExpired', message: 'Request has expired.', $fault: 'client', ...answeredAt(-12 * 60_000) }, session()).message },
    {
      what: 'clock skewed, no date',
      message: stsError({ name: 'RequestTimeTooSkewed', message: 'The difference between the request time and the current time is too large.', $fault: 'client' }, session()).message,
    },
    {
      what: 'expired session',
      message: stsError({ name: 'ExpiredToken', message: 'The security token included in the request is expired', $fault: 'client' }, assumeRole()).message,
    },
    {
      what: 'key refused',
      message: stsError({ name: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', $fault: 'client' }, session()).message,
    },
    { what: 'not six digits', message: validateTokenCode('12345') ?? '' },
    ...(await replayGuardMessages()),
    { what: 'three refused codes', message: await threeRefusals() },
    { what: 'request gone', message: staleSubmit() },
  ];
  for (const { what, message } of messages) if (message === '') throw new Error(`no message for ${what}`);
  return messages;
}

/** The same code typed twice: refused at once (while the next code is due, and after), and a clock that went back. */
async function replayGuardMessages(): Promise<{ what: string; message: string }[]> {
  const clock = new FakeClock(NOW);
  const guard = new ReplayGuard(new MemoryStepStore(), clock);
  const refusal = (claim: Promise<unknown>) => claim.then(() => '', describeError);
  await guard.claimTypedCode(phone.serial, '246810');
  const soon = await refusal(guard.claimTypedCode(phone.serial, '246810'));
  clock.advance(40_000);
  const later = await refusal(guard.claimTypedCode(phone.serial, '246810'));
  const back = new ReplayGuard(new MemoryStepStore(), new FakeClock(NOW));
  await back.claimTypedCode(phone.serial, '135791');
  const wentBack = new ReplayGuard({ update: async (_serial, claim) => claim({ step: Math.floor(NOW / 30_000) + 5 }) }, new FakeClock(NOW));
  const skew = await refusal(wentBack.claimSeedStep(phone.serial, () => {}));
  return [
    { what: 'code just sent', message: soon },
    { what: 'code just sent, next one due', message: later },
    { what: 'clock went back', message: skew },
  ];
}

/** What the caller hears after the last of three codes was refused (the popup has closed by then). */
async function threeRefusals(): Promise<string> {
  let typed = 100000;
  const prompt: MfaPrompt = { ask: async () => String(++typed), waiting: () => {}, done: () => {} };
  const source = new MfaCodeSource(prompt, new MemoryKeychain(), new ReplayGuard(new MemoryStepStore(), new FakeClock(NOW)));
  return source
    .withCode({ device: phone, identity: alice, requester: 'tray' }, () => Promise.reject(refusedCode()))
    .then(() => '', describeError);
}

/** A submit for a request that timed out or was cancelled meanwhile. */
function staleSubmit(): string {
  const timers = new FakeTimers();
  const popups = new MfaPopups({ window: { show: () => {}, close: () => {}, onCancel: () => {}, fit: () => {} }, clock: timers.clock, timers });
  const result = popups.submit('gone', '123456');
  return result.ok ? '' : result.error;
}
