/**
 * The credential endpoint over real HTTP on loopback, with a fake session source: what it serves, what
 * it refuses and how, and that no refusal, slow client or failure stops it serving the next good
 * request or lets a secret out. Real SDKs against it are in sdk-clients.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startEndpoint, type CredentialEndpoint, type CredentialsPort, type IssuedGrant } from '../../../../electron/core/endpoint/credential-endpoint';
import { FAILURE_HOLD_MS, MAX_HEADER_BYTES, REQUEST_DEADLINE_MS } from '../../../../electron/core/endpoint/endpoint-limits';
import type { Session } from '../../../../electron/core/sts/credentials';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { FakeClock } from '../../../fakes/fake-clock';
import { until } from '../../../helpers/until';
import { ask, raw, statusLine, type Reply } from './endpoint-client';

const session: Session = {
  accessKeyId: 'ASIASECRETKEYID00001',
  secretAccessKey: 'secret-access-key-never-in-a-refusal',
  sessionToken: 'session-token-never-in-a-refusal',
  expiration: new Date('2030-01-01T00:00:00.000Z'),
};

interface Source {
  port: CredentialsPort;
  asked: string[];
  /** What the next calls do, instead of answering the session at once. */
  next?: (name: string) => Promise<{ session: Session }>;
}
function source(): Source {
  const state: Source = {
    asked: [],
    port: async (name, requester) => {
      state.asked.push(`${name} by ${requester}`);
      return state.next ? state.next(name) : { session };
    },
  };
  return state;
}

const endpoints: CredentialEndpoint[] = [];
async function start() {
  const credentials = source();
  const clock = new FakeClock();
  const endpoint = await startEndpoint({ credentials: credentials.port, clock });
  endpoints.push(endpoint);
  const grant = await endpoint.grant('dev', 'exec terraform');
  credentials.asked.length = 0;
  return { endpoint, credentials, clock, grant };
}
afterEach(async () => {
  await Promise.all(endpoints.splice(0).map((endpoint) => endpoint.close()));
});

const good = (grant: IssuedGrant) => ask(grant.uri, { headers: { authorization: grant.token } });
const authority = (endpoint: CredentialEndpoint) => `127.0.0.1:${endpoint.port}`;

/** Nothing the endpoint holds secret is anywhere in an answer that is not credentials. */
function expectNoSecret(answer: string, ...tokens: string[]): void {
  for (const secret of [session.accessKeyId, session.secretAccessKey, session.sessionToken, ...tokens]) expect(answer).not.toContain(secret);
}
const text = (reply: Reply) => JSON.stringify(reply);

