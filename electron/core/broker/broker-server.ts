/**
 * The per-user broker: a Unix socket (on Windows a named pipe, found through a record file: see
 * pipe-trust-win32.ts) that answers one newline-delimited JSON request per connection. Every request is
 * parsed with the shared schema; a connection that sends too much, too slowly or garbage gets an error
 * reply or is dropped, and never disturbs the others.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { chmod, rm } from 'node:fs/promises';
import * as v from 'valibot';
import {
  BROKER_PROTOCOL,
  brokerRequestSchema,
  MAX_BROKER_MESSAGE_BYTES,
  REPLY_TOO_LARGE,
  type BrokerProgress,
  type BrokerReply,
  type BrokerRequest,
} from '../../shared/broker-contract';
import { LatchkeyError, describeError, isLatchkeyError } from '../../shared/errors';
import type { BrokerHost } from './broker-host';
import { freshPipeName, isPipeName, pipeTrust, removePipeRecord, writePipeRecord } from './pipe-trust-win32';
import type { PromptEvent, WatchedPrompt } from './watched-prompt';

export interface BrokerServerOptions {
  socketPath: string;
  /** How long a client may take to send its request. */
  requestTimeoutMs?: number;
  /** The host engine's MFA prompt: its questions are announced to the callers waiting for a session. */
  prompt?: Pick<WatchedPrompt, 'watch'>;
  /** One line per request served or failed, for `latchkey agent` to print (never a secret). */
  served?: (event: ServedEvent) => void;
  /** A credential endpoint registered or released its grant (the tray lists them). */
  registered?: () => void;
}

export interface ServedEvent {
  name: string;
  requester: string;
  /** The session's expiry, or the error's message. */
  outcome: { expiration: Date } | { error: string };
}

export class BrokerServer {
  readonly #server: Server;
  readonly #connections = new Set<Socket>();
  readonly #requestTimeoutMs: number;
  /** Connections waiting for a session: each hears where an MFA code is being asked. */
  readonly #waiting = new Set<Socket>();
  /** On Windows, the pipe served for a record file address. */
  #pipe: string | undefined;

