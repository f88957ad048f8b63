/**
 * IAM failures as messages a person can act on, as sts-errors.ts does for STS: what was asked, for which
 * IAM user, and what to do. Reads only names, codes, status codes, the first line of a message and where
 * the call went; never keeps the original error.
 */
import { isLatchkeyError, LatchkeyError } from '../../shared/errors';
import { maskAccessKeyId } from '../../shared/mask';
import type { StsFailure } from '../sts/sts-api';
import { decodeHint, encodedAuthorizationMessage, oneLine, showUrl } from '../sts/sts-errors';

export type IamAction =
  | 'ListAccessKeys'
  | 'CreateAccessKey'
  | 'UpdateAccessKey'
  | 'DeleteAccessKey'
  | 'CreateVirtualMFADevice'
  | 'EnableMFADevice'
  | 'DeleteVirtualMFADevice';

export interface IamErrorContext {
  action: IamAction;
  /** The identity whose key or MFA session signed the call. */
  identity: { name: string; accessKeyId: string };
  userName: string;
  /** Signed with the identity's MFA session rather than its long-term key. */
  signedWithMfa: boolean;
}

interface AwsFault extends StsFailure {
  name?: string;
  message?: string;
  code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
}

const KEY_REFUSED = new Set(['InvalidClientTokenId', 'ExpiredToken', 'UnrecognizedClientException', 'InvalidAccessKeyId', 'SignatureDoesNotMatch']);
const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const RETRY_ADVICE = 'check the network connection and AWS_ENDPOINT_URL_IAM if you set it, then try again';

export function iamError(error: unknown, context: IamErrorContext): LatchkeyError {
  if (isLatchkeyError(error)) return error;
  const fault: AwsFault = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const name = fault.name ?? 'Error';
  const encoded = encodedAuthorizationMessage(fault.message);
  const awsMessage = oneLine((fault.message ?? '').replace(/\s*Encoded authorization failure message:.*$/s, ''), 400);
  const { action, identity, userName } = context;
  const fail = (code: ConstructorParameters<typeof LatchkeyError>[0], message: string) => new LatchkeyError(code, `identity "${identity.name}": ${message}`);
  const iam = fault.stsUrl ? `IAM at ${showUrl(fault.stsUrl)}` : 'IAM';
  const status = fault.$metadata?.httpStatusCode;

  if (fault.deadlineMs !== undefined) return fail('sts-unavailable', `${iam} did not answer within ${fault.deadlineMs / 1000} s (${action}): ${RETRY_ADVICE}`);
  if (name === 'AccessDenied' || name === 'AccessDeniedException') {
    const signer = context.signedWithMfa ? `the MFA session of identity "${identity.name}"` : `the key of identity "${identity.name}"`;
    const mfaAdvice = context.signedWithMfa ? '' : ' (if they require MFA, give the identity its MFA device: IAM calls are then signed with its MFA session)';
    return fail(
      'sts-denied',
      `AWS denied iam:${action} on IAM user "${userName}" to ${signer}${awsMessage ? ` (${awsMessage})` : ''}: the user's policies must allow it on their own user${mfaAdvice}${decodeHint(encoded)}`,
    );
  }
  if (KEY_REFUSED.has(name))
    return fail(
      'sts-credentials-invalid',
      context.signedWithMfa
        ? `AWS no longer accepts the MFA session of identity "${identity.name}" (${name}): run \`latchkey forget ${identity.name}\` and try again`
        : `AWS does not accept access key ${maskAccessKeyId(identity.accessKeyId)} of identity "${identity.name}" (${name}): it is disabled, deleted or its stored secret is wrong; update the identity with a working key`,
    );
  if (name === 'InvalidAuthenticationCode')
    return fail('mfa-invalid', `AWS refused the two codes made from the new device's seed (${awsMessage}): check that this computer's clock is right, then try again`);
  if (name === 'LimitExceeded' || name === 'LimitExceededException') return fail('already-exists', `IAM refused ${action} for user "${userName}": ${awsMessage || name}`);
  if (name === 'EntityAlreadyExists' || name === 'EntityAlreadyExistsException') return fail('already-exists', `IAM refused ${action}: ${awsMessage || name}`);
  if (name === 'NoSuchEntity' || name === 'NoSuchEntityException') return fail('not-found', `IAM refused ${action}: ${awsMessage || name}`);
  if (THROTTLING.has(name)) return fail('sts-throttled', `IAM is throttling requests and did not answer ${action}: wait a minute and try again`);
  if (name === 'TimeoutError' || (fault.code && NETWORK.has(fault.code)) || (status !== undefined && status >= 500) || fault.$fault === 'server')
    return fail('sts-unavailable', `${iam} did not answer ${action} (${fault.code ?? (status ? `HTTP ${status}` : name)}): ${RETRY_ADVICE}`);
  if (fault.unreadable) return fail('sts-failure', `${iam} sent an answer Latchkey cannot read (${oneLine(fault.message ?? name, 120)})`);
  if (fault.$fault !== undefined) return fail('sts-failure', `IAM ${action} failed: ${name}${awsMessage ? `: ${awsMessage}` : ''}`);
  return fail('sts-failure', `${iam} could not be asked for ${action} (${oneLine(fault.code ?? (awsMessage || name), 120)}): ${RETRY_ADVICE}`);
}
