/**
 * How Latchkey calls an AWS service through the SDK (STS here, IAM in core/iam): one short-lived client
 * per call, because each call is signed by different credentials, and one deadline for all of it.
 *
 * Every call ends within STS_CALL_MS (12 s, core/timeouts), all told: connecting, sending, waiting for and reading
 * the answer, every attempt and the backoff between them. Inside it, the SDK makes at most 3 attempts
 * (its standard retry: exponential backoff with full jitter, for throttling, 5xx, timeouts and network
 * faults), each allowed 3 s to connect and 3 s until the answer's headers, so a silent endpoint fails
 * after its third attempt (about 10 s). The SDK has no bound on reading a body, so an endpoint that
 * trickles its answer a byte at a time is cut by the deadline alone. STS and IAM answer in well under a
 * second when they are up.
 */
import { STS_CALL_MS } from '../timeouts';
import type { Credentials } from './credentials';
import type { StsFailure } from './sts-api';

/** The SDK client settings every call shares (the attempts and their timeouts above). */
const SDK_CALL_OPTIONS = {
  maxAttempts: 3,
  retryMode: 'standard',
  requestHandler: { connectionTimeout: 3_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
} as const;
// STS_CALL_MS is above the attempts' own worst case (3 × 3 s plus backoff), so they keep their say on a silent endpoint.

/**
 * A short-lived client's settings: the caller's region and credentials, the shared call options, and our
 * endpoint — or, without one, none picked up from the process environment or ~/.aws/config behind our
 * back (the precedence is stsEndpoint()'s and iamEndpoint()'s).
 */
export function sdkClientConfig(caller: { region: string; credentials: Credentials }, endpoint: string | undefined) {
  const { accessKeyId, secretAccessKey, sessionToken } = caller.credentials;
  return {
    region: caller.region,
    credentials: { accessKeyId, secretAccessKey, sessionToken },
    ...(endpoint ? { endpoint } : { ignoreConfiguredEndpointUrls: true }),
    ...SDK_CALL_OPTIONS,
  };
}

/**
 * Runs `call` on `client` within the deadline, then destroys the client. A failure is marked with
 * `url`, where the call went, for the person's message.
 */
export async function boundedCall<C extends { destroy(): void }, T>(
  client: C,
  url: string,
  call: (client: C, abortSignal: AbortSignal) => Promise<T>,
): Promise<T> {
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
    throw failedAt(error, url);
  } finally {
    clearTimeout(timer);
    client.destroy();
  }
}

/** An answer that is not what the call returns (no credentials, no identity in it). */
export function unreadable(reason: string): Error {
  const failure: StsFailure = { unreadable: true };
  return Object.assign(new Error(reason), failure);
}

/** Marks a failure with the URL the call went to, for the person's message. */
function failedAt(error: unknown, stsUrl: string): unknown {
  const failure: StsFailure = { stsUrl };
  return typeof error === 'object' && error !== null && Object.isExtensible(error) ? Object.assign(error, failure) : Object.assign(new Error(String(error)), failure);
}
