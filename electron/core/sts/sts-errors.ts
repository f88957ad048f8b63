/**
 * STS failures as messages a person can act on: what was asked, on whose behalf, and what to do. Works
 * on the SDK's errors and on anything shaped like them (the test fake), reads only names, messages,
 * status codes and the response's Date header, and never keeps the original error (it may carry
 * request details), so no secret and no stack trace reaches the person.
 */
import { LatchkeyError, isLatchkeyError } from '../../shared/errors';

export type StsAction = 'GetSessionToken' | 'AssumeRole' | 'GetCallerIdentity';

export interface StsErrorContext {
  action: StsAction;
  /** Who asked, as the person knows it: `role "prod-admin"`, `identity "alice"`. */
  subject: string;
  /** The identity whose long-term key is at the root of the request. */
  identity: { name: string; accessKeyId: string };
  /** The call was signed with a session (MFA or role session) rather than the long-term key. */
  signedWithSession: boolean;
  roleArn?: string;
  externalId?: string;
  mfaSerial?: string;
  /** The local clock when the answer came, to compare with the answer's Date header. */
  nowMs: number;
}

/** What an SDK error may carry; any of it may be missing. */
interface AwsFault {
  name?: string;
  message?: string;
  code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const CLOCK = new Set(['RequestExpired', 'RequestTimeTooSkewed', 'RequestInTheFuture']);
const SIGNATURE = new Set(['SignatureDoesNotMatch', 'InvalidSignatureException', ...CLOCK]);
const KEY_REFUSED = new Set(['InvalidClientTokenId', 'ExpiredToken', 'UnrecognizedClientException', 'InvalidAccessKeyId']);
/** AWS accepts signatures up to 5 minutes off; beyond that a signature error is the clock's fault. */
const SKEW_LIMIT_MS = 5 * 60_000;

export function stsError(error: unknown, context: StsErrorContext): LatchkeyError {
  if (isLatchkeyError(error)) return error;
  const fault: AwsFault = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const name = fault.name ?? 'Error';
  const awsMessage = (fault.message ?? '').trim();
  const { action, subject, identity } = context;
  const fail = (code: ConstructorParameters<typeof LatchkeyError>[0], message: string) =>
    new LatchkeyError(code, `${subject}: ${message}`);

  if (/invalid MFA one time pass code/i.test(awsMessage))
    return fail('mfa-invalid', `AWS refused the MFA code for ${context.mfaSerial ?? 'the MFA device'} (wrong, expired or already used): enter the device's current code`);
  if (/unable to validate MFA code|verify your MFA serial/i.test(awsMessage))
    return fail(
      'sts-denied',
      `AWS does not accept MFA device ${context.mfaSerial ?? '(unknown)'} for identity "${identity.name}": check that the device's serial is the MFA device assigned to this IAM user`,
    );

  const skewMs = clockSkewMs(fault, context.nowMs);
  const clockFault = CLOCK.has(name) || /signature expired/i.test(awsMessage) || (skewMs !== undefined && Math.abs(skewMs) > SKEW_LIMIT_MS);
  if (SIGNATURE.has(name) && clockFault)
    return fail(
      'sts-clock-skew',
      skewMs === undefined
        ? `STS rejected the request because this computer's clock is wrong (${awsMessage}): turn on automatic time sync and try again`
        : `this computer's clock is ${describeSkew(skewMs)} AWS's, so STS rejected the request: turn on automatic time sync and try again`,
    );

  if (context.signedWithSession && (KEY_REFUSED.has(name) || name === 'SignatureDoesNotMatch'))
    return fail(
      'sts-credentials-invalid',
      `AWS no longer accepts the session this request was signed with (${name}): it expired or was revoked; renew the MFA or source role session and try again`,
    );
  if (name === 'SignatureDoesNotMatch')
    return fail(
      'sts-credentials-invalid',
      `the secret access key stored for identity "${identity.name}" does not match its access key ${identity.accessKeyId}: enter the identity's secret access key again`,
    );
  if (KEY_REFUSED.has(name))
    return fail(
      'sts-credentials-invalid',
      `AWS does not accept access key ${identity.accessKeyId} of identity "${identity.name}" (${name}): it is disabled, deleted or mistyped; create a new access key for the IAM user and update the identity`,
    );

  if (name === 'AccessDenied' || name === 'AccessDeniedException')
    return fail('sts-denied', accessDenied(context, awsMessage));
  if (name === 'ValidationError') return fail('invalid-input', `STS refused ${action}: ${awsMessage}`);

  const attempts = fault.$metadata?.attempts ?? 1;
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  if (THROTTLING.has(name))
    return fail('sts-throttled', `STS is throttling requests and did not answer ${action}${tries}: wait a minute and try again`);
  const unavailable = unavailableReason(fault, name);
  if (unavailable)
    return fail(
      'sts-unavailable',
      `STS did not answer ${action}${tries} (${unavailable}): check the network connection and any STS endpoint setting, then try again`,
    );

  return fail('sts-failure', `STS ${action} failed: ${name}${awsMessage ? `: ${awsMessage}` : ''}`);
}

function accessDenied(context: StsErrorContext, awsMessage: string): string {
  const caller = context.signedWithSession ? 'the source session' : `identity "${context.identity.name}"`;
  const why = awsMessage ? ` (${awsMessage})` : '';
  if (context.action !== 'AssumeRole') return `AWS denied sts:${context.action} to ${caller}${why}: check the IAM user's policies`;
  const checks = [
    `that its trust policy allows ${caller}`,
    ...(context.externalId ? ['that the external id matches its sts:ExternalId condition'] : []),
    ...(context.mfaSerial ? [] : ['whether it requires MFA (then set the role\'s MFA device)']),
  ];
  return `AWS denied sts:AssumeRole on ${context.roleArn}${why}: check ${checks.join(', ')}, and that the caller's IAM policies allow sts:AssumeRole on the role`;
}

function unavailableReason(fault: AwsFault, name: string): string | undefined {
  const status = fault.$metadata?.httpStatusCode;
  if (name === 'TimeoutError' || fault.code === 'ETIMEDOUT') return 'timed out';
  if (fault.code && NETWORK.has(fault.code)) return `network error ${fault.code}`;
  if ((status !== undefined && status >= 500) || fault.$fault === 'server') return `HTTP ${status ?? 'server error'}`;
  return undefined;
}

/** Local clock minus AWS's, from the answer's Date header, when there is one. */
function clockSkewMs(fault: AwsFault, nowMs: number): number | undefined {
  const date = fault.$response?.headers?.date ?? fault.$response?.headers?.Date;
  const awsMs = date ? Date.parse(date) : NaN;
  return Number.isNaN(awsMs) ? undefined : nowMs - awsMs;
}

function describeSkew(skewMs: number): string {
  const minutes = Math.round(Math.abs(skewMs) / 60_000);
  const amount = minutes >= 120 ? `about ${Math.round(minutes / 60)} hours` : `about ${minutes} minutes`;
  return `${amount} ${skewMs > 0 ? 'ahead of' : 'behind'}`;
}
