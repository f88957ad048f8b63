/**
 * What a request must be before its token is even looked at, checked in this order:
 *
 * - addressed to the exact address the endpoint listens on (`Host: 127.0.0.1:PORT`): a web page that
 *   rebinds its own DNS name to 127.0.0.1 sends its own name here (421);
 * - not from a browser: no `Origin`, no `Sec-Fetch-*` header, which browsers add and no SDK sends (403);
 * - a GET (405) without a body (413), with Host and Authorization at most once (400);
 * - for a grant's path (404), with an Authorization header (401).
 *
 * The Host check comes first, so a page in a browser learns nothing else, not even whether a path exists.
 */
import type { IncomingMessage } from 'node:http';
import { grantIdFromPath } from './grant-path';
import { REFUSALS, type Refusal } from './endpoint-refusals';

export type RequestHead = Pick<IncomingMessage, 'method' | 'url' | 'headersDistinct'>;

/** The grant id and the presented token of an acceptable request, or why it is refused. */
export function checkRequest(request: RequestHead, authority: string): { refusal: Refusal } | { id: string; token: string } {
  const headers = request.headersDistinct;
  const host = headers.host ?? [];
  if (host.length !== 1 || host[0] !== authority) return { refusal: REFUSALS.foreignHost(authority) };
  if (headers.origin !== undefined || Object.keys(headers).some((name) => name.startsWith('sec-fetch-'))) return { refusal: REFUSALS.browser };
  if (request.method !== 'GET') return { refusal: REFUSALS.method };
  if (headers['transfer-encoding'] !== undefined || (headers['content-length'] ?? ['0']).some((length) => length !== '0')) return { refusal: REFUSALS.body };
  const authorization = headers.authorization ?? [];
  if (authorization.length > 1) return { refusal: REFUSALS.duplicate };
  const id = grantIdFromPath(request.url ?? '');
  if (id === undefined) return { refusal: REFUSALS.notFound };
  const token = authorization[0];
  if (token === undefined || token === '') return { refusal: REFUSALS.noToken };
  return { id, token };
}
