/** A grant's life on an endpoint whose session source is a fake; what it serves over HTTP is in test/integration/core/endpoint. */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startEndpoint, type CredentialEndpoint, type CredentialsPort } from '../../../../electron/core/endpoint/credential-endpoint';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { FakeClock } from '../../../fakes/fake-clock';
import { freePort } from '../../../helpers/moto';
import { rejection } from '../../../helpers/rejection';

const session = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token', expiration: new Date('2030-01-01T00:00:00Z') };

function fakePort(): CredentialsPort & { asked: string[] } {
  const asked: string[] = [];
  const port = async (name: string, requester: string) => {
    asked.push(`${name} by ${requester}`);
    if (name === 'missing') throw new LatchkeyError('not-found', 'no identity or role named "missing"');
    return { session, ...(name === 'regional' ? { region: 'eu-west-1' } : {}) };
  };
  return Object.assign(port, { asked });
}

const endpoints: CredentialEndpoint[] = [];
async function start(credentials = fakePort(), clock = new FakeClock(), port?: number) {
  const endpoint = await startEndpoint({ credentials, clock, port });
  endpoints.push(endpoint);
  return { endpoint, credentials, clock };
}
afterEach(async () => {
  await Promise.all(endpoints.splice(0).map((endpoint) => endpoint.close()));
});

describe('grants on a credential endpoint', () => {
  it('a grant gets the session first (MFA is asked there), then hands out its token and URI once', async () => {
    const { endpoint, credentials, clock } = await start();
    const grant = await endpoint.grant('dev', 'exec terraform');
    expect(credentials.asked).toEqual(['dev by exec terraform']);
    expect(grant).toEqual({
      id: expect.stringMatching(/^[\w-]{12}$/),
      name: 'dev',
      requester: 'exec terraform',
      since: new Date(clock.now()),
      token: expect.stringMatching(/^[\w-]{43}$/),
      uri: `http://127.0.0.1:${endpoint.port}/credentials/${grant.id}`,
    });
    expect(endpoint.grants()).toEqual([{ id: grant.id, name: 'dev', requester: 'exec terraform', since: grant.since }]);
    expect(JSON.stringify(endpoint.grants())).not.toContain(grant.token);
    expect(endpoint.port).toBeGreaterThan(0);
  });

  it('carries the region of the session, for the program’s environment', async () => {
    const { endpoint } = await start();
    expect(await endpoint.grant('regional', 'serve regional')).toMatchObject({ region: 'eu-west-1' });
  });

  it('a name without a session is refused at grant time, with the engine’s error, and nothing is granted', async () => {
    const { endpoint } = await start();
    const error = await rejection(endpoint.grant('missing', 'exec terraform'));
    expect(error).toMatchObject({ code: 'not-found', message: 'no identity or role named "missing"' });
    expect(endpoint.grants()).toEqual([]);
  });

  it('revokes by id, one grant at a time', async () => {
    const { endpoint } = await start();
    const a = await endpoint.grant('dev', 'exec terraform');
    const b = await endpoint.grant('dev', 'serve dev');
    expect(endpoint.revoke(a.id)).toBe(true);
    expect(endpoint.revoke(a.id)).toBe(false);
    expect(endpoint.revoke(a.token)).toBe(false);
    expect(endpoint.grants().map((g) => g.id)).toEqual([b.id]);
  });

  it('close drops every grant and the port; a later grant is refused', async () => {
    const { endpoint } = await start();
    await endpoint.grant('dev', 'exec terraform');
    await endpoint.close();
    await endpoint.close();
    expect(endpoint.grants()).toEqual([]);
    expect((await rejection(endpoint.grant('dev', 'exec terraform'))).message).toContain('closed');
    const again = createServer();
    await new Promise<void>((resolve) => again.listen(endpoint.port, '127.0.0.1', resolve));
    await new Promise((resolve) => again.close(resolve));
  });

  it('listens on a chosen port, and says so clearly when that port is taken', async () => {
    const free = await freePort();
    const { endpoint } = await start(fakePort(), new FakeClock(), free);
    expect(endpoint.port).toBe(free);
    const error = await rejection(startEndpoint({ credentials: fakePort(), port: free }));
    expect(error).toMatchObject({ code: 'invalid-input', message: `cannot serve credentials on 127.0.0.1:${free}: the port is in use: choose another, or none for a free one` });
  });
});
