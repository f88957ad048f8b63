/**
 * The broker client's checks before it connects (issue 11, item 2) and its answer to a reply too large
 * to relay (item 16), over real sockets in temp folders. The second user of the full attack is in
 * test/integration/faults/broker-trust.test.ts.
 */
import { chmodSync, chownSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { askBroker } from '../../../../electron/core/broker/broker-client';
import type { BrokerHost } from '../../../../electron/core/broker/broker-host';
import { BrokerServer } from '../../../../electron/core/broker/broker-server';
import { BROKER_PROTOCOL, credentialsRequest } from '../../../../electron/shared/broker-contract';
import { tempFolders } from '../../../helpers/temp-folders';
import { GrantsHeld } from '../../../../electron/core/broker/endpoint-grants-held';

const temp = tempFolders();

const status = { type: 'status', protocol: BROKER_PROTOCOL } as const;
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A listener that counts connections and never answers: any connection at all is the failure. */
async function listener(socketPath: string): Promise<{ connections: () => number }> {
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  return { connections: () => connections };
}

/** Asks, collecting notices. */
async function ask(socketPath: string) {
  const notices: string[] = [];
  const reply = await askBroker(socketPath, status, (message) => notices.push(message));
  return { reply, notices };
}

describe('the broker client trusts only a socket of ours in a private folder of ours', () => {
  it('refuses a folder open to others, before connecting', async () => {
    const folder = temp('client');
    const socketPath = join(folder, 'broker.sock');
    const listening = await listener(socketPath);
    chmodSync(folder, 0o777);
    expect(await ask(socketPath)).toEqual({
      reply: undefined,
      notices: [`ignoring the broker at ${socketPath}: ${folder} is open to other users (mode 777); run chmod 700 on it`],
    });
    expect(listening.connections()).toBe(0);
  });

  it('refuses a folder that is a symbolic link, even to a private folder of ours', async () => {
    const real = temp('client');
    const listening = await listener(join(real, 'broker.sock'));
    const link = join(temp('client'), 'run');
    symlinkSync(real, link);
    const socketPath = join(link, 'broker.sock');
    expect(await ask(socketPath)).toEqual({
      reply: undefined,
      notices: [`ignoring the broker at ${socketPath}: ${link} is not a folder (it is a file or a symbolic link); remove it and try again`],
    });
    expect(listening.connections()).toBe(0);
  });

  it('does not follow a symbolic link in place of the socket', async () => {
    const folder = temp('client');
    const listening = await listener(join(folder, 'real.sock'));
    symlinkSync(join(folder, 'real.sock'), join(folder, 'broker.sock'));
    expect(await ask(join(folder, 'broker.sock'))).toEqual({ reply: undefined, notices: [] });
    expect(listening.connections()).toBe(0);
  });

  it.skipIf(process.getuid?.() !== 0)('refuses a socket that belongs to another user, in a folder of ours', async () => {
    const folder = temp('client');
    const socketPath = join(folder, 'broker.sock');
    const listening = await listener(socketPath);
    chownSync(socketPath, 4242, 4242);
    expect(await ask(socketPath)).toEqual({
      reply: undefined,
      notices: [`ignoring the broker at ${socketPath}: it belongs to another user (uid 4242, you are 0); remove it`],
    });
    expect(listening.connections()).toBe(0);
  });
});

describe('a session too large for the broker to relay', () => {
  async function brokerWithToken(sessionToken: string): Promise<string> {
    const host: BrokerHost = {
      kind: 'agent',
      grants: new GrantsHeld(),
      credentials: async () => ({ session: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken, expiration: new Date('2030-01-01T00:00:00Z') } }),
      status: async () => [],
      forget: async () => [],
    };
    const socketPath = join(temp('client'), 'broker.sock');
    const server = new BrokerServer(host, { socketPath });
    await server.listen();
    closers.push(() => server.close());
    return socketPath;
  }

  it('is answered with an error the client recognises: it works standalone, with a notice', async () => {
    const socketPath = await brokerWithToken('T'.repeat(2 * 1024 * 1024));
    const notices: string[] = [];
    expect(await askBroker(socketPath, credentialsRequest('dev', 'test'), (message) => notices.push(message))).toBeUndefined();
    expect(notices).toEqual(['the Latchkey broker cannot relay this answer: it is 2049 KB, more than its limit of 64 KB; working without it']);
  });

  it('while a long token that fits (20 KB, session tags) is relayed as it is', async () => {
    const sessionToken = 'T'.repeat(20 * 1024);
    const socketPath = await brokerWithToken(sessionToken);
    const reply = await askBroker(socketPath, credentialsRequest('dev', 'test'), (message) => expect.fail(message));
    expect(reply).toMatchObject({ ok: true, credentials: { sessionToken } });
  });
});
