/**
 * The CLI's side of the broker. `undefined` means nothing is listening, and the caller works standalone;
 * a broker that answers — even with an error — is believed, never bypassed.
 */
import { existsSync } from 'node:fs';
import * as v from 'valibot';
import { MAX_BROKER_MESSAGE_BYTES, brokerReplySchema, type BrokerReply, type BrokerRequest } from '../../shared/broker-contract';
import { LatchkeyError } from '../../shared/errors';

export interface AskOptions {
  /** Nothing listening fails at once; a wedged listener gets this long to accept. */
  connectTimeoutMs?: number;
  /** Long enough for the host to show an MFA prompt (2 minutes) and call STS. */
  replyTimeoutMs?: number;
}

/** Connection errors that mean no broker is running, rather than a broker in trouble. */
const NOBODY_LISTENING = new Set(['ENOENT', 'ECONNREFUSED', 'ENOTSOCK']);

export async function askBroker(socketPath: string, request: BrokerRequest, options: AskOptions = {}): Promise<BrokerReply | undefined> {
  // No socket file, no broker: checked before loading node:net, which costs a standalone run milliseconds.
  if (process.platform !== 'win32' && !existsSync(socketPath)) return undefined;
  const { createConnection } = await import('node:net');
  const connectTimeoutMs = options.connectTimeoutMs ?? 250;
  const replyTimeoutMs = options.replyTimeoutMs ?? 190_000;
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    let connected = false;
    const received: Buffer[] = [];
    let receivedBytes = 0;
    let timer = setTimeout(() => finish(undefined), connectTimeoutMs);

    const finish = (outcome: BrokerReply | undefined | string) => {
      clearTimeout(timer);
      // Closed on the next turn of the event loop: closing costs the warm path half a millisecond, and
      // the CLI writes its answer and exits before then.
      setImmediate(() => socket.destroy());
      if (typeof outcome === 'string') reject(new LatchkeyError('broker', `the Latchkey broker at ${socketPath} ${outcome}`));
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
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      receivedBytes += chunk.length;
      const newline = chunk.indexOf(10);
      const lineBytes = newline === -1 ? receivedBytes : receivedBytes - chunk.length + newline;
      if (lineBytes > MAX_BROKER_MESSAGE_BYTES) finish('sent an oversized reply');
      else if (newline !== -1) finish(parseReply(Buffer.concat(received, lineBytes).toString('utf8')));
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      finish(!connected && NOBODY_LISTENING.has(error.code ?? '') ? undefined : `failed: ${error.message}`);
    });
    socket.once('end', () => finish('closed without a valid reply'));
  });
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
