/**
 * The CLI's side of the broker. `undefined` means work standalone: nothing is listening, the socket is
 * not one to trust, or the answer is too large to relay (the last two with a notice saying so). A trusted
 * broker that answers — even with an error — is believed, never bypassed.
 */
import { lstatSync } from 'node:fs';
import { dirname } from 'node:path';
import * as v from 'valibot';
import {
  MAX_BROKER_MESSAGE_BYTES,
  PROGRESS_START,
  REPLY_TOO_LARGE,
  brokerProgressSchema,
  brokerReplySchema,
  type BrokerProgress,
  type BrokerReply,
  type BrokerRequest,
} from '../../shared/broker-contract';
import { LatchkeyError } from '../../shared/errors';
import { namedFolderProblem, privateFolderProblem } from '../fs/runtime-folder';
import { BROKER_REPLY_MS } from '../timeouts';
import { pipeTrust, type BrokerTrust } from './pipe-trust-win32';

export interface AskOptions {
  /** Nothing listening fails at once; a wedged listener gets this long to accept. */
  connectTimeoutMs?: number;
  /** Long enough for the host to show an MFA prompt (2 minutes) and call STS. */
  replyTimeoutMs?: number;
  /**
   * The person named this socket (the variable's name, LATCHKEY_BROKER): it is used whatever this
   * machine holds, so a broker that is not there, or not to be trusted, is an error rather than a
   * reason to work standalone. Its folder need not be private (namedFolderProblem).
   */
  named?: string;
}

const NOTHING_ANSWERS = 'nothing answers there; start the Latchkey app or `latchkey agent` on the machine it leads to, and check the forwarding (ssh -R)';
/** The cause of a connection that ended before any answer: with a named broker, nothing is behind the socket. */
const SILENT = 'silent';

/** Connection errors that mean no broker is running, rather than a broker in trouble. */
const NOBODY_LISTENING = new Set(['ENOENT', 'ECONNREFUSED', 'ENOTSOCK']);

/**
 * Asks the broker at `socketPath`; `notice` gets one line (without the "latchkey: " prefix) whenever a
 * broker is there but not used, and once while the host asks the person for an MFA code, saying where.
 */
export async function askBroker(
  socketPath: string,
  request: BrokerRequest,
  notice: (message: string) => void,
  options: AskOptions = {},
): Promise<BrokerReply | undefined> {
  const { named } = options;
  const unusable = (why: string) => new LatchkeyError('broker', `${named}=${socketPath}: ${why}`);
  // Checked before loading node:net, which a standalone run would otherwise load for nothing.
  const trust = process.platform === 'win32' ? pipeTrust(socketPath) : socketTrust(socketPath, named !== undefined);
  if (trust === 'absent') {
    if (named) throw unusable('no Latchkey broker is there; start the Latchkey app or `latchkey agent` on the machine it leads to, and check the forwarding (ssh -R)');
    return undefined;
  }
  if ('problem' in trust) {
    if (named) throw unusable(`not trusted: ${trust.problem}`);
    notice(`ignoring the broker at ${socketPath}: ${trust.problem}`);
    return undefined;
  }
  const reply = await exchange(trust.address, request, options, progressNotice(notice)).catch((error: unknown) => {
    // A forwarded socket with nothing behind it (ssh -R while the laptop's app is closed) accepts, then closes.
    if (named && error instanceof LatchkeyError && error.cause === SILENT) throw unusable(NOTHING_ANSWERS);
    throw error;
  });
  if (reply === undefined && named) throw unusable(NOTHING_ANSWERS);
  if (reply && !reply.ok && reply.error.code === REPLY_TOO_LARGE) {
    if (named) throw unusable(reply.error.message);
    notice(`${reply.error.message}; working without it`);
    return undefined;
  }
  return reply;
}

/**
 * Whether the socket may be asked for credentials: a socket (never followed through a symbolic link)
 * that is ours, in a folder that is ours and closed to everyone else. Two lstat calls, cheap enough for
 * the warm path. In a shared temp folder (XDG_RUNTIME_DIR unset) another user can create the folder's
 * name first and listen there; without this check every request would go to them, and their answer
 * would be believed.
 *
 * Why no SO_PEERCRED (or getpeereid): Node exposes neither, and the npm packages that do are native
 * modules (a build per Node and Electron ABI, or a prebuilt binary per platform) for what the file
 * system already proves. Binding a socket creates a file in the folder, which needs write permission
 * on it, and a 0700 folder that is ours grants that to us alone (and root, who could read our memory
 * anyway); nor can anyone else rename or link a socket into it. So a socket there is ours, and the owner
 * check on the socket itself is a second line, not the first.
 */
