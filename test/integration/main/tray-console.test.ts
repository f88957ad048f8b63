/**
 * "Open console" in the composed app's tray (real keychain, settings, moto's STS, a stub federation
 * endpoint on 127.0.0.1; Electron faked, the test acting as the default browser behind
 * shell.openExternal): the browser is handed only a loopback redirect, fetching it leads to the sign-in
 * URL, the wait is said in a notification, an identity's own session is told it carries no MFA — and
 * no notification holds the sign-in token.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { Notification, shell } from '../../fakes/fake-electron';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { startFederationStub, type FederationStub } from '../../helpers/federation-stub';
import { aliceWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';
import { runTestApp, type RunningTestApp } from './running-app';

vi.mock('electron', () => import('../../fakes/fake-electron'));

const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d+\/[\w-]{43}$/;

describeWith([keyring, motoComponent], 'opening the AWS console from the tray', () => {
  let moto: MotoWorld;
  let stub: FederationStub;
  let world: CliWorld;
  let app: RunningTestApp;
  /** What the default browser was given, and where fetching it led. */
  const browsed: { url: string; status: number; location: string | null }[] = [];

  const notifications = () => Notification.all.map(({ options }) => ({ title: options.title, body: options.body }));
  const noTokenShown = () => {
    const shown = JSON.stringify(notifications());
    for (const token of stub.tokens) expect(shown).not.toContain(token);
    expect(shown).not.toMatch(/SigninToken/);
  };

  beforeAll(async () => {
    moto = await startMotoWorld();
    stub = await startFederationStub();
    world = await aliceWorld(moto);
    world.env.LATCHKEY_FEDERATION_URL = stub.url;
    app = await runTestApp(world);
    shell.browser = (url) =>
      void fetch(url, { redirect: 'manual' }).then((response) => browsed.push({ url, status: response.status, location: response.headers.get('location') }));
  }, 60_000);
  afterAll(async () => {
    await app?.quit();
    await stub?.stop();
    await moto?.stop();
  });

  it("a role's Open console hands the browser the loopback redirect, whose 302 leads to the sign-in URL", async () => {
    (await app.menuShowing('Open console')).click('alice', 'Session actions', 'dev', 'Open console');
    await vi.waitFor(() => expect(browsed).toHaveLength(1), { timeout: 20_000, interval: 20 });
    expect(shell.opened).toEqual([expect.stringMatching(LOOPBACK)]);
    const [visit] = browsed;
    expect(visit).toMatchObject({ url: shell.opened[0], status: 302 });
    const signIn = new URL(visit?.location ?? '');
    expect(`${signIn.origin}${signIn.pathname}`).toBe(stub.url);
    expect(signIn.searchParams.get('SigninToken')).toBe(stub.tokens.at(-1));
    expect(stub.requests.at(-1)?.session).toMatchObject({ sessionId: expect.stringMatching(/^ASIA/) });
    expect(notifications()[0]).toEqual({ title: 'Opening the AWS console as dev', body: 'Latchkey is signing in; your browser opens it in a moment.' });
    // Once the session exists, the menu shows it: the action rebuilt the tray.
    await app.menuShowing(/dev — (1 h 00|59) min left/);
    expect(notifications().filter(({ title }) => title.startsWith('Could not'))).toEqual([]);
    noTokenShown();
  });

  it("the identity's own session signs in with a federation token, and the person is told it carries no MFA", async () => {
    (await app.menuShowing('Open console')).click('alice', 'Session actions', 'alice’s own session', 'Open console');
    await vi.waitFor(() => expect(notifications().map(({ title }) => title)).toContain('Opened the AWS console as alice'), { timeout: 20_000, interval: 20 });
    // The app hears the redirect served when its answer is sent; the browser's fetch settles just after.
    await vi.waitFor(() => expect(browsed).toHaveLength(2), { timeout: 5_000, interval: 20 });
    expect(browsed[1]?.url).toMatch(LOOPBACK);
    expect(new URL(browsed[1]?.location ?? '').searchParams.get('SigninToken')).toBe(stub.tokens.at(-1));
    expect(notifications().find(({ title }) => title === 'Opened the AWS console as alice')?.body).toMatch(/^the console session of identity "alice" is a federation token .*carries no MFA/);
    noTokenShown();
  });
});
