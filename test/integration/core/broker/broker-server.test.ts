import { spawn } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { askBroker as askBrokerWith, type AskOptions } from '../../../../electron/core/broker/broker-client';
import type { BrokerHost } from '../../../../electron/core/broker/broker-host';
import { BrokerServer } from '../../../../electron/core/broker/broker-server';
import { BROKER_PROTOCOL, MAX_BROKER_MESSAGE_BYTES, type BrokerRequest } from '../../../../electron/shared/broker-contract';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { tempFolders } from '../../../helpers/temp-folders';
import { GrantsHeld } from '../../../../electron/core/broker/endpoint-grants-held';

const expiration = new Date('2030-01-01T00:00:00.000Z');
const temp = tempFolders();

/** Every broker here is ours, in a private folder: a notice would mean the client ignored one. */
const askBroker = (socketPath: string, request: BrokerRequest, options?: AskOptions) =>
  askBrokerWith(socketPath, request, (message) => expect.fail(`unexpected notice: ${message}`), options);

function fakeHost(): BrokerHost & { asked: string[] } {
  const asked: string[] = [];
  return {
    kind: 'agent',
    grants: new GrantsHeld(),
    asked,
    async credentials(name, requester) {
      asked.push(`${name} by ${requester}`);
      if (name === 'denied') throw new LatchkeyError('sts-denied', 'role denied is not allowed: ask an admin');
      return { session: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token', expiration }, region: 'eu-west-1' };
    },
    async status() {
      return [{ name: 'dev', expiration: expiration.toISOString() }];
    },
    async forget(name) {
      asked.push(`forget ${name ?? 'all'}`);
      return name === undefined ? ['dev', 'alice'] : [name];
    },
  };
}

const servers: BrokerServer[] = [];
async function start(options: { requestTimeoutMs?: number } = {}) {
  const folder = temp('broker');
  const socketPath = join(folder, 'broker.sock');
  const host = fakeHost();
  const server = new BrokerServer(host, { socketPath, ...options });
  await server.listen();
  servers.push(server);
  return { server, socketPath, host };
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Sends raw bytes and collects whatever comes back until the broker closes the connection. */
function raw(socketPath: string, send: (socket: ReturnType<typeof createConnection>) => void): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
    socket.on('connect', () => send(socket));
  });
}