  constructor(
    private readonly host: BrokerHost,
    private readonly options: BrokerServerOptions,
  ) {
    this.#requestTimeoutMs = options.requestTimeoutMs ?? 5_000;
    this.#server = createServer((socket) => this.#accept(socket));
    options.prompt?.watch((event) => this.#announce(event));
  }

  /** Listens, replacing a socket left behind by a broker that died; refuses if a live broker answers there. */
  async listen(): Promise<void> {
    const { socketPath } = this.options;
    const alreadyServing = () => new LatchkeyError('broker', `another Latchkey broker (the app or \`latchkey agent\`) is already serving ${socketPath}`);
    if (process.platform === 'win32' && !isPipeName(socketPath)) {
      // A record file naming a fresh pipe, written once the pipe is served (pipe-trust-win32.ts).
      const current = pipeTrust(socketPath);
      if (typeof current === 'object' && 'address' in current && (await answers(current.address))) throw alreadyServing();
      this.#pipe = await freshPipeName();
      await this.#bind(this.#pipe);
      await writePipeRecord(socketPath, this.#pipe).catch(async (error: unknown) => {
        await new Promise((resolve) => this.#server.close(resolve)); // a pipe no client could find
        throw error;
      });
      return;
    }
    try {
      await this.#bind(socketPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      if (await answers(socketPath)) throw alreadyServing();
      await rm(socketPath, { force: true });
      await this.#bind(socketPath);
    }
    if (process.platform !== 'win32') await chmod(socketPath, 0o600);
  }

  async close(): Promise<void> {
    for (const socket of this.#connections) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    // The server removes its Unix socket on close; make sure of it even after an error. A pipe's record
    // goes too, so no client looks for a pipe that anyone may now create.
    if (this.#pipe !== undefined) await removePipeRecord(this.options.socketPath, this.#pipe);
    else if (process.platform !== 'win32') await rm(this.options.socketPath, { force: true });
  }

  #bind(path: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.#server.once('error', onError);
      this.#server.listen(path, () => {
        this.#server.off('error', onError);
        resolve();
      });
    });
  }

  #accept(socket: Socket): void {
    this.#connections.add(socket);
    // A deadline for the whole request, not an idle timeout: a client dripping bytes is dropped too.
    const deadline = setTimeout(() => socket.destroy(), this.#requestTimeoutMs);
    socket.on('close', () => {
      clearTimeout(deadline);
      this.#connections.delete(socket);
    });
    socket.on('error', () => socket.destroy());

    let received = '';
    let answered = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      if (answered) return;
      received += chunk;
      const end = received.indexOf('\n');
      if (end === -1 && Buffer.byteLength(received) <= MAX_BROKER_MESSAGE_BYTES) return;
      answered = true;
      clearTimeout(deadline);
      const line = end === -1 ? undefined : received.slice(0, end);
      void this.#answer(line, socket).then((reply) => {
        this.#waiting.delete(socket);
        if (!socket.destroyed) socket.end(`${replyLine(reply)}\n`);
      });
    });
  }

  async #answer(line: string | undefined, socket: Socket): Promise<BrokerReply> {
    try {
      if (line === undefined || Buffer.byteLength(line) > MAX_BROKER_MESSAGE_BYTES)
        throw new LatchkeyError('broker', `request larger than ${MAX_BROKER_MESSAGE_BYTES} bytes`);
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new LatchkeyError('broker', 'request is not JSON');
      }
      const parsed = v.safeParse(brokerRequestSchema(), json);
      if (!parsed.success) throw new LatchkeyError('broker', `malformed request: ${v.summarize(parsed.issues).split('\n')[0]}`);
      return await this.#serve(parsed.output, socket);
    } catch (error) {
      return { ok: false, error: { code: isLatchkeyError(error) ? error.code : 'internal', message: describeError(error) } };
    }
  }

  async #serve(request: BrokerRequest, socket: Socket): Promise<BrokerReply> {
    if (request.protocol !== BROKER_PROTOCOL)
      throw new LatchkeyError('broker', `the broker speaks protocol ${BROKER_PROTOCOL}, the client ${request.protocol}: restart the app or agent after upgrading`);
    switch (request.type) {
      case 'status':
        return { ok: true, status: await this.host.status(), grants: this.host.grants.list() };
      case 'grant': {
        const grant = this.host.grants.add(request.name, request.requester);
        this.options.registered?.();
        return { ok: true, grant };
      }
      case 'release': {
        const released = this.host.grants.release(request.grant);
        this.options.registered?.();
        return { ok: true, released };
      }
      case 'forget':
        return { ok: true, forgotten: await this.host.forget(request.name) };
      case 'credentials': {
        this.#waiting.add(socket);
        const { session, region } = await this.host.credentials(request.name, request.requester, request.grant).catch((error: unknown) => {
          this.options.served?.({ name: request.name, requester: request.requester, outcome: { error: describeError(error) } });
          throw error;
        });
        this.options.served?.({ name: request.name, requester: request.requester, outcome: { expiration: session.expiration } });
        return {
          ok: true,
          credentials: {
            accessKeyId: session.accessKeyId,
            secretAccessKey: session.secretAccessKey,
            sessionToken: session.sessionToken,
            expiration: session.expiration.toISOString(),
          },
          ...(region ? { region } : {}),
        };
      }
    }
  }

  /** Tells every caller waiting for a session where the person is being asked (or that auto-MFA waits). */
  #announce(event: PromptEvent): void {
    const progress: BrokerProgress =
      event.kind === 'mfa' ? { progress: 'mfa', where: this.host.kind } : { progress: 'fresh-code', where: this.host.kind, waitMs: Math.round(event.waitMs) };
    for (const socket of this.#waiting) if (!socket.destroyed) socket.write(`${JSON.stringify(progress)}\n`);
  }
}

/**
 * The reply as one line of JSON. One over the message limit, which no client would read (a session token
 * of megabytes), becomes an error the client recognises: it then works without the broker.
 */
function replyLine(reply: BrokerReply): string {
  const line = JSON.stringify(reply);
  const bytes = Buffer.byteLength(line);
  if (bytes <= MAX_BROKER_MESSAGE_BYTES) return line;
  const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
  const message = `the Latchkey broker cannot relay this answer: it is ${kb(bytes)}, more than its limit of ${kb(MAX_BROKER_MESSAGE_BYTES)}`;
  return JSON.stringify({ ok: false, error: { code: REPLY_TOO_LARGE, message } } satisfies BrokerReply);
}

/** Whether something is listening on the socket (a live broker) rather than a file left by a dead one. */
function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createConnection(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}
