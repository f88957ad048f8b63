/**
 * The STS port: the three calls Latchkey makes, with plain inputs and the caller's credentials. The
 * real implementation (create-sts-api.ts) loads the AWS SDK, so code that may not need STS reaches it
 * through lazy-sts-api.ts. Failures are thrown as STS reported them, with where the call went
 * (StsFailure); sts-errors.ts turns them into messages for people, because only the provider knows
 * which profile and role they concern.
 */
import type { Credentials, Session } from './credentials';

export interface StsCaller {
  /** The credentials that sign the call. */
  credentials: Credentials;
  /** Picks the regional endpoint when no endpoint is configured. */
  region: string;
  /** The identity's own endpoint setting; AWS_ENDPOINT_URL_STS and AWS_ENDPOINT_URL win over it. */
  stsEndpoint?: string;
}

export interface MfaCode {
  serial: string;
  code: string;
}

export interface GetSessionTokenInput extends StsCaller {
  durationSeconds: number;
  mfa?: MfaCode;
}

export interface AssumeRoleInput extends StsCaller {
  roleArn: string;
  roleSessionName: string;
  durationSeconds: number;
  externalId?: string;
  /** Sent on AssumeRole itself ("direct MFA"). */
  mfa?: MfaCode;
}

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** What the real STS adds to a failure, for the person's message. */
export interface StsFailure {
  /** The URL the call went to. */
  stsUrl?: string;
  /** Set when the call's one deadline cut it short: how long it had. */
  deadlineMs?: number;
  /** Set when STS answered with something that is not a complete session or identity. */
  unreadable?: true;
}

export interface StsApi {
  getSessionToken(input: GetSessionTokenInput): Promise<Session>;
  assumeRole(input: AssumeRoleInput): Promise<Session>;
  getCallerIdentity(caller: StsCaller): Promise<CallerIdentity>;
}

export interface GetFederationTokenInput extends StsCaller {
  /** The federated user's name (2-32 of [\w+=,.@-]), shown in CloudTrail and the console. */
  name: string;
  durationSeconds: number;
  /** The inline session policy: without one, AWS gives the federated session no permissions at all. */
  policy: string;
}

/**
 * The calls made on a person's request rather than for every session: a console sign-in from an
 * identity's key, the account of a key that may not call GetCallerIdentity, and an encoded
 * authorization failure made readable. Apart from StsApi so the session engine's fakes need none of them.
 */
export interface StsHelperApi {
  /** Signed with an IAM user's long-term key: a session the console federation endpoint accepts. */
  getFederationToken(input: GetFederationTokenInput): Promise<Session>;
  /** The account that owns `accessKeyId` (any valid credentials may ask). */
  getAccessKeyInfo(input: StsCaller & { accessKeyId: string }): Promise<{ account: string }>;
  /** The JSON document an "Encoded authorization failure message" stands for (needs sts:DecodeAuthorizationMessage). */
  decodeAuthorizationMessage(input: StsCaller & { message: string }): Promise<string>;
}