describe('broker over a real socket', () => {
  it('answers credentials and status requests', async () => {
    const { socketPath, host } = await start();
    expect(await askBroker(socketPath, { type: 'credentials', protocol: BROKER_PROTOCOL, name: 'dev', requester: 'credential_process dev' })).toEqual({
      ok: true,
      credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token', expiration: expiration.toISOString() },
      region: 'eu-west-1',
    });
    expect(host.asked).toEqual(['dev by credential_process dev']);
    expect(await askBroker(socketPath, { type: 'status', protocol: BROKER_PROTOCOL })).toEqual({
      ok: true,
      status: [{ name: 'dev', expiration: expiration.toISOString() }],
      grants: [],
    });
    expect(await askBroker(socketPath, { type: 'forget', protocol: BROKER_PROTOCOL, name: 'dev' })).toEqual({ ok: true, forgotten: ['dev'] });
    expect(await askBroker(socketPath, { type: 'forget', protocol: BROKER_PROTOCOL })).toEqual({ ok: true, forgotten: ['dev', 'alice'] });
    expect(host.asked.slice(1)).toEqual(['forget dev', 'forget all']);
  });

  it('passes the host error through as a reply the client reports', async () => {
    const { socketPath } = await start();
    const reply = await askBroker(socketPath, { type: 'credentials', protocol: BROKER_PROTOCOL, name: 'denied', requester: 'test' });
    expect(reply).toEqual({ ok: false, error: { code: 'sts-denied', message: 'role denied is not allowed: ask an admin' } });
  });

  it('socket file is 0600 (its folder is the caller’s 0700 runtime folder)', async () => {
    const { socketPath } = await start();
    expect(statSync(socketPath).mode & 0o777).toBe(0o600);
  });

  it('garbage, unknown types, wrong protocol and oversized requests get error replies and the broker keeps serving', async () => {
    const { socketPath } = await start();
    const replies = await Promise.all([
      raw(socketPath, (s) => s.write('this is not json\n')),
      raw(socketPath, (s) => s.write('{"type":"shell","protocol":1}\n')),
      raw(socketPath, (s) => s.write('{"type":"credentials","protocol":1,"name":"a]b","requester":"x"}\n')),
      raw(socketPath, (s) => s.write('{"type":"status","protocol":99}\n')),
      raw(socketPath, (s) => s.write('x'.repeat(MAX_BROKER_MESSAGE_BYTES + 10))),
      raw(socketPath, (s) => s.write(Buffer.from([0xff, 0xfe, 0x00, 0x0a]))),
    ]);
    for (const reply of replies) expect(JSON.parse(reply)).toMatchObject({ ok: false, error: { code: 'broker' } });
    expect(JSON.parse(replies[4] ?? '').error.message).toContain('larger than');
    expect(await askBroker(socketPath, { type: 'status', protocol: BROKER_PROTOCOL })).toMatchObject({ ok: true });
  });

  it('drops half-open and slow clients after the request timeout without wedging others', async () => {
    const { socketPath } = await start({ requestTimeoutMs: 300 });
    const started = Date.now();
    const halfOpen = raw(socketPath, (s) => s.write('{"type":"status"'));
    const slow = raw(socketPath, (s) => {
      const drip = setInterval(() => (s.writable ? s.write(' ') : clearInterval(drip)), 100);
    });
    expect(await askBroker(socketPath, { type: 'status', protocol: BROKER_PROTOCOL })).toMatchObject({ ok: true });
    expect(await halfOpen).toBe('');
    expect(await slow).toBe('');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('close removes the socket; a stale socket file from a dead broker does not block the next one', async () => {
    const { server, socketPath } = await start();
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    expect(existsSync(socketPath)).toBe(false);
    expect(await askBroker(socketPath, { type: 'status', protocol: BROKER_PROTOCOL })).toBeUndefined();

    // A socket file nobody listens on, as a SIGKILLed broker leaves it.
    const holder = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(socketPath)}, () => console.log('up'))`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(existsSync(socketPath)).toBe(true);
    const next = new BrokerServer(fakeHost(), { socketPath });
    await next.listen();
    servers.push(next);
    expect(await askBroker(socketPath, { type: 'status', protocol: BROKER_PROTOCOL })).toMatchObject({ ok: true });
  });

  it('refuses to start where a live broker already answers', async () => {
    const { socketPath } = await start();
    const second = new BrokerServer(fakeHost(), { socketPath });
    await expect(second.listen()).rejects.toThrow('already serving');
    expect(await askBroker(socketPath, { type: 'status', protocol: BROKER_PROTOCOL })).toMatchObject({ ok: true });
  });

  it('the client treats a missing socket or a non-socket file as nobody listening', async () => {
    const folder = temp('broker');
    expect(await askBroker(join(folder, 'none.sock'), { type: 'status', protocol: BROKER_PROTOCOL })).toBeUndefined();
    writeFileSync(join(folder, 'file.sock'), '');
    expect(await askBroker(join(folder, 'file.sock'), { type: 'status', protocol: BROKER_PROTOCOL })).toBeUndefined();
  });
});

describe('the client facing a broker that misbehaves', () => {
  /** A listener that answers every connection with `answer`, in place of a broker. */
  async function impostor(answer: (socket: Socket) => void): Promise<string> {
    const folder = temp('broker');
    const socketPath = join(folder, 'broker.sock');
    const server = createServer((socket) => socket.once('data', () => answer(socket)));
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    impostors.push(server);
    return socketPath;
  }
  const impostors: Server[] = [];
  afterEach(async () => {
    await Promise.all(impostors.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });
  const ask = (socketPath: string) => askBroker(socketPath, { type: 'credentials', protocol: BROKER_PROTOCOL, name: 'dev', requester: 'test' });
  const credentials = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token', expiration: expiration.toISOString() };

  it('takes the reply at its newline, even when the connection stays open', async () => {
    const socketPath = await impostor((socket) => socket.write(`${JSON.stringify({ ok: true, credentials })}\n`));
    expect(await ask(socketPath)).toEqual({ ok: true, credentials });
  });

  it('takes a reply split over several writes', async () => {
    const line = `${JSON.stringify({ ok: true, credentials })}\n`;
    const socketPath = await impostor((socket) => {
      socket.write(line.slice(0, 20));
      setTimeout(() => socket.end(line.slice(20)), 50);
    });
    expect(await ask(socketPath)).toEqual({ ok: true, credentials });
  });

  it.each([
    ['a reply that is not JSON', (socket: Socket) => socket.end('{"ok":tru\n'), 'sent a reply that is not JSON'],
    ['a reply outside the contract', (socket: Socket) => socket.end(`${JSON.stringify({ ok: true, credentials: { ...credentials, expiration: 'soon' } })}\n`), 'sent a malformed reply'],
    ['an extra field', (socket: Socket) => socket.end(`${JSON.stringify({ ok: true, credentials, shell: 'rm -rf /' })}\n`), 'sent a malformed reply'],
    ['no newline before closing', (socket: Socket) => socket.end(JSON.stringify({ ok: true, credentials })), 'closed without a valid reply'],
    ['nothing at all', (socket: Socket) => socket.end(), 'closed without answering'],
    ['more than the size limit', (socket: Socket) => socket.write('x'.repeat(MAX_BROKER_MESSAGE_BYTES + 10)), 'sent an oversized reply'],
    ['more than the size limit before its newline', (socket: Socket) => socket.end(`"${'x'.repeat(MAX_BROKER_MESSAGE_BYTES + 10)}"\n`), 'sent an oversized reply'],
  ])('reports %s as a broker error', async (_case, answer, message) => {
    const socketPath = await impostor(answer);
    const error = await ask(socketPath).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LatchkeyError);
    expect((error as LatchkeyError).code).toBe('broker');
    expect((error as LatchkeyError).message).toBe(`the Latchkey broker at ${socketPath} ${message}`);
  });

  it('gives up on a broker that accepts but never answers, after the reply timeout', async () => {
    const socketPath = await impostor(() => undefined);
    const error = await askBroker(socketPath, { type: 'status', protocol: BROKER_PROTOCOL }, { replyTimeoutMs: 200 }).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('did not answer within');
  });
});
