/**
 * The real STS, over @aws-sdk/client-sts. Load it with `await import()` (lazy-sts-api.ts does) so a
 * process serving a cached session never loads SDK code. Every call is bounded as sdk-call.ts says.
 */
import type { Session } from './credentials';
import {
  AssumeRoleCommand,
  DecodeAuthorizationMessageCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  STSClient,
  type Credentials as SdkCredentials,
} from '@aws-sdk/client-sts';
import { boundedCall, sdkClientConfig, unreadable } from './sdk-call';
import type { StsApi, StsCaller, StsHelperApi } from './sts-api';
import { stsEndpoint, type Env } from './sts-endpoint';

export function createStsApi(env: Env): StsApi & StsHelperApi {
  async function withClient<T>(caller: StsCaller, call: (client: STSClient, abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    const endpoint = stsEndpoint(env, caller.stsEndpoint);
    // One short-lived client per call: each call is signed by different credentials.
    const client = new STSClient(sdkClientConfig(caller, endpoint));
    return boundedCall(client, endpoint ?? regionalEndpoint(caller.region), call);
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

    getFederationToken: ({ name, durationSeconds, policy, ...caller }) =>
      withClient(caller, async (client, abortSignal) => {
        const output = await client.send(new GetFederationTokenCommand({ Name: name, DurationSeconds: durationSeconds, Policy: policy }), { abortSignal });
        return session(output.Credentials);
      }),

    getAccessKeyInfo: ({ accessKeyId, ...caller }) =>
      withClient(caller, async (client, abortSignal) => {
        const output = await client.send(new GetAccessKeyInfoCommand({ AccessKeyId: accessKeyId }), { abortSignal });
        if (!output.Account) throw unreadable('no account in it');
        return { account: output.Account };
      }),

    decodeAuthorizationMessage: ({ message, ...caller }) =>
      withClient(caller, async (client, abortSignal) => {
        const output = await client.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: message }), { abortSignal });
        if (output.DecodedMessage === undefined) throw unreadable('no decoded message in it');
        return output.DecodedMessage;
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

/** Where the SDK sends a call without an endpoint of ours: STS's regional endpoint. */
function regionalEndpoint(region: string): string {
  return `https://sts.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}
