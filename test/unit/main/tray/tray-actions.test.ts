import type { Session } from '../../../../electron/core/sts/credentials';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BrowserOpener } from '../../../../electron/core/console/browser-opener';
import type { StsApi, StsHelperApi } from '../../../../electron/core/sts/sts-api';
import { LatchkeyError } from '../../../../electron/shared/errors';
import type { PublishOptions } from '../../../../electron/core/sessions/session-engine';
import { totpCode } from '../../../../electron/core/totp/totp-code';
import type { OwnershipChoice } from '../../../../electron/main/tray/ownership-dialog';
import { TrayActions } from '../../../../electron/main/tray/tray-actions';
import type { TrayAction } from '../../../../electron/main/tray/tray-menu';
import { FakeClock } from '../../../fakes/fake-clock';
import { MemoryKeychain } from '../../../fakes/memory-keychain';
import { appSettings, settingsStore } from '../../../fakes/app-settings';
import { startFederationStub, type FederationStub } from '../../../helpers/federation-stub';

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const session: Session = {
  accessKeyId: 'ASIAEXAMPLEEXAMPLE01',
  secretAccessKey: "se'cret",
  sessionToken: 'token',
  expiration: new Date('2026-01-01T13:00:00Z'),
};

let federation: FederationStub;
beforeAll(async () => {
  federation = await startFederationStub();
});
afterAll(async () => federation?.stop());

/** A default browser that fetches what it is given, and records where the answer sent it. */
function fakeBrowser() {
  const opened: { url: string; status: number; location: string | null }[] = [];
  const opener: BrowserOpener = {
    async open(url) {
      const response = await fetch(url, { redirect: 'manual' });
      opened.push({ url, status: response.status, location: response.headers.get('location') });
      return 'default-browser';
    },
  };
  return { opened, opener };
}

async function setup() {
  const calls: string[] = [];
  const settings = await settingsStore(appSettings((s) => Object.assign(s.mfaDevices?.[0] ?? {}, { hasSeed: true })));
  const engine = {
    use: vi.fn(async (name: string, options?: PublishOptions) => (calls.push(`use ${name} by ${options?.requester}${options?.replace ? ', replacing' : ''}`), session)),
    renew: vi.fn(async (name: string, requester: string) => (calls.push(`renew ${name} by ${requester}`), session)),
    published: vi.fn(async () => [
      { profile: 'default', source: 'dev', active: true },
      { profile: 'dev', source: 'dev', active: false },
      { profile: 'ops', source: 'ops', active: false },
    ]),
    publish: vi.fn(async (name: string, profile?: string, options?: PublishOptions) => (calls.push(`publish ${name} as ${profile}${options?.replace ? ', replacing' : ''}`), session)),
    forget: vi.fn(async (name: string) => (calls.push(`forget ${name}`), [name])),
    credentialsAndRegion: vi.fn(async () => ({ session, region: 'eu-west-1' })),
    credentials: vi.fn(async (name: string, requester: string) => (calls.push(`credentials ${name} by ${requester}`), session)),
  };
  const browser = fakeBrowser();
  const sts = { getFederationToken: vi.fn(async () => ({ ...session, accessKeyId: 'ASIAFEDERATEDEXAMPLE' })) } as unknown as StsApi & StsHelperApi;
  const keychain = new MemoryKeychain();
  const clock = new FakeClock();
  const deps = {
    engine,
    settings,
    keychain,
    clock,
    clipboard: { writeText: vi.fn() },
    notifier: { failed: vi.fn(), show: vi.fn() },
    console: { sts, env: { LATCHKEY_FEDERATION_URL: federation.url }, opener: browser.opener },
    grants: { revoke: vi.fn(() => true) },
    confirm: { ownership: vi.fn(async (_error: LatchkeyError, _name: string): Promise<OwnershipChoice> => 'cancel') },
    openSettings: vi.fn(),
    quit: vi.fn(),
    refresh: vi.fn(() => void calls.push('refresh')),
  };
  return { actions: new TrayActions(deps), deps, calls, keychain, clock, settings, browser };
}

