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
