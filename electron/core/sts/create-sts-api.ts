/**
 * The real STS, over @aws-sdk/client-sts. Load it with `await import()` (lazy-sts-api.ts does) so a
 * process serving a cached session never loads SDK code.
 *
 * Every call is bounded: at most 3 attempts (the SDK's standard retry: exponential backoff with full
 * jitter, for throttling, 5xx, timeouts and network faults), each allowed 3 s to connect and 3 s to
 * answer, so a hanging endpoint fails in about 10 s. STS answers in well under a second when it is up.
 */
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSClient,
  type Credentials as SdkCredentials,
} from '@aws-sdk/client-sts';
import type { StsApi, StsCaller, StsSession } from './sts-api';
import { stsEndpoint, type Env } from './sts-endpoint';

const MAX_ATTEMPTS = 3;
const CONNECT_TIMEOUT_MS = 3_000;
const ATTEMPT_TIMEOUT_MS = 3_000;

export function createStsApi(env: Env): StsApi {
  async function withClient<T>(caller: StsCaller, call: (client: STSClient) => Promise<T>): Promise<T> {
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
    try {
      return await call(client);
    } finally {
      client.destroy();
    }
  }

  return {
    getSessionToken: ({ durationSeconds, mfa, ...caller }) =>
      withClient(caller, async (client) => {
        const output = await client.send(
          new GetSessionTokenCommand({
            DurationSeconds: durationSeconds,
            SerialNumber: mfa?.serial,
            TokenCode: mfa?.code,
          }),
        );
        return session(output.Credentials);
      }),

    assumeRole: ({ roleArn, roleSessionName, durationSeconds, externalId, mfa, ...caller }) =>
      withClient(caller, async (client) => {
        const output = await client.send(
          new AssumeRoleCommand({
            RoleArn: roleArn,
            RoleSessionName: roleSessionName,
            DurationSeconds: durationSeconds,
            ExternalId: externalId,
            SerialNumber: mfa?.serial,
            TokenCode: mfa?.code,
          }),
        );
        return session(output.Credentials);
      }),

    getCallerIdentity: (caller) =>
      withClient(caller, async (client) => {
        const output = await client.send(new GetCallerIdentityCommand({}));
        if (!output.Account || !output.Arn || !output.UserId) throw new Error('STS answered GetCallerIdentity without an identity');
        return { account: output.Account, arn: output.Arn, userId: output.UserId };
      }),
  };
}

function session(credentials: SdkCredentials | undefined): StsSession {
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken || !credentials.Expiration)
    throw new Error('STS answered without complete credentials');
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    expiration: credentials.Expiration,
  };
}
