/**
 * The local credential endpoint: an HTTP server on 127.0.0.1 that speaks the AWS container credentials
 * protocol, so a long-running program refreshes its own credentials instead of holding keys that
 * expire. Every AWS SDK and both AWS CLIs read it from two variables (endpoint-environment.ts):
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI` (a grant's `uri`) and `AWS_CONTAINER_AUTHORIZATION_TOKEN` (its
 * `token`), and ask `GET uri` with `Authorization: token` whenever their credentials near expiry.
 *
 * Hosting (`latchkey serve NAME`, `latchkey exec --server NAME -- CMD`, the tray app):
 *
 *   const endpoint = await startEndpoint({ credentials: (name, requester) => engine.credentialsAndRegion(name, requester) });
 *   const grant = await endpoint.grant('dev', 'exec terraform'); // gets the session now: MFA asked here
 *   runChild(cmd, args, endpointEnvironment(process.env, grant));
 *   …
 *   endpoint.revoke(grant.id); // or endpoint.close() when the host ends
 *
 * - `credentials` is the host's session source, the SessionEngine's `credentialsAndRegion` or a
 *   BrokerHost's `credentials`: it caches, renews before the renewal window (≥ 15 min, botocore's own
 *   advisory window, so botocore asks exactly when the engine renews; the JavaScript SDK asks 5 min
 *   before Expiration) and single-flights, so any number of requests cost one STS call per renewal and
 *   at most one MFA prompt. The endpoint adds no cache of its own.
 * - `grant` asks for the session before it returns. The SDKs wait 1 s (JavaScript) or 2 s (botocore)
 *   for an answer, far too short for an MFA prompt: the first prompt must come from the host, before
 *   the program starts. Later renewals reuse the MFA session; when that has expired too, the prompt
 *   appears while the program keeps its current credentials (botocore until 10 min before they
 *   expire), and its next refresh after the person answered gets the new session.
 * - `grants()` lists what `latchkey status` and the tray show: name, requester, since, never a token.
 * - A failure to get a session answers 503 `{"Code": the LatchkeyError code, "Message": its message}`
 *   (botocore shows the body in its error; the JavaScript SDK only "Could not load credentials") and
 *   is repeated for FAILURE_HOLD_MS to the SDKs' automatic retries rather than asked again.
 * - Tools read container credentials only after the environment and the profile files: keys in
 *   `[default]` of ~/.aws/credentials (Latchkey's own active target profile, by default) win over the
 *   endpoint in botocore and the JavaScript SDK (sdk-clients.test.ts shows it). endpointEnvironment removes what it can (variables); the host should warn
 *   when the profile the child would use holds keys.
 * - The URI is http://127.0.0.1:PORT, the one loopback form every client takes: older botocore (the AWS
 *   CLI v2.9 of Debian 12) accepts only 127.0.0.1, localhost and 169.254.170.2 over plain http, and
 *   `localhost` may resolve to ::1 where nothing listens. That CLI also ignores
 *   AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE, so the token goes in AWS_CONTAINER_AUTHORIZATION_TOKEN; a
 *   token file, for tools that read one, must hold the token alone (botocore refuses a newline).
 *
 * Refusals (endpoint-refusals.ts, check-request.ts) answer a small JSON body and close the connection;
 * no request can stop the endpoint or delay another one.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { systemClock, type Clock } from '../clock';
import type { Session } from '../sts/credentials';
import { LatchkeyError, isLatchkeyError } from '../../shared/errors';
import { checkRequest } from './check-request';
import { containerCredentials } from './container-credentials';
import { EndpointGrants, type Grant } from './endpoint-grants';
import { FAILURE_HOLD_MS, MAX_HEADER_BYTES, REQUEST_DEADLINE_MS } from './endpoint-limits';
import { REFUSALS, type Refusal } from './endpoint-refusals';
import { grantPath } from './grant-path';

/** The host's session source; `requester` is shown in the MFA prompt. */
export type CredentialsPort = (name: string, requester: string) => Promise<{ session: Session; region?: string }>;

export interface EndpointOptions {
  credentials: CredentialsPort;
  /** A fixed port (a `--port` the person chose); a free one when omitted. */
  port?: number;
  clock?: Clock;
}

/** A grant as issued: the only time its token is seen. */
export interface IssuedGrant extends Grant {
  /** The value of AWS_CONTAINER_AUTHORIZATION_TOKEN. */
  token: string;
  /** The value of AWS_CONTAINER_CREDENTIALS_FULL_URI. */
  uri: string;
  /** The region tools should use with the name's session, when it has one. */
  region?: string;
}

