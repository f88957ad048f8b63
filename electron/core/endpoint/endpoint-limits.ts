/**
 * The endpoint's bounds, as the broker socket has its own (broker-server.ts): what a request may hold
 * and how long it may take to arrive. A credentials request is a GET of a few hundred bytes that every
 * SDK sends at once; the SDKs themselves give up on an answer after 1 s (JavaScript) or 2 s (botocore).
 */

/** All request headers together. The SDKs send under 1 KB; Node's default is 16 KB. */
export const MAX_HEADER_BYTES = 8 * 1024;

/** From connecting to the end of the request, as the broker allows for its one request line. */
export const REQUEST_DEADLINE_MS = 5_000;

/**
 * How long a failure to get a name's session is repeated to the requests that follow, instead of asking
 * again. The SDKs retry a failed fetch at once and quietly (botocore 3 attempts 1 s apart, the JavaScript
 * SDK 4 plus one more provider): without this, an MFA prompt the person cancelled would reappear four
 * times, and an STS outage would be hit five times as hard.
 */
export const FAILURE_HOLD_MS = 10_000;
