/**
 * "Open console" against a stub federation endpoint on 127.0.0.1, with a fake browser: what the sign-in
 * token request carries (the session JSON's three fields; SessionDuration only where AWS takes it), the
 * URL the browser gets (only the loopback redirect, which sends it on to the token and the destination),
 * a federation token for an identity (no MFA, and said so), per-role browser profiles in folders of
 * their own, per-role Firefox containers (which win over profiles), a fallback said once, a browser that never comes, and refusals before anything is sent.
 */
import { join } from 'node:path';
import { connect, createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserOpener, OpenOptions } from '../../../../electron/core/console/browser-opener';
import { REDIRECT_WAIT_MS } from '../../../../electron/core/console/one-shot-redirect';
import { consoleSignIn, openConsole, type ConsoleDeps, type ConsoleOpening } from '../../../../electron/core/console/open-console';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import type { Session } from '../../../../electron/core/sts/credentials';
import type { GetFederationTokenInput, StsApi, StsHelperApi } from '../../../../electron/core/sts/sts-api';
import type { Role } from '../../../../electron/shared/model';
import { FakeClock } from '../../../fakes/fake-clock';
import { FakeTimers } from '../../../fakes/fake-timers';
import { MemoryKeychain } from '../../../fakes/memory-keychain';
import { startFederationStub, type FederationStub } from '../../../helpers/federation-stub';
import { tempFolders } from '../../../helpers/temp-folders';

const temp = tempFolders();
const ARN = 'arn:aws:iam::123456789012';
const KEY = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const role = (name: string, source: string, extra: Partial<Role> = {}): Role => ({ name, roleArn: `${ARN}:role/${name}`, source, directMfa: false, ...extra });

function sessionOf(name: string): Session {
  return { accessKeyId: `ASIA${name.toUpperCase()}`, secretAccessKey: `secret-of-${name}`, sessionToken: `token-of-${name}`, expiration: new Date(Date.UTC(2030, 0, 1)) };
}

/** Given a URL, fetches it as a browser would and records where it was sent on (`signIn`). */
class FakeBrowser implements BrowserOpener {
  readonly opened: ({ url: string; signIn?: string } & OpenOptions)[] = [];
  constructor(
    private readonly hasChromium = true,
    private readonly comes = true,
    private readonly hasFirefox = true,
  ) {}
  async open(url: string, options: OpenOptions = {}) {
    const entry: FakeBrowser['opened'][number] = { url, ...options };
    this.opened.push(entry);
    if (this.comes) {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status === 302) entry.signIn = response.headers.get('location') ?? undefined;
    }
    if (options.container !== undefined) return this.hasFirefox ? ('firefox-container' as const) : ('default-browser' as const);
    return options.profileFolder !== undefined && this.hasChromium ? ('browser-profile' as const) : ('default-browser' as const);
  }
}

