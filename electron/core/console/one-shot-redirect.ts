/**
 * Hands a browser the console sign-in URL without putting it on any command line. A sign-in URL is a
 * credential, and a program's argv is readable by other users (/proc, `ps`) for as long as it runs —
 * and a browser started with a URL keeps it in its argv for its whole life. So the opener gets only
 * `http://127.0.0.1:PORT/<nonce>`, and this loopback server answers one GET of that path with a 302 to
 * the real URL, then closes.
 *
 * Everything else is a 404 that holds nothing: another path (a favicon), a second request, another
 * method, and a Host header other than 127.0.0.1:PORT (a page on another origin that got a name to
 * resolve to 127.0.0.1, DNS rebinding). None of those uses up the nonce, so a stray request cannot
 * stop the browser's own.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { LatchkeyError } from '../../shared/errors';
import { systemTimers, type Timers } from '../timers';

/**
 * How long the redirect waits for the browser. A browser starting cold on a new profile, or a system
 * opener asking which browser to use, takes seconds; past a minute nobody is waiting for this page any
 * more, and a port offering a credential should not stay open (the URL itself is good for 15 minutes).
 */
export const REDIRECT_WAIT_MS = 60_000;

/** 256 bits: a path no other local user (or page) can guess while the server listens. */
const NONCE_BYTES = 32;

export interface OneShotRedirect {
  /** `http://127.0.0.1:PORT/<nonce>`: what a browser's command line may hold. */
  readonly url: string;
  /**
   * Settles once the port is closed and every connection ended: true when the browser fetched `url`
   * and was sent on, false when the wait ran out or `close()` came first.
   */
  readonly served: Promise<boolean>;
  /** Withdraws the URL (the browser could not be started). */
  close(): void;
}

export async function oneShotRedirect(location: string, options: { waitMs?: number; timers?: Timers } = {}): Promise<OneShotRedirect> {
  const { waitMs = REDIRECT_WAIT_MS, timers = systemTimers } = options;
  const path = `/${randomBytes(NONCE_BYTES).toString('base64url')}`;
  let host = '';
  let used = false;
  /** Open connections and how many of their responses are still being written. */
  const connections = new Map<Socket, number>();
  let finished: boolean | undefined;

  const server = createServer((request, response) => {
    const socket = request.socket;
    connections.set(socket, (connections.get(socket) ?? 0) + 1);
    response.once('close', () => {
      const writing = connections.get(socket);
      if (writing === undefined) return;
      connections.set(socket, writing - 1);
      if (finished !== undefined && writing === 1) socket.destroy();
    });
    if (used || request.method !== 'GET' || request.url !== path || request.headers.host !== host) return notFound(response);
    used = true;
    response.writeHead(302, { Location: location, 'Content-Length': '0', ...PRIVATE }).end(() => finish(true));
  });
  server.on('connection', (socket: Socket) => {
    connections.set(socket, 0);
    socket.once('close', () => connections.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // A failure past listening (a connection that could not be accepted) withdraws the URL.
  server.removeAllListeners('error').on('error', () => finish(false));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new LatchkeyError('internal', 'the loopback redirect for the console sign-in has no port');
  host = `127.0.0.1:${address.port}`;

  let settle: (served: boolean) => void = () => undefined;
  const served = new Promise<boolean>((resolve) => (settle = resolve));
  // Bounds how long this port, and so the process, stays alive: served or not, and whatever a
  // connection that was left open does.
  const cancelDeadline = timers.after(waitMs, () => {
    finish(false);
    server.closeAllConnections();
  });
  server.once('close', () => {
    cancelDeadline();
    settle(finished === true);
  });

  /** No new connections; an idle one (a browser keeps them open, or opens one ahead) is ended now, a busy one once its answer is out. */
  function finish(result: boolean): void {
    if (finished !== undefined) return;
    finished = result;
    used = true;
    server.close();
    for (const [socket, writing] of connections) if (writing === 0) socket.destroy();
  }

  return { url: `http://${host}${path}`, served, close: () => (finish(false), server.closeAllConnections()) };
}

/** Nothing for a browser to keep, and no Referer sent on from the page it lands on. */
const PRIVATE = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/plain', Connection: 'close', ...PRIVATE }).end('Not found\n');
}
