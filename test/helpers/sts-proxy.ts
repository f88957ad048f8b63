/**
 * A tiny HTTP proxy on 127.0.0.1 in front of moto's STS: counts requests per STS Action (from the
 * form body or the query string) and misbehaves on demand — answers 500, answers a Throttling error,
 * hangs, trickles its answer a byte at a time, or gives a canned answer — so tests can watch retries,
 * single flight and fault handling over real HTTP. With every request answered by a fault it needs no
 * moto behind it (a fake STS). It forwards the Host header unchanged, so SigV4 signatures still verify
 * when moto checks them. Given the MFA device's seed, it checks codes as AWS does, which moto does not:
 * a TokenCode must be the device's code for the current time step or one either side, and is accepted
 * once; anything else gets AWS's AccessDenied.
 */
import { request as httpRequest, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { totpCode } from '../../electron/core/totp/totp-code';

/**
 * `drip-head` accepts the request and sends the status line and headers one byte every DRIP_MS, forever;
 * `drip-body` sends the headers at once (a long Content-Length) and then the body one byte every DRIP_MS;
 * an StsProxyAnswer is sent as it is, for any action (build it with credentialsXml or errorXml).
 */
export type StsProxyFault = 'server-error' | 'throttle' | 'hang' | 'drip-head' | 'drip-body' | StsProxyAnswer;

export interface StsProxyAnswer {
  status: number;
  body: string;
  contentType?: string;
}

export const DRIP_MS = 500;

export interface StsProxy {
  /** http://127.0.0.1:PORT: point AWS_ENDPOINT_URL_STS here. */
  url: string;
  /** Requests seen per Action, faulty answers included. */
  count(action: string): number;
  /** Answers the next `times` requests (all of them when omitted) with `fault` instead of forwarding. */
  misbehave(fault: StsProxyFault, times?: number): void;
  /** Forwards every request again and lets hanging ones go. */
  behave(): void;
  stop(): Promise<void>;
}

export const errorXml = (type: string, code: string, message: string) =>
  `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>${type}</Type><Code>${code}</Code>` +
  `<Message>${message}</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>`;

/** STS's answer to GetSessionToken or AssumeRole with a session that expires at `expiration`, as written. */
export function credentialsXml(action: 'GetSessionToken' | 'AssumeRole', expiration: string): string {
  const role =
    action === 'AssumeRole'
      ? '<AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:fake</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/dev/fake</Arn></AssumedRoleUser>'
      : '';
  return (
    `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><${action}Result>${role}<Credentials>` +
    `<AccessKeyId>ASIAFAKESTSEXAMPLE01</AccessKeyId><SecretAccessKey>fakeStsSecret/${'k'.repeat(26)}</SecretAccessKey>` +
    `<SessionToken>FakeStsSessionToken${'t'.repeat(40)}</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
    `</${action}Result><ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></${action}Response>`
  );
}

const MFA_REFUSED = errorXml('Sender', 'AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. ');

export async function startStsProxy(target: string, options: { mfaSeed?: string } = {}): Promise<StsProxy> {
  const counts = new Map<string, number>();
  const usedCodes = new Set<string>();
  const codeRefused = (form: URLSearchParams): boolean => {
    const code = form.get('TokenCode');
    if (options.mfaSeed === undefined || code === null) return false;
    const now = Date.now();
    const valid = [-30_000, 0, 30_000].map((offset) => totpCode(options.mfaSeed as string, now + offset).code);
    const key = `${form.get('SerialNumber')}:${code}`;
    if (!valid.includes(code) || usedCodes.has(key)) return true;
    usedCodes.add(key);
    return false;
  };
  const sockets = new Set<Socket>();
  let hanging: ServerResponse[] = [];
  const drips = new Set<NodeJS.Timeout>();
  const drip = (res: ServerResponse, bytes: string) => {
    let next = 0;
    const timer = setInterval(() => res.socket?.write(bytes[next++ % bytes.length] ?? ' '), DRIP_MS);
    drips.add(timer);
    res.once('close', () => (clearInterval(timer), drips.delete(timer)));
  };
  const stopDrips = () => {
    for (const timer of drips) clearInterval(timer);
    drips.clear();
  };
  let fault: StsProxyFault | undefined;
  let faultsLeft = 0;

  const server = createServer(async (req, res) => {
    const body = await read(req);
    const form = new URLSearchParams(body.toString('utf8'));
    const action = form.get('Action') ?? new URL(req.url ?? '/', 'http://proxy').searchParams.get('Action') ?? '(none)';
    counts.set(action, (counts.get(action) ?? 0) + 1);

    const now = fault !== undefined && faultsLeft > 0 ? fault : undefined;
    if (now) faultsLeft--;
    if (now === 'hang') {
      hanging.push(res);
      return;
    }
    if (now === 'server-error') {
      answer(res, 500, errorXml('Receiver', 'InternalFailure', 'We encountered an internal error. Please try again.'));
      return;
    }
    if (now === 'throttle') {
      answer(res, 400, errorXml('Sender', 'Throttling', 'Rate exceeded'));
      return;
    }
    if (now === 'drip-head') {
      // Straight onto the socket: a status line and an endless header, never finished.
      drip(res, `HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nX-Drip: ${'a'.repeat(4_000)}`);
      return;
    }
    if (now === 'drip-body') {
      res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': 1_000_000, Date: new Date().toUTCString() });
      res.flushHeaders();
      drip(res, ' ');
      return;
    }
    if (typeof now === 'object') {
      answer(res, now.status, now.body, now.contentType);
      return;
    }
    if (codeRefused(form)) {
      answer(res, 403, MFA_REFUSED);
      return;
    }
    forward(target, req, body, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the STS proxy has no port');

  return {
    url: `http://127.0.0.1:${address.port}`,
    count: (action) => counts.get(action) ?? 0,
    misbehave(next, times = Infinity) {
      fault = next;
      faultsLeft = times;
    },
    behave() {
      fault = undefined;
      stopDrips();
      for (const res of hanging) res.destroy();
      hanging = [];
    },
    async stop() {
      stopDrips();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function read(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function answer(res: ServerResponse, status: number, body: string, contentType = 'text/xml'): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), Date: new Date().toUTCString() });
  res.end(body);
}

function forward(target: string, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
  const upstream = httpRequest(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (reply) => {
    res.writeHead(reply.statusCode ?? 502, reply.headers);
    reply.pipe(res);
  });
  upstream.on('error', (error) => answer(res, 502, errorXml('Receiver', 'BadGateway', error.message)));
  upstream.end(body);
}