describe('TrayActions', () => {
  it('activates a name through the engine, asking for MFA as "tray", then rebuilds the tray', async () => {
    const { actions, calls } = await setup();
    await actions.perform({ kind: 'activate', name: 'dev' });
    expect(calls).toEqual(['use dev by tray', 'refresh']);
  });

  it('renews a name and writes the new session into every profile that publishes it', async () => {
    const { actions, calls } = await setup();
    await actions.perform({ kind: 'renew', name: 'dev' });
    expect(calls).toEqual(['renew dev by tray', 'publish dev as default', 'publish dev as dev', 'refresh']);
  });

  it('keeps renewing into the other profiles when one refuses the write, and never asks (reminders run it too)', async () => {
    const { actions, deps, calls } = await setup();
    const refused = new LatchkeyError('long-term-key', 'profile "default" in /home/a/.aws/credentials holds a long-term access key (AKIA…MPLE)');
    deps.engine.publish.mockRejectedValueOnce(refused);
    await actions.perform({ kind: 'renew', name: 'dev' });
    expect(calls).toEqual(['renew dev by tray', 'publish dev as dev', 'refresh']);
    expect(deps.engine.publish).toHaveBeenCalledWith('dev', 'default', { requester: 'tray' });
    expect(deps.notifier.failed.mock.calls).toEqual([['Renewed dev, but could not write it into default', refused]]);
    expect(deps.confirm.ownership).not.toHaveBeenCalled();
  });

  describe('activating over a profile Latchkey does not own', () => {
    const notOwned = new LatchkeyError('not-owned', 'profile "default" in /home/a/.aws/credentials holds credentials Latchkey did not write (aws_access_key_id)');
    const longTermKey = new LatchkeyError('long-term-key', 'profile "default" in /home/a/.aws/credentials holds a long-term access key (AKIA…MPLE)');

    it('asks, and on Replace switches again with the replacement confirmed', async () => {
      const { actions, deps, calls } = await setup();
      deps.engine.use.mockRejectedValueOnce(notOwned);
      deps.confirm.ownership.mockResolvedValueOnce('replace');
      await actions.perform({ kind: 'activate', name: 'dev' });
      expect(deps.confirm.ownership.mock.calls).toEqual([[notOwned, 'dev']]);
      expect(deps.engine.use.mock.calls).toEqual([
        ['dev', { requester: 'tray', replace: false }],
        ['dev', { requester: 'tray', replace: true }],
      ]);
      expect(calls).toEqual(['use dev by tray, replacing', 'refresh']);
      expect(deps.notifier.failed).not.toHaveBeenCalled();
    });

    it('on Cancel writes nothing more and shows no failure', async () => {
      const { actions, deps, calls } = await setup();
      deps.engine.use.mockRejectedValueOnce(notOwned);
      await actions.perform({ kind: 'activate', name: 'dev' });
      expect(deps.engine.use).toHaveBeenCalledTimes(1);
      expect(deps.notifier.failed).not.toHaveBeenCalled();
      expect(deps.openSettings).not.toHaveBeenCalled();
      expect(calls).toEqual(['refresh']);
    });

    it('over a long-term key never replaces: Open Settings opens the settings, where Import lives', async () => {
      const { actions, deps, calls } = await setup();
      deps.engine.use.mockRejectedValue(longTermKey);
      deps.confirm.ownership.mockResolvedValueOnce('open-settings');
      await actions.perform({ kind: 'activate', name: 'dev' });
      expect(deps.confirm.ownership.mock.calls).toEqual([[longTermKey, 'dev']]);
      expect(deps.openSettings).toHaveBeenCalledTimes(1);
      // Even a port that answered Replace gets no replacing write over a long-term key.
      deps.confirm.ownership.mockResolvedValueOnce('replace');
      await actions.perform({ kind: 'activate', name: 'dev' });
      expect(deps.engine.use.mock.calls).toEqual([
        ['dev', { requester: 'tray', replace: false }],
        ['dev', { requester: 'tray', replace: false }],
      ]);
      expect(deps.notifier.failed).not.toHaveBeenCalled();
      expect(calls).toEqual(['refresh', 'refresh']);
    });

    it('asks again when the replacing switch meets a long-term key in the other profile it writes', async () => {
      const { actions, deps } = await setup();
      deps.engine.use.mockRejectedValueOnce(notOwned).mockRejectedValueOnce(longTermKey);
      deps.confirm.ownership.mockResolvedValueOnce('replace').mockResolvedValueOnce('cancel');
      await actions.perform({ kind: 'activate', name: 'dev' });
      expect(deps.confirm.ownership.mock.calls).toEqual([
        [notOwned, 'dev'],
        [longTermKey, 'dev'],
      ]);
      expect(deps.engine.use).toHaveBeenCalledTimes(2);
      expect(deps.notifier.failed).not.toHaveBeenCalled();
    });

    it('a failure while asking is notified like any other', async () => {
      const { actions, deps } = await setup();
      const broken = new Error('no display');
      deps.engine.use.mockRejectedValueOnce(notOwned);
      deps.confirm.ownership.mockRejectedValueOnce(broken);
      await actions.perform({ kind: 'activate', name: 'dev' });
      expect(deps.notifier.failed.mock.calls).toEqual([['Could not switch to dev', broken]]);
    });
  });

  it('forgets a cached session', async () => {
    const { actions, calls } = await setup();
    await actions.perform({ kind: 'forget', name: 'ops' });
    expect(calls).toEqual(['forget ops', 'refresh']);
  });

  it('copies export lines that a POSIX shell reads back exactly', async () => {
    const { actions, deps } = await setup();
    await actions.perform({ kind: 'copy-exports', name: 'dev' });
    const [[lines]] = deps.clipboard.writeText.mock.calls as [[string]];
    expect(lines).toBe(
      [
        "export AWS_ACCESS_KEY_ID='ASIAEXAMPLEEXAMPLE01'",
        "export AWS_SECRET_ACCESS_KEY='se'\\''cret'",
        "export AWS_SESSION_TOKEN='token'",
        "export AWS_CREDENTIAL_EXPIRATION='2026-01-01T13:00:00.000Z'",
        "export AWS_REGION='eu-west-1'",
        "export AWS_DEFAULT_REGION='eu-west-1'",
        'unset AWS_PROFILE',
      ].join('\n'),
    );
  });

  describe('opening the AWS console', () => {
    const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d+\/[\w-]{43}$/;
    /** Everything the person was shown: notification titles and bodies, failures' messages. */
    const shown = (deps: Awaited<ReturnType<typeof setup>>['deps']) => JSON.stringify([deps.notifier.show.mock.calls, deps.notifier.failed.mock.calls.map(([title, error]) => [title, String(error)])]);

    it("signs in with the role's session from the engine, asked as the tray, and the browser gets only the loopback redirect to the sign-in URL", async () => {
      const { actions, deps, calls, browser } = await setup();
      await actions.perform({ kind: 'open-console', name: 'ops' });
      expect(calls).toEqual(['credentials ops by tray', 'refresh']);
      expect(browser.opened).toEqual([{ url: expect.stringMatching(LOOPBACK), status: 302, location: expect.stringContaining(`${federation.url}?Action=login`) }]);
      expect(new URL(browser.opened[0]?.location ?? '').searchParams.get('SigninToken')).toBe(federation.tokens.at(-1));
      expect(federation.requests.at(-1)?.session).toEqual({ sessionId: session.accessKeyId, sessionKey: session.secretAccessKey, sessionToken: session.sessionToken });
      // The wait is said at once; nothing else, and no failure.
      expect(deps.notifier.show.mock.calls).toEqual([['Opening the AWS console as ops', 'Latchkey is signing in; your browser opens it in a moment.']]);
      expect(deps.notifier.failed).not.toHaveBeenCalled();
      expect(shown(deps)).not.toMatch(/SigninToken|StubSigninToken|se'cret|token/);
    });

    it("an identity's own session signs in with a federation token, and the person is told it carries no MFA", async () => {
      const { actions, deps, keychain, browser } = await setup();
      await keychain.set('identity', 'alice', 'alice-long-term-secret');
      await actions.perform({ kind: 'open-console', name: 'alice' });
      expect(deps.engine.credentials).not.toHaveBeenCalled();
      expect(federation.requests.at(-1)?.session).toMatchObject({ sessionId: 'ASIAFEDERATEDEXAMPLE' });
      expect(browser.opened[0]?.url).toMatch(LOOPBACK);
      expect(deps.notifier.show.mock.calls).toEqual([
        ['Opening the AWS console as alice', expect.any(String)],
        ['Opened the AWS console as alice', expect.stringMatching(/^the console session of identity "alice" is a federation token .*carries no MFA/)],
      ]);
      expect(deps.notifier.failed).not.toHaveBeenCalled();
      expect(shown(deps)).not.toMatch(/StubSigninToken|alice-long-term-secret/);
    });

    it('a failure is a notification naming the session, holding no secret, and the tray still rebuilds', async () => {
      const { actions, deps, calls } = await setup();
      let given = '';
      deps.console.opener = {
        open: async (url) => {
          given = url;
          throw new LatchkeyError('not-found', 'xdg-open was not found, so no browser could be opened: install it, or print the URL instead');
        },
      };
      await actions.perform({ kind: 'open-console', name: 'ops' });
      expect(given).toMatch(LOOPBACK);
      expect(deps.notifier.failed.mock.calls).toEqual([['Could not open the AWS console as ops', expect.objectContaining({ code: 'not-found' })]]);
      expect(calls.at(-1)).toBe('refresh');
      expect(shown(deps)).not.toMatch(/StubSigninToken/);
    });
  });

  it("copies the device's current code from its stored seed", async () => {
    const { actions, deps, keychain, clock } = await setup();
    await keychain.set('mfa-seed', 'phone', SEED);
    await actions.perform({ kind: 'copy-mfa-code', device: 'phone' });
    expect(deps.clipboard.writeText).toHaveBeenCalledWith(totpCode(SEED, clock.now()).code);
  });

  it('saves the launch-at-login preference (the login item follows it on the rebuild)', async () => {
    const { actions, settings, calls } = await setup();
    await actions.perform({ kind: 'launch-at-login', enabled: true });
    expect((await settings.load()).preferences.launchAtLogin).toBe(true);
    expect(calls).toEqual(['refresh']);
  });

  it('opens the settings and quits without touching the engine', async () => {
    const { actions, deps, calls } = await setup();
    await actions.perform({ kind: 'open-settings' });
    await actions.perform({ kind: 'quit' });
    expect(deps.openSettings).toHaveBeenCalledTimes(1);
    expect(deps.quit).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([]);
  });

  it('turns a failure into a notification naming the profile, and still rebuilds the tray', async () => {
    const { actions, deps, calls } = await setup();
    const cancelled = new LatchkeyError('mfa-cancelled', 'MFA code for device "phone" was cancelled; nothing was sent to AWS');
    deps.engine.use.mockRejectedValueOnce(cancelled);
    const failures: [TrayAction, string][] = [
      [{ kind: 'activate', name: 'dev' }, 'Could not switch to dev'],
      [{ kind: 'copy-mfa-code', device: 'phone' }, 'Could not copy the MFA code of phone'],
      [{ kind: 'copy-mfa-code', device: 'gone' }, 'Could not copy the MFA code of gone'],
    ];
    for (const [action] of failures) await actions.perform(action);
    expect(deps.notifier.failed.mock.calls).toEqual([
      ['Could not switch to dev', cancelled],
      ['Could not copy the MFA code of phone', expect.objectContaining({ message: expect.stringMatching(/^MFA device "phone" has no stored seed/) })],
      ['Could not copy the MFA code of gone', expect.objectContaining({ message: 'no MFA device is named "gone"' })],
    ]);
    expect(calls.filter((call) => call === 'refresh')).toHaveLength(3);
    expect(deps.clipboard.writeText).not.toHaveBeenCalled();
  });
});
