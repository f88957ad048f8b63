/**
 * The CLI's side of the broker. `undefined` means nothing is listening, and the caller works standalone;
 * a broker that answers — even with an error — is believed, never bypassed.
 */
import { existsSync } from 'node:fs';
import * as v from 'valibot';
import { BrokerReplySchema, MAX_BROKER_MESSAGE_BYTES, type BrokerReply, type BrokerRequest } from '../../shared/broker-contract';
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
    let received = '';
    let timer = setTimeout(() => finish(undefined), connectTimeoutMs);

    const finish = (outcome: BrokerReply | undefined | string) => {
      clearTimeout(timer);
      socket.destroy();
      if (typeof outcome === 'string') reject(new LatchkeyError('broker', `the Latchkey broker at ${socketPath} ${outcome}`));
      else resolve(outcome);
    };

    socket.setEncoding('utf8');
    // Queued now, sent the moment the connection is made: the broker starts on it without waiting for
    // this process to see the connection.
    socket.write(`${JSON.stringify(request)}\n`);
    socket.once('connect', () => {
      connected = true;
      clearTimeout(timer);
      timer = setTimeout(() => finish(`did not answer within ${Math.round(replyTimeoutMs / 1000)} s`), replyTimeoutMs);
    });
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (Buffer.byteLength(received) > MAX_BROKER_MESSAGE_BYTES) finish('sent an oversized reply');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      finish(!connected && NOBODY_LISTENING.has(error.code ?? '') ? undefined : `failed: ${error.message}`);
    });
    socket.once('end', () => {
      let json: unknown;
      try {
        json = JSON.parse(received.split('\n')[0] ?? '');
      } catch {
        return finish('closed without a valid reply');
      }
      const parsed = v.safeParse(BrokerReplySchema, json);
      finish(parsed.success ? parsed.output : 'sent a malformed reply');
    });
  });
}
