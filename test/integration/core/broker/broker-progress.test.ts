/**
 * While the host asks the person for an MFA code, the callers waiting on the broker are told where, once
 * each, before their reply; and the host hears of every request served or failed (what `latchkey agent`
 * prints), without a secret.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { askBroker } from '../../../../electron/core/broker/broker-client';
import type { BrokerHost } from '../../../../electron/core/broker/broker-host';
import { BrokerServer, type ServedEvent } from '../../../../electron/core/broker/broker-server';
import { WatchedPrompt } from '../../../../electron/core/broker/watched-prompt';
import type { Identity, MfaDevice } from '../../../../electron/shared/model';
import { BROKER_PROTOCOL, credentialsRequest } from '../../../../electron/shared/broker-contract';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { FakeMfaPrompt } from '../../../fakes/fake-mfa-prompt';
import { tempFolders } from '../../../helpers/temp-folders';
import { GrantsHeld } from '../../../../electron/core/broker/endpoint-grants-held';

const temp = tempFolders();
const expiration = new Date('2026-01-01T13:00:00.000Z');
const device = { name: 'phone', serial: 'arn:aws:iam::123456789012:mfa/alice', identity: 'alice', hasSeed: false, autoMfa: false } as MfaDevice;
const identity = { name: 'alice', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' } as Identity;

const servers: BrokerServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(kind: BrokerHost['kind']) {
  const prompt = new WatchedPrompt(new FakeMfaPrompt(() => '123456'));
  const served: ServedEvent[] = [];
  const host: BrokerHost = {
    kind,
    grants: new GrantsHeld(),
    async credentials(name, requester) {
      if (name === 'denied') throw new LatchkeyError('sts-denied', 'role denied is not allowed: ask an admin');
      // Asked twice (a refused code asks again), and told of an auto-MFA wait: each kind is said once.
      await prompt.ask({ device, identity, requester, attempt: 1 });
      await prompt.ask({ device, identity, requester, attempt: 2, previousError: 'wrong code' });
      prompt.waiting({ device, identity, requester }, 11_500);
      return { session: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token', expiration } };
    },
    status: async () => [],
    forget: async () => [],
  };
  const socketPath = join(temp('broker'), 'broker.sock');
  const server = new BrokerServer(host, { socketPath, prompt, served: (event) => served.push(event) });
  await server.listen();
  servers.push(server);
  return { socketPath, served };
}

describe('credential endpoints registered with the broker', () => {
  it('lists a registered grant in status, refuses its sessions once revoked, and forgets it when released', async () => {
    const grants = new GrantsHeld();
    const host: BrokerHost = {
      kind: 'app',
      grants,
      async credentials(name, _requester, grant) {
        grants.check(grant, name);
        return { session: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token', expiration } };
      },
      status: async () => [],
      forget: async () => [],
    };
    let registered = 0;
    const socketPath = join(temp('broker'), 'broker.sock');
    const server = new BrokerServer(host, { socketPath, registered: () => registered++ });
    await server.listen();
    servers.push(server);
    const ask = (request: Parameters<typeof askBroker>[1]) => askBroker(socketPath, request, () => {});

    const reply = await ask({ type: 'grant', protocol: BROKER_PROTOCOL, name: 'dev', requester: 'exec terraform' });
    const id = reply && 'grant' in reply ? reply.grant : '';
    expect(registered).toBe(1);
    expect(await ask({ type: 'status', protocol: BROKER_PROTOCOL })).toMatchObject({ grants: [{ id, name: 'dev', requester: 'exec terraform' }] });
    expect(await ask(credentialsRequest('dev', 'exec terraform', id))).toMatchObject({ ok: true });

    grants.revoke(id);
    expect(await ask(credentialsRequest('dev', 'exec terraform', id))).toEqual({
      ok: false,
      error: { code: 'revoked', message: 'the credential endpoint for dev was revoked in Latchkey; start the command again to get a new one' },
    });
    expect(await ask({ type: 'status', protocol: BROKER_PROTOCOL })).toMatchObject({ grants: [] });

    const second = await ask({ type: 'grant', protocol: BROKER_PROTOCOL, name: 'dev', requester: 'serve dev' });
    expect(await ask({ type: 'release', protocol: BROKER_PROTOCOL, grant: second && 'grant' in second ? second.grant : '' })).toEqual({ ok: true, released: true });
    expect(registered).toBe(3);
  });
});

describe('broker progress while the host asks for MFA', () => {
  it('tells a caller of the app where the code is asked, once per kind, then answers', async () => {
    const { socketPath, served } = await start('app');
    const notices: string[] = [];
    const reply = await askBroker(socketPath, credentialsRequest('dev', 'credential_process dev'), (message) => notices.push(message));
    expect(reply).toMatchObject({ ok: true, credentials: { accessKeyId: 'ASIAEXAMPLE' } });
    expect(notices).toEqual(['waiting for the MFA code in the Latchkey app…', 'auto-MFA in the Latchkey app waits 12 s for a fresh code…']);
    expect(served).toEqual([{ name: 'dev', requester: 'credential_process dev', outcome: { expiration } }]);
  });

  it("names the agent's terminal, and reports a failure to the host without the session", async () => {
    const { socketPath, served } = await start('agent');
    const notices: string[] = [];
    await askBroker(socketPath, credentialsRequest('dev', 'exec dev'), (message) => notices.push(message));
    expect(notices[0]).toBe('waiting for the MFA code at the terminal running `latchkey agent`…');
    const denied = await askBroker(socketPath, credentialsRequest('denied', 'exec denied'), () => {});
    expect(denied).toEqual({ ok: false, error: { code: 'sts-denied', message: 'role denied is not allowed: ask an admin' } });
    expect(served[1]).toEqual({ name: 'denied', requester: 'exec denied', outcome: { error: 'role denied is not allowed: ask an admin' } });
    expect(JSON.stringify(served)).not.toContain('secret');
  });
});
