/**
 * Every answer the endpoint gives instead of credentials: a status and a small JSON body
 * `{"Code","Message"}`, the shape the JavaScript SDK reads from a 4xx answer (it attaches Code and
 * Message to its error) and botocore prints whole in its error. Nothing in them comes from the request,
 * so no refusal echoes what a caller sent, and none holds a secret.
 */
import { MAX_HEADER_BYTES, REQUEST_DEADLINE_MS } from './endpoint-limits';

export interface Refusal {
  status: number;
  Code: string;
  Message: string;
  /** Extra response headers (Allow on a 405). */
  headers?: Record<string, string>;
}

const refusal = (status: number, Code: string, Message: string, headers?: Record<string, string>): Refusal => ({ status, Code, Message, ...(headers ? { headers } : {}) });

export const REFUSALS = {
  foreignHost: (authority: string) =>
    refusal(421, 'foreign-host', `this Latchkey credential endpoint answers only requests addressed to ${authority}`),
  browser: refusal(403, 'browser-request', 'this Latchkey credential endpoint refuses requests from web pages'),
  method: refusal(405, 'method-not-allowed', 'this Latchkey credential endpoint answers GET only', { Allow: 'GET' }),
  body: refusal(413, 'request-body', 'a credentials request has no body'),
  duplicate: refusal(400, 'bad-request', 'the request repeats a header that must appear once (Host, Authorization)'),
  notFound: refusal(404, 'not-found', 'no grant at this path: use the URI Latchkey gave with the token (AWS_CONTAINER_CREDENTIALS_FULL_URI)'),
  noToken: refusal(401, 'no-token', 'no Authorization header: send the token Latchkey gave with this endpoint (AWS_CONTAINER_AUTHORIZATION_TOKEN)'),
  invalidToken: refusal(403, 'invalid-token', 'the Authorization token is not valid for this path'),
  revoked: refusal(403, 'grant-revoked', 'this grant was revoked in Latchkey: ask for a new one'),
  headersTooLarge: refusal(431, 'headers-too-large', `request headers larger than ${MAX_HEADER_BYTES / 1024} KB`),
  timeout: refusal(408, 'request-timeout', `the request was not complete within ${REQUEST_DEADLINE_MS / 1000} s`),
  malformed: refusal(400, 'bad-request', 'malformed HTTP request'),
} as const;
