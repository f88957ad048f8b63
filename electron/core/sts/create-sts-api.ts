/**
 * The real STS, over @aws-sdk/client-sts. Load it with `await import()` (lazy-sts-api.ts does) so a
 * process serving a cached session never loads SDK code.
 *
 * Every call ends within STS_CALL_MS (12 s, core/timeouts), all told: connecting, sending, waiting for and reading
 * the answer, every attempt and the backoff between them. Inside it, the SDK makes at most 3 attempts
 * (its standard retry: exponential backoff with full jitter, for throttling, 5xx, timeouts and network
 * faults), each allowed 3 s to connect and 3 s until the answer's headers, so a silent endpoint fails
 * after its third attempt (about 10 s). The SDK has no bound on reading a body, so an endpoint that
 * trickles its answer a byte at a time is cut by the deadline alone. STS answers in well under a second
 * when it is up.
 */
import type { Session } from './credentials';
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSClient,
  type Credentials as SdkCredentials,
} from '@aws-sdk/client-sts';
import type { StsApi, StsCaller, StsFailure } from './sts-api';
import { stsEndpoint, type Env } from './sts-endpoint';
import { STS_CALL_MS } from '../timeouts';

const MAX_ATTEMPTS = 3;
const CONNECT_TIMEOUT_MS = 3_000;
const ATTEMPT_TIMEOUT_MS = 3_000;
// STS_CALL_MS is above the attempts' own worst case (3 × 3 s plus backoff), so they keep their say on a silent endpoint.

export function createStsApi(env: Env): StsApi {
  async function withClient<T>(caller: StsCaller, call: (client: STSClient, abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    const endpoint = stsEndpoint(env, caller.stsEndpoint);
    // One short-lived client per call: each call is signed by different credentials.
    const client = new STSClient({
      region: caller.region,
      credentials: {
        accessKeyId: caller.credentials.accessKeyId,
        secretAccessKey: caller.credentials.secretAccessKey,
        sessionToken: caller.credentials.sessionToken,
      },
      // Without an endpoint of ours, the SDK must not pick one up from the process environment or
      // ~/.aws/config behind our back: the precedence is stsEndpoint()'s.
      ...(endpoint ? { endpoint } : { ignoreConfiguredEndpointUrls: true }),
      maxAttempts: MAX_ATTEMPTS,
      retryMode: 'standard',
      requestHandler: {
        connectionTimeout: CONNECT_TIMEOUT_MS,
        requestTimeout: ATTEMPT_TIMEOUT_MS,
        throwOnRequestTimeout: true,
      },
    });
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const failure: StsFailure = { deadlineMs: STS_CALL_MS };
        reject(Object.assign(new Error(`no complete answer within ${STS_CALL_MS} ms`), failure));
        // Tells the SDK to drop the request; destroying the client below closes its sockets.
        abort.abort();
      }, STS_CALL_MS);
    });
    try {
      // The race, not the signal, is what bounds the call: it settles at the deadline whatever the SDK
      // is doing then (reading a body, backing off) and however long it takes to notice the abort.
      return await Promise.race([call(client, abort.signal), deadline]);
    } catch (error) {
      throw failedAt(error, endpoint ?? regionalEndpoint(caller.region));
    } finally {
      clearTimeout(timer);
      client.destroy();
    }
  }

  return {
    getSessionToken: ({ durationSeconds, mfa, ...caller }) =>
      withClient(caller, async (client, abortSignal) => {
        const output = await client.send(
          new GetSessionTokenCommand({
            DurationSeconds: durationSeconds,
            SerialNumber: mfa?.serial,
            TokenCode: mfa?.code,
          }),
          { abortSignal },
        );
        return session(output.Credentials);
      }),

    assumeRole: ({ roleArn, roleSessionName, durationSeconds, externalId, mfa, ...caller }) =>
      withClient(caller, async (client, abortSignal) => {
        const output = await client.send(
          new AssumeRoleCommand({
            RoleArn: roleArn,
            RoleSessionName: roleSessionName,
            DurationSeconds: durationSeconds,
            ExternalId: externalId,
            SerialNumber: mfa?.serial,
            TokenCode: mfa?.code,
          }),
          { abortSignal },
        );
        return session(output.Credentials);
      }),

    getCallerIdentity: (caller) =>
      withClient(caller, async (client, abortSignal) => {
        const output = await client.send(new GetCallerIdentityCommand({}), { abortSignal });
        if (!output.Account || !output.Arn || !output.UserId) throw unreadable('no identity in it');
        return { account: output.Account, arn: output.Arn, userId: output.UserId };
      }),
  };
}

function session(credentials: SdkCredentials | undefined): Session {
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken || !credentials.Expiration)
    throw unreadable('no complete credentials in it');
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    expiration: credentials.Expiration,
  };
}

function unreadable(reason: string): Error {
  const failure: StsFailure = { unreadable: true };
  return Object.assign(new Error(reason), failure);
}

/** Marks a failure with the URL the call went to, for the person's message. */
function failedAt(error: unknown, stsUrl: string): unknown {
  const failure: StsFailure = { stsUrl };
  return typeof error === 'object' && error !== null && Object.isExtensible(error) ? Object.assign(error, failure) : Object.assign(new Error(String(error)), failure);
}

/** Where the SDK sends a call without an endpoint of ours: STS's regional endpoint. */
function regionalEndpoint(region: string): string {
  return `https://sts.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}