function socketTrust(socketPath: string, named: boolean): BrokerTrust {
  let socket;
  try {
    socket = lstatSync(socketPath);
  } catch {
    return 'absent'; // missing, or in a folder we cannot search: nobody we could reach
  }
  if (!socket.isSocket()) return 'absent';
  const folder = dirname(socketPath);
  let problem: string | undefined;
  try {
    problem = (named ? namedFolderProblem : privateFolderProblem)(folder, lstatSync(folder));
  } catch (error) {
    problem = `cannot check its folder ${folder}: ${(error as Error).message}`;
  }
  const uid = process.getuid?.();
  problem ??= socket.uid === uid ? undefined : `it belongs to another user (uid ${socket.uid}, you are ${uid}); remove it`;
  return problem === undefined ? { address: socketPath } : { problem };
}

/** One request and its reply over a new connection; `undefined` when nothing listens. */
async function exchange(socketPath: string, request: BrokerRequest, options: AskOptions, progress: (line: string) => void): Promise<BrokerReply | undefined> {
  const { createConnection } = await import('node:net');
  const connectTimeoutMs = options.connectTimeoutMs ?? 250;
  const replyTimeoutMs = options.replyTimeoutMs ?? BROKER_REPLY_MS;
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    let connected = false;
    const received: Buffer[] = [];
    let receivedBytes = 0;
    let timer = setTimeout(() => finish(undefined), connectTimeoutMs);

    /** A string is what went wrong; `silent`, a connection that ended before a single byte came back. */
    const finish = (outcome: BrokerReply | undefined | string | { silent: string }) => {
      clearTimeout(timer);
      // Closed on the next turn of the event loop, off the warm path: the CLI writes its answer and
      // exits before then.
      setImmediate(() => socket.destroy());
      if (typeof outcome === 'string') reject(new LatchkeyError('broker', `the Latchkey broker at ${socketPath} ${outcome}`));
      else if (outcome && 'silent' in outcome) reject(new LatchkeyError('broker', `the Latchkey broker at ${socketPath} ${outcome.silent}`, { cause: SILENT }));
      else resolve(outcome);
    };

    // Queued now, sent the moment the connection is made: the broker starts on it without waiting for
    // this process to see the connection.
    socket.write(`${JSON.stringify(request)}\n`);
    socket.once('connect', () => {
      connected = true;
      clearTimeout(timer);
      timer = setTimeout(() => finish(`did not answer within ${Math.round(replyTimeoutMs / 1000)} s`), replyTimeoutMs);
      // The request has gone out (its write was queued before this listener): build the reply's schema
      // while the broker works on it.
      brokerReplySchema();
    });
    // The reply is complete at its newline: read it there rather than wait for the broker to close.
    // Progress lines may come first, while the host asks for an MFA code.
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      receivedBytes += chunk.length;
      for (;;) {
        const newline = chunk.indexOf(10);
        const lineBytes = newline === -1 ? receivedBytes : receivedBytes - chunk.length + newline;
        if (lineBytes > MAX_BROKER_MESSAGE_BYTES) return finish('sent an oversized reply');
        if (newline === -1) return;
        const all = Buffer.concat(received, receivedBytes);
        const line = all.subarray(0, lineBytes).toString('utf8');
        if (!line.startsWith(PROGRESS_START)) return finish(parseReply(line));
        progress(line);
        chunk = all.subarray(lineBytes + 1);
        received.length = 0;
        received.push(chunk);
        receivedBytes = chunk.length;
      }
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (!connected && NOBODY_LISTENING.has(error.code ?? '')) return finish(undefined);
      finish(receivedBytes === 0 ? { silent: `failed: ${error.message}` } : `failed: ${error.message}`);
    });
    socket.once('end', () => finish(receivedBytes === 0 ? { silent: 'closed without answering' } : 'closed without a valid reply'));
  });
}

/** Turns progress lines into one notice per kind of wait (a retry asks again, and is not news). */
function progressNotice(notice: (message: string) => void): (line: string) => void {
  const told = new Set<string>();
  return (line) => {
    let progress: BrokerProgress;
    try {
      progress = v.parse(brokerProgressSchema(), JSON.parse(line));
    } catch {
      return; // a line we cannot read says nothing the reply will not
    }
    const where = progress.where === 'app' ? 'in the Latchkey app' : 'at the terminal running `latchkey agent`';
    const message =
      progress.progress === 'mfa'
        ? `waiting for the MFA code ${where}…`
        : `auto-MFA ${where} waits ${Math.ceil(progress.waitMs / 1000)} s for a fresh code…`;
    if (told.has(progress.progress)) return;
    told.add(progress.progress);
    notice(message);
  };
}

/** The reply, or why it is not one. */
function parseReply(line: string): BrokerReply | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return 'sent a reply that is not JSON';
  }
  const parsed = v.safeParse(brokerReplySchema(), json);
  return parsed.success ? parsed.output : 'sent a malformed reply';
}