describe('the credential endpoint over HTTP', () => {
  it('serves the container credentials JSON for a grant, asking the source with the grant’s name and requester', async () => {
    const { grant, credentials } = await start();
    const reply = await good(grant);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      Token: session.sessionToken,
      Expiration: '2030-01-01T00:00:00.000Z',
    });
    expect(reply.headers['content-type']).toBe('application/json');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(credentials.asked).toEqual(['dev by exec terraform']);
  });

  it('serves many clients at once, each grant its own name', async () => {
    const { endpoint, grant, credentials } = await start();
    const other = await endpoint.grant('ops', 'serve ops');
    credentials.asked.length = 0;
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => good(i % 2 ? grant : other)));
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(credentials.asked.filter((a) => a === 'ops by serve ops')).toHaveLength(10);
  });

  it.each<[string, (grant: IssuedGrant, endpoint: CredentialEndpoint, other: IssuedGrant) => Promise<Reply>, number, string]>([
    ['no Authorization header', (g) => ask(g.uri), 401, 'no-token'],
    ['a wrong token', (g) => ask(g.uri, { headers: { authorization: `${g.token.slice(0, -2)}AA` } }), 403, 'invalid-token'],
    ['another grant’s token', (g, _, other) => ask(g.uri, { headers: { authorization: other.token } }), 403, 'invalid-token'],
    ['the token as Bearer', (g) => ask(g.uri, { headers: { authorization: `Bearer ${g.token}` } }), 403, 'invalid-token'],
    ['an unknown grant path', (g) => ask(`${g.uri}x`, { headers: { authorization: g.token } }), 403, 'invalid-token'],
    ['a path that is no grant’s', (g, e) => ask(`http://${authority(e)}/latest/meta-data/`, { headers: { authorization: g.token } }), 404, 'not-found'],
    ['a query string', (g) => ask(`${g.uri}?x=1`, { headers: { authorization: g.token } }), 404, 'not-found'],
    ['a foreign Host (DNS rebinding)', (g, e) => ask(g.uri, { headers: { authorization: g.token, host: `rebound.example:${e.port}` } }), 421, 'foreign-host'],
    ['Host: localhost', (g, e) => ask(g.uri, { headers: { authorization: g.token, host: `localhost:${e.port}` } }), 421, 'foreign-host'],
    ['no Host', (g) => ask(g.uri, { headers: { authorization: g.token, host: undefined } }), 421, 'foreign-host'],
    ['an Origin header', (g) => ask(g.uri, { headers: { authorization: g.token, origin: 'https://example.com' } }), 403, 'browser-request'],
    ['Sec-Fetch-Mode', (g) => ask(g.uri, { headers: { authorization: g.token, 'sec-fetch-mode': 'cors' } }), 403, 'browser-request'],
    ['a POST', (g) => ask(g.uri, { method: 'POST', headers: { authorization: g.token } }), 405, 'method-not-allowed'],
    ['a CORS preflight', (g) => ask(g.uri, { method: 'OPTIONS', headers: { 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } }), 405, 'method-not-allowed'],
    ['a GET with a body', (g) => ask(g.uri, { headers: { authorization: g.token, 'content-length': '5' }, body: 'hello' }), 413, 'request-body'],
    ['two Authorization headers', (g) => ask(g.uri, { headers: { authorization: [g.token, g.token] } }), 400, 'bad-request'],
  ])('refuses %s with a JSON reason, and serves the next good request', async (_, send, status, code) => {
    const { endpoint, grant } = await start();
    const other = await endpoint.grant('ops', 'serve ops');
    const reply = await send(grant, endpoint, other);
    expect(reply.status).toBe(status);
    expect(reply.headers.connection).toBe('close');
    expect(JSON.parse(reply.body)).toEqual({ Code: code, Message: expect.any(String) });
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expectNoSecret(text(reply), grant.token, other.token);
    expect((await good(grant)).status).toBe(200);
  });

  it('a revoked grant is refused as revoked, the others still served', async () => {
    const { endpoint, grant } = await start();
    const other = await endpoint.grant('dev', 'serve dev');
    endpoint.revoke(grant.id);
    const reply = await good(grant);
    expect([reply.status, JSON.parse(reply.body).Code]).toEqual([403, 'grant-revoked']);
    expectNoSecret(text(reply), grant.token, other.token);
    expect((await good(other)).status).toBe(200);
  });

  it('a grant revoked while its session is being made gets no credentials', async () => {
    const { endpoint, grant, credentials } = await start();
    let release = () => undefined as void;
    credentials.next = () => new Promise((resolve) => (release = () => resolve({ session })));
    const pending = good(grant);
    await until(() => credentials.asked.length === 1, 'the request to reach the source');
    endpoint.revoke(grant.id);
    release();
    const reply = await pending;
    expect([reply.status, JSON.parse(reply.body).Code]).toEqual([403, 'grant-revoked']);
    expectNoSecret(text(reply), grant.token);
  });

  it('oversized headers: 431, and the endpoint serves on', async () => {
    const { endpoint, grant } = await start();
    const answer = await raw(endpoint.port, (socket) =>
      socket.write(`GET ${new URL(grant.uri).pathname} HTTP/1.1\r\nHost: ${authority(endpoint)}\r\nAuthorization: ${grant.token}\r\nX-Pad: ${'a'.repeat(MAX_HEADER_BYTES)}\r\n\r\n`),
    );
    expect(statusLine(answer)).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ Code: 'headers-too-large' });
    expectNoSecret(answer, grant.token);
    expect((await good(grant)).status).toBe(200);
  });

  it('a huge body is not read: 405 or 413 at once, and the connection closed', async () => {
    const { endpoint, grant } = await start();
    const path = new URL(grant.uri).pathname;
    const head = (method: string) => `${method} ${path} HTTP/1.1\r\nHost: ${authority(endpoint)}\r\nAuthorization: ${grant.token}\r\nContent-Length: 100000000\r\n\r\n`;
    for (const [method, status] of [['POST', '405'], ['GET', '413']]) {
      const answer = await raw(endpoint.port, (socket) => {
        socket.write(head(method ?? ''));
        socket.write('x'.repeat(1_000_000));
      });
      expect(statusLine(answer)).toContain(` ${status} `);
      expectNoSecret(answer, grant.token);
    }
    expect((await good(grant)).status).toBe(200);
  });

  it('garbage gets 400 and a closed connection', async () => {
    const { endpoint, grant } = await start();
    for (const bytes of ['\x00\x01\x02 not http\r\n\r\n', 'GET /credentials/x HTTP/9.9\r\n\r\n', `GET ${new URL(grant.uri).pathname} HTTP/1.1\r\nHost ${authority(endpoint)}\r\n\r\n`]) {
      const answer = await raw(endpoint.port, (socket) => socket.write(bytes));
      expect(statusLine(answer)).toBe('HTTP/1.1 400 Bad Request');
      expectNoSecret(answer, grant.token);
    }
    expect((await good(grant)).status).toBe(200);
  });

  it(
    'slow clients (idle, dripping headers) are cut off at the deadline with 408, while others are served meanwhile',
    async () => {
      const { endpoint, grant } = await start();
      const started = Date.now();
      const idle = raw(endpoint.port, () => undefined);
      const drip = raw(endpoint.port, (socket) => {
        socket.write(`GET ${new URL(grant.uri).pathname} HTTP/1.1\r\nHost: ${authority(endpoint)}\r\n`);
        const timer = setInterval(() => (socket.writable ? socket.write('X-Slow: a\r\n') : clearInterval(timer)), 100);
        socket.once('close', () => clearInterval(timer));
      });
      const meanwhile = await good(grant);
      expect(meanwhile.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1_000);
      for (const answer of await Promise.all([idle, drip])) {
        expect(statusLine(answer)).toBe('HTTP/1.1 408 Request Timeout');
        expectNoSecret(answer, grant.token);
      }
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(REQUEST_DEADLINE_MS - 100);
      expect(took).toBeLessThan(REQUEST_DEADLINE_MS * 1.5);
      expect((await good(grant)).status).toBe(200);
    },
    REQUEST_DEADLINE_MS * 3,
  );

  it('a client that leaves while its session is being made stops nothing', async () => {
    const { endpoint, grant, credentials } = await start();
    let release = () => undefined as void;
    credentials.next = () => new Promise((resolve) => (release = () => resolve({ session })));
    await raw(endpoint.port, (socket) => {
      socket.write(`GET ${new URL(grant.uri).pathname} HTTP/1.1\r\nHost: ${authority(endpoint)}\r\nAuthorization: ${grant.token}\r\n\r\n`);
      void until(() => credentials.asked.length === 1, 'the request to reach the source').then(() => socket.destroy());
    });
    release();
    credentials.next = undefined;
    expect((await good(grant)).status).toBe(200);
  });

  it('a failure to get the session: 503 with the error a person can act on, repeated to the SDK’s retries, asked again after the hold', async () => {
    const { grant, credentials, clock } = await start();
    credentials.next = async () => {
      throw new LatchkeyError('mfa-cancelled', 'the MFA prompt for alice was cancelled');
    };
    for (let attempt = 0; attempt < 4; attempt++) {
      const reply = await good(grant);
      expect(reply.status).toBe(503);
      expect(JSON.parse(reply.body)).toEqual({ Code: 'mfa-cancelled', Message: 'the MFA prompt for alice was cancelled' });
      expectNoSecret(text(reply), grant.token);
      clock.advance(FAILURE_HOLD_MS / 4 - 1);
    }
    expect(credentials.asked).toHaveLength(1);
    clock.advance(4);
    credentials.next = undefined;
    expect((await good(grant)).status).toBe(200);
    expect(credentials.asked).toHaveLength(2);
  });

  it('a new grant asks at once even while a failure is held, and clears it', async () => {
    const { endpoint, grant, credentials } = await start();
    credentials.next = async () => {
      throw new LatchkeyError('sts-unavailable', 'STS did not answer');
    };
    expect((await good(grant)).status).toBe(503);
    credentials.next = undefined;
    await endpoint.grant('dev', 'exec terraform again');
    expect((await good(grant)).status).toBe(200);
  });

  it('an unexpected error is a 503 that does not repeat its text', async () => {
    const { grant, credentials } = await start();
    credentials.next = async () => {
      throw new Error(`boom ${session.secretAccessKey}`);
    };
    const reply = await good(grant);
    expect(reply.status).toBe(503);
    expect(JSON.parse(reply.body)).toEqual({ Code: 'internal', Message: 'Latchkey failed unexpectedly while getting the session of "dev"' });
    expectNoSecret(text(reply), grant.token);
  });

  it('close ends open connections at once, pending requests included', async () => {
    const { endpoint, grant, credentials } = await start();
    credentials.next = () => new Promise(() => undefined);
    const idle = raw(endpoint.port, () => undefined);
    const pending = good(grant).catch((error: Error) => error);
    await until(() => credentials.asked.length === 1, 'the request to reach the source');
    const started = Date.now();
    await endpoint.close();
    expect(await pending).toBeInstanceOf(Error);
    expect(await idle).toBe('');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