/** A loopback port nothing listens on: one just let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d+\/[\w-]{43}$/;

/** Whether anything still listens where the redirect was. */
const listening = (url: string) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('openConsole', () => {
  let stub: FederationStub;
  beforeAll(async () => {
    stub = await startFederationStub();
  });
  afterAll(async () => stub?.stop());

  async function world(preferences: { consoleBrowserProfiles?: boolean; consoleFirefoxContainers?: boolean } = {}) {
    const folder = temp('console');
    const settings = new SettingsStore(join(folder, 'latchkey', 'settings.json'));
    await settings.update((s) => {
      s.identities.push({ name: 'alice', accessKeyId: KEY.accessKeyId, region: 'eu-west-1', arn: `${ARN}:user/alice` });
      s.mfaDevices.push({ name: 'phone', serial: `${ARN}:mfa/alice`, identity: 'alice', hasSeed: false, autoMfa: false });
      s.roles.push(role('dev', 'alice', { durationSeconds: 7_200 }), role('prod', 'alice', { mfaDevice: 'phone', region: 'us-west-2' }), role('deep', 'dev'));
      Object.assign(s.preferences, preferences);
    });
    const keychain = new MemoryKeychain();
    await keychain.set('identity', 'alice', KEY.secretAccessKey);
    const federation: GetFederationTokenInput[] = [];
    const sts = {
      getFederationToken: async (input: GetFederationTokenInput) => (federation.push(input), sessionOf('federated')),
    } as unknown as StsApi & StsHelperApi;
    const sessions: string[] = [];
    const browser = new FakeBrowser();
    const deps: ConsoleDeps & ConsoleOpening = {
      settings,
      keychain,
      sts,
      clock: new FakeClock(),
      env: { LATCHKEY_FEDERATION_URL: stub.url },
      session: async (name) => (sessions.push(name), sessionOf(name)),
      opener: browser,
    };
    return { folder, deps, browser, sessions, federation };
  }

  const last = () => stub.requests.at(-1);

  it('signs a role in with its session as it is, SessionDuration its own when assumed with the key, and the browser gets there through the loopback redirect', async () => {
    const w = await world();
    expect(await openConsole(w.deps, { name: 'dev', service: 's3' })).toEqual({ openedIn: 'default-browser' });
    expect(w.sessions).toEqual(['dev']);
    expect(last()).toEqual({
      action: 'getSigninToken',
      sessionDuration: '7200',
      session: { sessionId: 'ASIADEV', sessionKey: 'secret-of-dev', sessionToken: 'token-of-dev' },
    });
    const [opened] = w.browser.opened;
    expect(opened?.url).toMatch(LOOPBACK);
    const url = new URL(opened?.signIn ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(stub.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      Action: 'login',
      Issuer: 'Latchkey',
      Destination: 'https://console.aws.amazon.com/s3/home?region=eu-west-1',
      SigninToken: stub.tokens.at(-1),
    });
  });

  it('sends no SessionDuration for a chained role, or one assumed from the MFA session; the region is the role\'s', async () => {
    const w = await world();
    await openConsole(w.deps, { name: 'deep' });
    expect(last()?.sessionDuration).toBeNull();
    const { url } = await consoleSignIn(w.deps, { name: 'prod' });
    expect(last()?.sessionDuration).toBeNull();
    expect(new URL(url).searchParams.get('Destination')).toBe('https://console.aws.amazon.com/console/home?region=us-west-2');
    expect(new URL(url).searchParams.get('SigninToken')).toBe(stub.tokens.at(-1));
  });

  it('an identity signs in with a federation token from its key, allowed what the user may do, and is told it carries no MFA', async () => {
    const w = await world();
    const opened = await openConsole(w.deps, { name: 'alice', region: 'ap-southeast-2' });
    expect(opened.notice).toMatch(/^the console session of identity "alice" is a federation token .*carries no MFA, although the identity has an MFA device.*open the console of a role/);
    expect(w.sessions).toEqual([]);
    expect(w.federation).toEqual([
      expect.objectContaining({ credentials: KEY, region: 'eu-west-1', name: 'alice', durationSeconds: 3_600, policy: expect.stringContaining('"Action":"*"') }),
    ]);
    expect(last()).toMatchObject({ sessionDuration: null, session: { sessionId: 'ASIAFEDERATED' } });
    expect(new URL(w.browser.opened[0]?.signIn ?? '').searchParams.get('Destination')).toBe('https://console.aws.amazon.com/console/home?region=ap-southeast-2');
  });

  it('with per-role profiles on, two roles open in two profile folders under Latchkey\'s folder', async () => {
    const w = await world({ consoleBrowserProfiles: true });
    expect(await openConsole(w.deps, { name: 'dev' })).toEqual({ openedIn: 'browser-profile' });
    await openConsole(w.deps, { name: 'prod' });
    const folders = w.browser.opened.map((entry) => entry.profileFolder);
    expect(folders).toEqual([join(w.folder, 'latchkey', 'browser-profiles', 'dev'), join(w.folder, 'latchkey', 'browser-profiles', 'prod')]);
  });

  it('says so when no Chromium-family browser could take the profile', async () => {
    const w = await world({ consoleBrowserProfiles: true });
    const opened = await openConsole({ ...w.deps, opener: new FakeBrowser(false) }, { name: 'dev' });
    expect(opened).toEqual({ openedIn: 'default-browser', notice: expect.stringMatching(/no Chromium or Chrome was found .* cookies are shared between accounts/) });
  });

  it('with Firefox containers on, each name opens in a container of its own, which wins over browser profiles', async () => {
    const w = await world({ consoleFirefoxContainers: true, consoleBrowserProfiles: true });
    expect(await openConsole(w.deps, { name: 'dev' })).toEqual({ openedIn: 'firefox-container' });
    await openConsole(w.deps, { name: 'alice' });
    const signedIn = { url: expect.stringMatching(LOOPBACK), signIn: expect.stringContaining(stub.url) };
    expect(w.browser.opened).toEqual([
      { ...signedIn, container: 'dev' },
      { ...signedIn, container: 'alice' },
    ]);
  });

  it('says so when no Firefox could take the container, after the no-MFA notice of an identity', async () => {
    const w = await world({ consoleFirefoxContainers: true });
    const fallBack = 'no Firefox was found for a container of its own, so the default browser opened it (its cookies are shared between accounts)';
    expect(await openConsole({ ...w.deps, opener: new FakeBrowser(true, true, false) }, { name: 'dev' })).toEqual({ openedIn: 'default-browser', notice: fallBack });
    const opened = await openConsole({ ...w.deps, opener: new FakeBrowser(true, true, false) }, { name: 'alice' });
    expect(opened.notice).toMatch(/^the console session of identity "alice" .*carries no MFA/);
    expect(opened.notice?.endsWith(`; ${fallBack}`)).toBe(true);
  });

  it('says once, without the URL, that it waits for the browser, and resolves only once the browser came', async () => {
    const w = await world();
    const said: string[] = [];
    await openConsole({ ...w.deps, waiting: (message) => said.push(message) }, { name: 'dev' });
    expect(said).toEqual([`waiting for the browser to open the AWS console (at most ${REDIRECT_WAIT_MS / 1000} s)…`]);
    expect(w.browser.opened[0]?.signIn).toContain('SigninToken=');
    expect(await listening(w.browser.opened[0]?.url ?? '')).toBe(false);
  });

  it('withdraws the sign-in when no browser came before the deadline, and says so without the URL', async () => {
    const w = await world();
    const timers = new FakeTimers();
    const browser = new FakeBrowser(true, false);
    const said: string[] = [];
    const opening = openConsole({ ...w.deps, opener: browser, timers, waiting: (message) => (said.push(message), timers.advance(REDIRECT_WAIT_MS)) }, { name: 'dev' });
    const error = (await opening.catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'cancelled', message: `no browser came for the console sign-in of "dev" within ${REDIRECT_WAIT_MS / 1000} s, so Latchkey withdrew it: check that a default browser is set, and try again` });
    expect(await listening(browser.opened[0]?.url ?? '')).toBe(false);
    expect(said).toHaveLength(1);
  });

  it('withdraws the sign-in when the browser cannot be started', async () => {
    const w = await world();
    let given = '';
    const broken: BrowserOpener = {
      open: async (url) => {
        given = url;
        throw new Error('xdg-open was not found');
      },
    };
    await expect(openConsole({ ...w.deps, opener: broken }, { name: 'dev' })).rejects.toThrow('xdg-open was not found');
    expect(given).toMatch(LOOPBACK);
    expect(await listening(given)).toBe(false);
  });

  it('a refused sign-in is an error that holds neither the session nor a URL with it', async () => {
    const w = await world();
    stub.refuse(400, 'Invalid credentials parameter');
    try {
      const error = (await consoleSignIn(w.deps, { name: 'dev' }).catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(/^the AWS sign-in endpoint http:\/\/127\.0\.0\.1:\d+\/federation refused the session \(HTTP 400: Invalid credentials parameter\)/);
      expect(error.message).not.toMatch(/secret-of-dev|token-of-dev|Session=/);
    } finally {
      stub.refuse(0, '');
    }
  });

  it.each([
    ['a port fetch refuses', async () => 'http://127.0.0.1:1/federation', 'bad port'],
    ['a closed port', async () => `http://127.0.0.1:${await closedPort()}/federation`, 'ECONNREFUSED'],
  ])('a sign-in endpoint on %s is named with the reason in a few words', async (_, endpoint, reason) => {
    const w = await world();
    const url = await endpoint();
    const error = (await consoleSignIn({ ...w.deps, env: { ...w.deps.env, LATCHKEY_FEDERATION_URL: url } }, { name: 'dev' }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      `the AWS sign-in endpoint ${url} did not answer (${reason}): check the network connection, and LATCHKEY_FEDERATION_URL if you set it`,
    );
  });

  it.each([
    [{ name: 'dev', service: 'S3/../x' }, {}, /service "S3\/\.\.\/x" must be a console path/],
    [{ name: 'dev', region: 'Mars' }, {}, /region "Mars" must look like us-east-1/],
    [{ name: 'nobody' }, {}, /no identity or role is named "nobody"/],
    [{ name: 'dev' }, { LATCHKEY_FEDERATION_URL: 'ftp://x' }, /LATCHKEY_FEDERATION_URL: endpoint "ftp:\/\/x" must be an http\(s\) URL/],
  ])('refuses %j before anything is sent', async (request, env, message) => {
    const w = await world();
    const before = stub.requests.length;
    await expect(openConsole({ ...w.deps, env: { ...w.deps.env, ...env } }, request)).rejects.toThrow(message);
    expect(stub.requests.length).toBe(before);
    expect(w.browser.opened).toEqual([]);
  });
});
