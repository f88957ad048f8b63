/**
 * STS failures as messages a person can act on: what was asked, on whose behalf, and what to do. Works
 * on the SDK's errors and on anything shaped like them (the test fake), reads only names, codes, status
 * codes, the response's Date header, the first line of a message and where the call went, and never
 * keeps the original error (it may carry request details), so no secret, no stack trace and none of the
 * SDK's internals (`{error}.$response`) reach the person: what the SDK cannot make sense of becomes
 * "STS at URL sent an answer Latchkey cannot read (reason)", in one line.
 */
import { LatchkeyError, isLatchkeyError } from '../../shared/errors';
import { maskAccessKeyId } from '../../shared/mask';
import type { StsFailure } from './sts-api';

export type StsAction = 'GetSessionToken' | 'AssumeRole' | 'GetCallerIdentity' | 'GetFederationToken' | 'GetAccessKeyInfo' | 'DecodeAuthorizationMessage';

export interface StsErrorContext {
  action: StsAction;
  /** Who asked, as the person knows it: `role "prod-admin"`, `identity "alice"`. */
  subject: string;
  /** The identity whose long-term key is at the root of the request. */
  identity: { name: string; accessKeyId: string };
  /** The call was signed with a session (MFA or role session) rather than the long-term key. */
  signedWithSession: boolean;
  /** The long-term secret was just entered by the person rather than read from the keychain. */
  secretEntered?: boolean;
  roleArn?: string;
  externalId?: string;
  mfaSerial?: string;
  /** The local clock when the answer came, to compare with the answer's Date header. */
  nowMs: number;
}

/** What an SDK error may carry; any of it may be missing. */
interface AwsFault extends StsFailure {
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
export const SKEW_LIMIT_MS = 5 * 60_000;
const RETRY_ADVICE = 'check the network connection and any STS endpoint setting, then try again';

export function stsError(error: unknown, context: StsErrorContext): LatchkeyError {
  if (isLatchkeyError(error)) return error;
  const fault: AwsFault = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const name = fault.name ?? 'Error';
  const encoded = encodedAuthorizationMessage(fault.message);
  const awsMessage = oneLine(withoutEncodedMessage(fault.message ?? ''), 400);
  const { action, subject, identity } = context;
  const fail = (code: ConstructorParameters<typeof LatchkeyError>[0], message: string) =>
    new LatchkeyError(code, `${subject}: ${message}`);
  const sts = fault.stsUrl ? `STS at ${showUrl(fault.stsUrl)}` : 'STS';

  if (fault.deadlineMs !== undefined)
    return fail('sts-unavailable', `${sts} did not answer within ${fault.deadlineMs / 1000} s (${action}): ${RETRY_ADVICE}`);

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
      context.secretEntered
        ? `the secret access key entered for identity "${identity.name}" does not match access key ${maskAccessKeyId(identity.accessKeyId)}: check it and enter it again`
        : `the secret access key stored for identity "${identity.name}" does not match its access key ${maskAccessKeyId(identity.accessKeyId)}: enter the identity's secret access key again`,
    );
  if (KEY_REFUSED.has(name))
    return fail(
      'sts-credentials-invalid',
      `AWS does not accept access key ${identity.accessKeyId} of identity "${identity.name}" (${name}): it is disabled, deleted or mistyped; create a new access key for the IAM user and update the identity`,
    );

  if (name === 'AccessDenied' || name === 'AccessDeniedException')
    return fail('sts-denied', `${accessDenied(context, awsMessage)}${decodeHint(encoded)}`);
  if (name === 'ValidationError') return fail('invalid-input', `STS refused ${action}: ${awsMessage}`);

  const attempts = fault.$metadata?.attempts ?? 1;
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  if (THROTTLING.has(name))
    return fail('sts-throttled', `STS is throttling requests and did not answer ${action}${tries}: wait a minute and try again`);
  const unavailable = unavailableReason(fault, name);
  if (unavailable) return fail('sts-unavailable', `STS did not answer ${action}${tries} (${unavailable}): ${RETRY_ADVICE}`);

  const unreadable = unreadableReason(fault, name);
  if (unreadable)
    return fail('sts-failure', `${sts} sent an answer Latchkey cannot read (${unreadable}): check the STS endpoint setting, then try again`);
  // An error STS itself reported, in AWS's words.
  if (fault.$fault !== undefined) return fail('sts-failure', `STS ${action} failed: ${name}${awsMessage ? `: ${awsMessage}` : ''}`);
  if (fault.code !== undefined) return fail('sts-unavailable', `${sts} could not be reached for ${action} (${oneLine(fault.code, 40)}): ${RETRY_ADVICE}`);
  return fail('sts-failure', `${sts} could not be asked for ${action} (${oneLine(awsMessage || name, 120)}): ${RETRY_ADVICE}`);
}

/**
 * Why an answer is not one Latchkey can use, in a few words: not HTTP, an error page without an AWS
 * error in it, a body the SDK could not parse, or a session or identity missing from it.
 */
function unreadableReason(fault: AwsFault, name: string): string | undefined {
  const status = fault.$metadata?.httpStatusCode;
  if (fault.code?.startsWith('HPE_')) return `not HTTP: ${oneLine(fault.message ?? fault.code, 120)}`;
  if (name === 'Unknown' || name === 'UnknownError') return `HTTP ${status ?? '?'} without an AWS error in it`;
  // The SDK's parse failures say "Deserialization error: …" on a later line; the first says what.
  if (fault.unreadable || /Deserialization error/.test(fault.message ?? '')) return oneLine((fault.message ?? name).replace(/^@aws-sdk /, ''), 120);
  return undefined;
}

const ENCODED_MESSAGE = /\s*Encoded authorization failure message:\s*([A-Za-z0-9_+/=-]+)/;

/** The encoded message some AccessDenied answers carry (`Encoded authorization failure message: …`), if any. */
export function encodedAuthorizationMessage(message: string | undefined): string | undefined {
  return message?.match(ENCODED_MESSAGE)?.[1];
}

/** AWS's message without the encoded blob, which would only be cut off in a one-line message. */
function withoutEncodedMessage(message: string): string {
  return message.replace(ENCODED_MESSAGE, '');
}

/**
 * What to do with an encoded authorization message: decode it. The whole message goes in, since the
 * person needs all of it; it says nothing to whoever may not call sts:DecodeAuthorizationMessage.
 */
export function decodeHint(encoded: string | undefined): string {
  return encoded === undefined ? '' : `; AWS says why in an encoded message: run \`latchkey decode-auth\` and paste it: ${encoded}`;
}

/** The first line of `text`, control characters out, cut to `max` characters: safe in a one-line message. */
export function oneLine(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const line = (text.split(/\r?\n/)[0] ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Scheme, host, port and path: never a user or password someone put in an endpoint URL. */
export function showUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return oneLine(`${parsed.origin}${parsed.pathname === '/' ? '' : parsed.pathname}`, 200);
  } catch {
    return oneLine(url.replace(/\/\/[^/@]*@/, '//'), 200);
  }
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
