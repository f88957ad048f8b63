/**
 * The one-shot loopback redirect that hands a browser the sign-in URL: one GET of its unguessable path
 * gets the 302; a second request, another path or method, and a foreign Host get a 404 holding nothing
 * (and do not use the nonce up); the port closes once served, withdrawn, or at the deadline — with
 * connections a browser opened ahead or left open ended too, so nothing outlives it.
 */
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { oneShotRedirect, REDIRECT_WAIT_MS, type OneShotRedirect } from '../../../../electron/core/console/one-shot-redirect';
import { FakeTimers } from '../../../fakes/fake-timers';

const SIGNIN = 'https://signin.aws.amazon.com/federation?Action=login&Issuer=Latchkey&SigninToken=secret-signin-token-123';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request as a browser sends it, with `host` as its Host header (the redirect's own unless given). */
function get(url: string, options: { method?: string; host?: string; path?: string } = {}): Promise<Answer> {
  const { hostname, port, pathname, host } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path: options.path ?? pathname, method: options.method ?? 'GET', headers: { host: options.host ?? host }, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.once('error', reject);
    req.end();
  });
}

/** A connection to the redirect's port, open before anything is asked on it (as a browser's preconnect is). */
async function openConnection(url: string): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  const socket = connect(Number(new URL(url).port), '127.0.0.1');
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  return { socket, received: () => received, closed };
}

/** Resolves to the connection error once nothing listens on the port any more. */
function refused(url: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve('connected')));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

const opened: OneShotRedirect[] = [];
async function redirect(options: Parameters<typeof oneShotRedirect>[1] = {}): Promise<OneShotRedirect> {
  const made = await oneShotRedirect(SIGNIN, options);
  opened.push(made);
  return made;
}
afterEach(() => {
  for (const made of opened.splice(0)) made.close();
});

describe('oneShotRedirect', () => {
  it('is a loopback URL with a 256-bit random path, and nothing of the sign-in URL', async () => {
    const [one, two] = [await redirect(), await redirect()];
    expect(one.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{43}$/);
    expect(new URL(one.url).pathname).not.toBe(new URL(two.url).pathname);
    expect(one.url).not.toMatch(/signin|SigninToken|secret/i);
  });

  it('answers one GET with a 302 to the sign-in URL, not to be cached or passed on as a Referer, then closes', async () => {
    const one = await redirect();
    const answer = await get(one.url);
    expect(answer).toMatchObject({ status: 302, headers: { location: SIGNIN, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }, body: '' });
    expect(await one.served).toBe(true);
    expect(await refused(one.url)).toBe('ECONNREFUSED');
  });

  it('answers a second request with a 404 that holds nothing of the sign-in URL', async () => {
    const one = await redirect();
    const { host, pathname } = new URL(one.url);
    const connection = await openConnection(one.url);
    // Two requests in one write: the second reaches the server however fast it closes after the first.
    const ask = `GET ${pathname} HTTP/1.1\r\nHost: ${host}\r\n\r\n`;
    connection.socket.write(ask + ask);
    await connection.closed;
    const [first, second] = connection.received().split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 302 /);
    expect(second).toMatch(/^HTTP\/1\.1 404 /);
    expect(second).not.toMatch(/signin|SigninToken|secret-signin/i);
    expect(await one.served).toBe(true);
  });

  it.each<[string, { path?: string; method?: string; host?: string }]>([
    ['another path', { path: '/favicon.ico' }],
    ['the nonce with a query', { path: 'NONCE?x=1' }],
    ['a HEAD', { method: 'HEAD' }],
    ['a POST', { method: 'POST' }],
    ['a Host named localhost', { host: 'localhost:PORT' }],
    ['a foreign Host (DNS rebinding)', { host: 'attacker.example:PORT' }],
    ['a Host without the port', { host: '127.0.0.1' }],
  ])('answers %s with a 404 holding nothing, and still serves the browser afterwards', async (_what, options) => {
    const one = await redirect();
    const { port, pathname } = new URL(one.url);
    const answer = await get(one.url, {
      ...options,
      ...(options.path && { path: options.path.replace('NONCE', pathname) }),
      ...(options.host && { host: options.host.replace('PORT', port) }),
    });
    expect(answer.status).toBe(404);
    expect(answer.headers.location).toBeUndefined();
    expect(JSON.stringify(answer)).not.toMatch(/SigninToken|secret-signin/);
    expect((await get(one.url)).status).toBe(302);
    expect(await one.served).toBe(true);
  });

  it('ends a connection a browser opened ahead and never used, once served', async () => {
    const one = await redirect();
    const ahead = await openConnection(one.url);
    expect((await get(one.url)).status).toBe(302);
    await ahead.closed;
    expect(ahead.received()).toBe('');
    expect(await one.served).toBe(true);
  });

  it('closes at the deadline when no browser came, ending open connections too', async () => {
    const timers = new FakeTimers();
    const one = await redirect({ timers });
    const idle = await openConnection(one.url);
    expect(timers.due).toEqual([timers.clock.now() + REDIRECT_WAIT_MS]);
    timers.advance(REDIRECT_WAIT_MS - 1);
    expect((await get(one.url, { path: '/other' })).status).toBe(404);
    timers.advance(1);
    expect(await one.served).toBe(false);
    await idle.closed;
    expect(idle.received()).toBe('');
    expect(await refused(one.url)).toBe('ECONNREFUSED');
  });

  it('cancels its deadline once served, so it keeps no timer (and no process) alive', async () => {
    const timers = new FakeTimers();
    const one = await redirect({ timers });
    await get(one.url);
    expect(await one.served).toBe(true);
    expect(timers.due).toEqual([]);
  });

  it('can be withdrawn before any browser came', async () => {
    const one = await redirect({ waitMs: 5_000 });
    one.close();
    expect(await one.served).toBe(false);
    expect(await refused(one.url)).toBe('ECONNREFUSED');
  });
});
