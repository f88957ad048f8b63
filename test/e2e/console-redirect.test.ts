/**
 * "Open console" with a real browser: headless Chromium, given only the loopback redirect, follows its
 * 302 to the (stub) federation endpoint's login with the sign-in token — the Host header a browser
 * sends passes the redirect's check — and the redirect is closed once Chromium came.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserOpener } from '../../electron/core/console/browser-opener';
import { openConsole } from '../../electron/core/console/open-console';
import { SettingsStore } from '../../electron/core/settings/settings-store';
import type { StsApi, StsHelperApi } from '../../electron/core/sts/sts-api';
import { FakeClock } from '../fakes/fake-clock';
import { MemoryKeychain } from '../fakes/memory-keychain';
import { launchChromium } from '../helpers/chromium';
import { chromium } from '../helpers/components';
import { startFederationStub, type FederationStub } from '../helpers/federation-stub';
import { describeWith } from '../helpers/needs';
import { tempFolders } from '../helpers/temp-folders';

const temp = tempFolders();
const ARN = 'arn:aws:iam::123456789012';

describeWith([chromium], 'the console sign-in in a real browser', () => {
  let stub: FederationStub;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    stub = await startFederationStub();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stub?.stop();
  });

  it('Chromium follows the loopback redirect to the federation login with the sign-in token', async () => {
    const settings = new SettingsStore(join(temp('console-e2e'), 'settings.json'));
    await settings.update((s) => {
      s.identities.push({ name: 'alice', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', region: 'eu-west-1', arn: `${ARN}:user/alice` });
      s.roles.push({ name: 'dev', roleArn: `${ARN}:role/dev`, source: 'alice', directMfa: false });
    });
    const page = await browser.context.newPage();
    const given: string[] = [];
    // As a system opener does: hands the URL over and returns, without waiting for the page.
    const opener: BrowserOpener = {
      async open(url) {
        given.push(url);
        void page.goto(url).catch(() => undefined);
        return 'default-browser';
      },
    };
    const session = { accessKeyId: 'ASIADEV', secretAccessKey: 'secret-of-dev', sessionToken: 'token-of-dev', expiration: new Date(Date.UTC(2030, 0, 1)) };
    const opened = await openConsole(
      {
        settings,
        keychain: new MemoryKeychain(),
        sts: {} as StsApi & StsHelperApi,
        clock: new FakeClock(),
        env: { LATCHKEY_FEDERATION_URL: stub.url },
        session: async () => session,
        opener,
      },
      { name: 'dev', service: 's3' },
    );
    expect(opened).toEqual({ openedIn: 'default-browser' });
    expect(given).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/[\w-]{43}$/)]);
    await page.waitForURL((url) => url.searchParams.get('Action') === 'login');
    const landed = new URL(page.url());
    expect(`${landed.origin}${landed.pathname}`).toBe(stub.url);
    expect(landed.searchParams.get('SigninToken')).toBe(stub.tokens.at(-1));
    expect(landed.searchParams.get('Destination')).toBe('https://console.aws.amazon.com/s3/home?region=eu-west-1');
    // The federation endpoint got the login (and, as a browser does, maybe a favicon request after it).
    expect(stub.requests.map((request) => request.action)).toContain('login');
    // Served once: the loopback port is closed now.
    const again = await page.goto(given[0] ?? '').then(
      () => 'loaded',
      (error: Error) => error.message,
    );
    expect(again).toMatch(/ERR_CONNECTION_REFUSED/);
  });
});