export interface CredentialEndpoint {
  /** The port on 127.0.0.1. */
  readonly port: number;
  /** Gets the name's session (asking for MFA if need be), then grants it to `requester`. */
  grant(name: string, requester: string): Promise<IssuedGrant>;
  /** Revokes a grant by its id; false when no live grant has it. */
  revoke(id: string): boolean;
  grants(): Grant[];
  /** Stops listening and drops every connection and grant. */
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

export async function startEndpoint(options: EndpointOptions): Promise<CredentialEndpoint> {
  const clock = options.clock ?? systemClock;
  const grants = new EndpointGrants();
  const failures = new Map<string, { until: number; refusal: Refusal }>();
  /** Sockets with a response under way: a parse error there must not write into it. */
  const answering = new Set<Socket>();
  let authority = '';
  let closed = false;

  /** The name's session, or the refusal a failure to get it became (held for the SDKs' retries). */
  async function sessionOf(name: string, requester: string): Promise<Session | Refusal> {
    const held = failures.get(name);
    if (held && held.until > clock.now()) return held.refusal;
    try {
      const { session } = await options.credentials(name, requester);
      failures.delete(name);
      return session;
    } catch (error) {
      const refusal = failed(name, error);
      failures.set(name, { until: clock.now() + FAILURE_HOLD_MS, refusal });
      return refusal;
    }
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const checked = checkRequest(request, authority);
    if ('refusal' in checked) return refuse(response, checked.refusal);
    const check = () => grants.check(checked.id, checked.token);
    const first = check();
    if (first.outcome !== 'granted') return refuse(response, first.outcome === 'revoked' ? REFUSALS.revoked : REFUSALS.invalidToken);
    const found = await sessionOf(first.grant.name, first.grant.requester);
    if ('status' in found) return refuse(response, found);
    // Revoked, or the endpoint closed, while the session was being made.
    if (check().outcome !== 'granted') return refuse(response, REFUSALS.revoked);
    send(response, 200, containerCredentials(found), {});
  }

  const server = createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      requestTimeout: REQUEST_DEADLINE_MS,
      headersTimeout: REQUEST_DEADLINE_MS,
      // Node enforces both deadlines only when it checks (every 30 s by default).
      connectionsCheckingInterval: REQUEST_DEADLINE_MS / 10,
      // A request without Host gets our own 421 rather than Node's empty 400.
      requireHostHeader: false,
    },
    (request, response) => {
      // Whatever body was sent is read and dropped (within the request deadline): closing a connection
      // with unread bytes resets it, and the client would lose the refusal.
      request.resume();
      answering.add(request.socket);
      response.once('close', () => answering.delete(request.socket));
      answer(request, response).catch(() => response.destroy());
    },
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || answering.has(socket)) return void socket.destroy();
    const refusal =
      error.code === 'HPE_HEADER_OVERFLOW' ? REFUSALS.headersTooLarge : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? REFUSALS.timeout : REFUSALS.malformed;
    socket.end(rawResponse(refusal));
  });
  // Past listen, an error of the server itself would crash the host with no listener.
  const listening = new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK, port: options.port ?? 0, exclusive: true }, () => {
      server.off('error', reject);
      server.on('error', () => undefined);
      resolve();
    });
  });
  try {
    await listening;
  } catch (error) {
    throw new LatchkeyError('invalid-input', `cannot serve credentials on ${LOOPBACK}:${options.port ?? 0}: ${listenProblem(error)}`, { cause: error });
  }
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new LatchkeyError('internal', 'the credential endpoint has no port');
  const port = address.port;
  authority = `${LOOPBACK}:${port}`;

  return {
    port,
    async grant(name, requester) {
      if (closed) throw new LatchkeyError('internal', 'the credential endpoint is closed');
      // Asked straight, not through the failure hold: a grant is a person's new request.
      const { region } = await options.credentials(name, requester);
      failures.delete(name);
      if (closed) throw new LatchkeyError('internal', 'the credential endpoint is closed');
      const { grant, token } = grants.issue(name, requester, new Date(clock.now()));
      return { ...grant, token, uri: `http://${authority}${grantPath(grant.id)}`, ...(region ? { region } : {}) };
    },
    revoke: (id) => grants.revoke(id),
    grants: () => grants.list(),
    async close() {
      if (closed) return;
      closed = true;
      for (const grant of grants.list()) grants.revoke(grant.id);
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await done;
    },
  };
}

/** A failure to get a session as a 503 a person can act on: ours verbatim, anything else without its text. */
function failed(name: string, error: unknown): Refusal {
  if (isLatchkeyError(error)) return { status: 503, Code: error.code, Message: error.message };
  return { status: 503, Code: 'internal', Message: `Latchkey failed unexpectedly while getting the session of "${name}"` };
}

function refuse(response: ServerResponse, refusal: Refusal): void {
  send(response, refusal.status, JSON.stringify({ Code: refusal.Code, Message: refusal.Message }), { ...refusal.headers, Connection: 'close' });
}

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', ...headers });
  response.end(body);
}

/** A refusal written straight onto a socket whose request Node could not parse. */
function rawResponse(refusal: Refusal): string {
  const body = JSON.stringify({ Code: refusal.Code, Message: refusal.Message });
  return (
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`
  );
}

function listenProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return 'the port is in use: choose another, or none for a free one';
  if (code === 'EACCES') return 'this user may not listen on that port: choose one above 1023';
  return (error as Error).message;
}
