/**
 * The settings window in Chromium, against main's real handlers over fakes (settings-test-api.ts):
 * first run by keyboard, identities with their key's age, key rotation, MFA devices from an otpauth URI
 * and from a QR image, virtual MFA enrolment, roles, import, preferences (saved as a patch), changes made
 * elsewhere shown live, and refusals that save nothing.
 * Each step is screenshot in light and dark and checked with axe-core; so is the MFA prompt window.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { totpCode } from '../../electron/core/totp/totp-code';
import { FakeMfaPrompt } from '../fakes/fake-mfa-prompt';
import type { FakeUser } from '../fakes/fake-sts';
import { launchChromium } from '../helpers/chromium';
import { chromium } from '../helpers/components';
import { describeWith } from '../helpers/needs';
import { until } from '../helpers/until';
import { fakeMfaPromptApi } from './fake-mfa-prompt-api';
import { rendererServer } from './renderer-server';
import { seriousAxeFindings } from './settings-axe';
import { exposeSettingsApi, settingsWorld, WORLD_TIME, type SettingsWorld } from './settings-test-api';

const SCREENSHOTS = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));
const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=${SEED}&issuer=Amazon%20Web%20Services`;
const SERIAL = 'arn:aws:iam::123456789012:mfa/alice';
const DAY_MS = 24 * 60 * 60_000;
/** The settings window's size in the app (main/app/compose-app.ts). */
const WINDOW = { width: 760, height: 560 };

/** A world whose fake STS knows alice (with a virtual MFA device), optionally already added. */
async function world(options: { withAlice?: boolean } = {}): Promise<SettingsWorld & { alice: FakeUser }> {
  const w = settingsWorld();
  const alice = w.sts.addUser('alice', { mfaSeed: SEED });
  if (options.withAlice)
    await w.api.addIdentity({ identity: { name: 'alice', accessKeyId: alice.accessKeyId }, secretAccessKey: alice.secretAccessKey, verify: true });
  return Object.assign(w, { alice });
}

/** Everything the page holds as text: its markup and what every field contains. */
async function pageText(page: Page): Promise<string> {
  const values = await Promise.all((await page.locator('input').all()).map((input) => input.inputValue()));
  return [await page.content(), ...values].join('\n');
}

/** The six digits a TOTP display shows ("536 101" → "536101"). */
const shownCode = async (page: Page, label: string) => (await page.getByRole('group', { name: label }).locator('.code').textContent())?.replace(/\s/g, '');

describeWith([chromium], 'settings window in Chromium', () => {
  let server: Awaited<ReturnType<typeof rendererServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await rendererServer('settings.html');
    browser = await launchChromium({ viewport: WINDOW, deviceScaleFactor: 2 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(w: SettingsWorld): Promise<Page> {
    const page = await browser.context.newPage();
    await exposeSettingsApi(page, w.api);
    await page.goto(server.url('settings.html'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  const section = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name });

  /**
   * Screenshots in light and dark, the window as tall as its content so a long form shows whole, and
   * axe-core in both: no serious or critical finding.
   */
  async function step(page: Page, name: string): Promise<void> {
    const height = await page.locator('main').evaluate((main) => main.scrollHeight);
    await page.setViewportSize({ ...WINDOW, height: Math.max(WINDOW.height, height) });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${SCREENSHOTS}settings-${name}-${colorScheme}.png` });
      expect(await seriousAxeFindings(page), `${name} in ${colorScheme}`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(WINDOW);
  }

  it('opens on the first-run step, adds an identity by keyboard alone, and never shows its secret again', async () => {
    const w = await world();
    const page = await open(w);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Add your first identity');
    expect(await page.locator(':focus').getAttribute('id')).toBe(await page.getByLabel('Name', { exact: true }).getAttribute('id'));
    await step(page, 'first-run');

    // Name, region, key id, secret: the tab order of the form. A wrong secret: STS says so in place.
    await page.keyboard.type('alice');
    await page.keyboard.press('Tab');
    await page.keyboard.type('eu-west-1');
    await page.keyboard.press('Tab');
    await page.keyboard.type(w.alice.accessKeyId);
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrongwrongwrongwrongwrongwrong');
    const before = w.snapshot();
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      `identity "alice": the secret access key entered for identity "alice" does not match access key AKIA…${w.alice.accessKeyId.slice(-4)}: check it and enter it again`,
    );
    expect(w.snapshot()).toEqual(before);
    await step(page, 'first-run-sts-error');

    await page.getByLabel('Secret access key').fill('');
    await page.getByLabel('Secret access key').focus();
    await page.keyboard.type(w.alice.secretAccessKey);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Identities' }).waitFor();
    await page.getByText('arn:aws:iam::123456789012:user/alice').first().waitFor();
    expect(await w.keychain.get('identity', 'alice')).toBe(w.alice.secretAccessKey);
    expect(await pageText(page)).not.toContain(w.alice.secretAccessKey);
    await step(page, 'identities');

    // Editing shows the key as stored, not what it is; Esc puts the form away.
    await page.getByRole('button', { name: 'Edit alice' }).click();
    const secret = page.getByLabel('Secret access key');
    expect(await secret.inputValue()).toBe('');
    expect(await secret.getAttribute('placeholder')).toBe('•••••••• stored in the keychain');
    expect(await pageText(page)).not.toContain(w.alice.secretAccessKey);
    await step(page, 'identity-edit');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Edit alice' }).waitFor();
    await page.close();
  });

  it('adds MFA devices from an otpauth URI and from a QR image, which show the same code; the seed never reaches the page', async () => {
    const w = await world({ withAlice: true });
    const bob = w.sts.addUser('bob');
    await w.api.addIdentity({ identity: { name: 'bob', accessKeyId: bob.accessKeyId }, secretAccessKey: bob.secretAccessKey, verify: false });
    const expected = totpCode(SEED, w.clock.now()).code;
    const page = await open(w);
    await section(page, 'MFA devices').click();

    await page.getByRole('button', { name: 'Add MFA device' }).click();
    await page.getByLabel('Name', { exact: true }).fill('phone');
    await page.getByLabel('Serial (ARN)').fill(SERIAL);
    await page.getByRole('switch', { name: 'Store the TOTP seed on this computer' }).check();
    expect(await page.getByRole('note').innerText()).toMatch(/^This makes MFA one factor on this computer\. The seed is kept in the system keychain next to the secret key it protects/);
    await page.getByLabel('otpauth:// URI or secret key').fill(URI);
    await page.getByText('Seed read for Amazon Web Services · alice@123456789012').waitFor();
    expect(await shownCode(page, 'Code from the new seed')).toBe(expected);
    await page.getByRole('switch', { name: 'Answer MFA automatically' }).check();
    await step(page, 'mfa-seed');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Edit phone' }).waitFor();

    const png = join(w.home, 'aws-mfa-qr.png');
    await QRCode.toFile(png, URI, { type: 'png' });
    w.chooseFile(png);
    await page.getByRole('button', { name: 'Add MFA device' }).click();
    await page.getByLabel('Name', { exact: true }).fill('backup');
    await page.getByLabel('Identity').selectOption('bob');
    await page.getByLabel('Serial (ARN)').fill('arn:aws:iam::123456789012:mfa/bob');
    await page.getByRole('switch', { name: 'Store the TOTP seed on this computer' }).check();
    await page.getByRole('button', { name: 'Choose QR code image…' }).click();
    await page.getByText('Seed read for Amazon Web Services').waitFor();
    expect(await shownCode(page, 'Code from the new seed')).toBe(expected);
    await step(page, 'mfa-qr');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Edit backup' }).waitFor();
    await step(page, 'mfa-devices');

    expect(await w.keychain.get('mfa-seed', 'phone')).toBe(SEED);
    expect(await w.keychain.get('mfa-seed', 'backup')).toBe(SEED);
    expect((await w.store.load()).mfaDevices).toEqual([
      { name: 'phone', serial: SERIAL, identity: 'alice', hasSeed: true, autoMfa: true },
      { name: 'backup', serial: 'arn:aws:iam::123456789012:mfa/bob', identity: 'bob', hasSeed: true, autoMfa: false },
    ]);

    // A saved device's code comes from its stored seed.
    await page.getByRole('button', { name: 'Edit phone' }).click();
    expect(await shownCode(page, 'Current code of phone')).toBe(expected);
    expect(await pageText(page)).not.toContain(SEED);
    await page.close();
  });

  it("shows each key's age, and rotates a key after saying what will happen, with progress and the masked result", async () => {
    let answerMfa: ((code: string) => void) | undefined;
    const prompt = new FakeMfaPrompt(() => new Promise<string>((resolve) => (answerMfa = resolve)));
    const w = settingsWorld({ prompt });
    const alice = w.sts.addUser('alice', { mfaSeed: SEED });
    const bob = w.sts.addUser('bob');
    w.iam.addUser(alice, { created: new Date(WORLD_TIME - 97 * DAY_MS) });
    w.iam.addUser(bob, { created: new Date(WORLD_TIME - 12 * DAY_MS) });
    for (const user of [alice, bob])
      await w.api.addIdentity({ identity: { name: user.name, accessKeyId: user.accessKeyId }, secretAccessKey: user.secretAccessKey, verify: true });
    // alice's IAM calls are signed with her MFA session, so the rotation asks for her code.
    await w.api.addMfaDevice({ device: { name: 'alice', serial: SERIAL, identity: 'alice', autoMfa: false } });
    const page = await open(w);

    // Past the 90-day limit: a warning; under it, just the age.
    await page.locator('.badge.warn', { hasText: 'key created 97 days ago' }).waitFor();
    await page.getByText('past the 90-day limit: rotate it').waitFor();
    expect(await page.getByText('key created 12 days ago', { exact: true }).evaluate((element) => element.tagName)).toBe('P');
    await step(page, 'identities-key-age');

    // The confirm step says what rotation does; Esc steps back before anything happens.
    await page.getByRole('button', { name: 'Rotate key of alice' }).click();
    const panel = page.getByRole('group', { name: `Rotate the access key of alice (AKIA…${alice.accessKeyId.slice(-4)})?` });
    expect(await panel.innerText()).toContain('Latchkey creates a new access key for its IAM user, keeps it in the keychain and checks that AWS accepts it.');
    expect(await panel.innerText()).toContain('Then the old key is deactivated and deleted.');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(w.iam.calls.filter((call) => call.action === 'CreateAccessKey')).toEqual([]);

    await page.getByRole('button', { name: 'Rotate key of alice' }).click();
    await page.getByRole('checkbox', { name: /^Keep the old key, inactive/ }).check();
    await step(page, 'identity-rotate');
    await page.getByRole('button', { name: 'Rotate key', exact: true }).click();
    // Never silent: while the MFA prompt waits for the code, the panel says so.
    await page.getByRole('status').filter({ hasText: 'Getting the MFA session of alice: enter its code in the MFA prompt if Latchkey asks…' }).waitFor();
    await step(page, 'identity-rotating');
    await until(() => answerMfa !== undefined, 'the MFA prompt to ask');
    answerMfa?.(totpCode(SEED, w.clock.now()).code);

    const result = page.getByRole('status').filter({ hasText: 'Rotated:' });
    await result.waitFor();
    const fresh = w.iam.keys.get('alice')?.find((key) => key.accessKeyId !== alice.accessKeyId)?.accessKeyId ?? '';
    expect(await result.textContent()).toBe(
      `✓ Rotated: AKIA…${fresh.slice(-4)} is in the keychain and works; the old key AKIA…${alice.accessKeyId.slice(-4)} is inactive: delete it in IAM once nothing needs it. Sessions made with the old key stay valid until they expire.`,
    );
    await page.getByText(`AKIA…${fresh.slice(-4)}`, { exact: true }).waitFor();
    await page.getByText('key created today').waitFor();
    await step(page, 'identity-rotated');
    const secret = (await w.keychain.get('identity', 'alice')) ?? '';
    expect(secret).not.toBe(alice.secretAccessKey);
    for (const hidden of [secret, fresh, alice.accessKeyId, alice.secretAccessKey]) expect(await pageText(page)).not.toContain(hidden);

    // With two keys already, core refuses and nothing changes: its words show in place.
    w.iam.keys.get('bob')?.push({ accessKeyId: 'AKIAOTHEROTHEROTHER1', status: 'Active' });
    await page.getByRole('button', { name: 'Rotate key of bob' }).click();
    await page.getByRole('button', { name: 'Rotate key', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^IAM user "bob" already has two access keys, the most AWS allows: .* Nothing was changed\./);
    await step(page, 'identity-rotate-refused');
    await page.close();
  });

  it('opened at an identity (the key-age reminder\'s "Rotate…"), shows its rotate step with the focus in it, and rotates only once confirmed', async () => {
    const w = settingsWorld();
    const [alice, bob] = [w.sts.addUser('alice'), w.sts.addUser('bob')];
    for (const user of [alice, bob]) {
      w.iam.addUser(user, { created: new Date(WORLD_TIME - 120 * DAY_MS) });
      await w.api.addIdentity({ identity: { name: user.name, accessKeyId: user.accessKeyId }, secretAccessKey: user.secretAccessKey, verify: true });
    }
    const rotations = () => w.iam.calls.filter((call) => call.action === 'CreateAccessKey').map((call) => call.input.userName);
    const before = w.snapshot();

    // A window just opened: main sends the place once the page has loaded, which may be before its view is read.
    let viewRead: () => void = () => undefined;
    const reading = new Promise<void>((resolve) => (viewRead = resolve));
    const page = await browser.context.newPage();
    const load: SettingsWorld['api']['load'] = async (request) => {
      await reading;
      return w.api.load(request);
    };
    await exposeSettingsApi(page, { ...w.api, load });
    await page.goto(server.url('settings.html'));
    const panelOf = (user: FakeUser) => page.getByRole('group', { name: `Rotate the access key of ${user.name} (AKIA…${user.accessKeyId.slice(-4)})?` });
    /** The focus is on the Cancel of the user's panel: a screen reader says the group's question with it. */
    const cancelFocused = (user: FakeUser) => panelOf(user).getByRole('button', { name: 'Cancel' }).evaluate((button) => button.matches(':focus'));
    // The sidebar is there before the view: the place, heard first, turns it to the identities page.
    await section(page, 'Preferences').click();
    w.show({ identity: 'bob' });
    await expect.poll(() => section(page, 'Identities').getAttribute('aria-current')).toBe('page');
    viewRead();
    await panelOf(bob).waitFor();
    await expect.poll(() => cancelFocused(bob)).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Identities');
    expect(await page.getByRole('group', { name: /^Rotate the access key of alice/ }).count()).toBe(0);
    await step(page, 'identity-rotate-shown');

    // Nothing is rotated until the person confirms: Esc steps back, and nothing changed.
    await page.keyboard.press('Escape');
    await panelOf(bob).waitFor({ state: 'detached' });
    expect(rotations()).toEqual([]);
    expect(w.snapshot()).toEqual(before);

    // From another page, and again over its own open step (the focus elsewhere in it): the step opens afresh, focused.
    await section(page, 'Preferences').click();
    w.show({ identity: 'bob' });
    await panelOf(bob).waitFor();
    await expect.poll(() => cancelFocused(bob)).toBe(true);
    await page.getByRole('checkbox', { name: /^Keep the old key, inactive/ }).focus();
    w.show({ identity: 'bob' });
    await expect.poll(() => cancelFocused(bob)).toBe(true);

    // An identity no longer there (removed since the reminder): just the identities page, with nothing open.
    await section(page, 'Roles').click();
    w.show({ identity: 'carol' });
    await page.getByRole('heading', { level: 1, name: 'Identities' }).waitFor();
    expect(await page.getByRole('group', { name: /^Rotate the access key of/ }).count()).toBe(0);
    expect(rotations()).toEqual([]);
    expect(w.snapshot()).toEqual(before);

    // Confirmed: now, and only now, bob's key rotates.
    w.show({ identity: 'bob' });
    await panelOf(bob).waitFor();
    await page.getByRole('button', { name: 'Rotate key', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Rotated:' }).waitFor();
    expect(rotations()).toEqual(['bob']);
    expect(await w.keychain.get('identity', 'alice')).toBe(alice.secretAccessKey);
    await page.close();
  });

  it('sets up a virtual MFA device: the form checks the name, main\'s refusal shows, and the page gets status, never the seed', async () => {
    const w = await world({ withAlice: true });
    w.iam.addUser(w.alice);
    const page = await open(w);
    await section(page, 'MFA devices').click();
    await page.getByRole('button', { name: 'Set up a virtual MFA device…' }).click();
    await page.getByRole('heading', { name: 'Set up a virtual MFA device' }).waitFor();
    const name = page.getByLabel('Device name');
    expect(await page.locator(':focus').getAttribute('id')).toBe(await name.getAttribute('id'));

    // Checked as typed, with the shared rule; the first wrong field takes the focus.
    const before = w.snapshot();
    const calls = w.iam.calls.length;
    await page.getByRole('button', { name: 'Set up device' }).click();
    await page.getByText('MFA device name "" is not allowed').waitFor();
    expect(await page.locator(':focus').getAttribute('aria-invalid')).toBe('true');
    // A Latchkey name IAM would not take: main refuses before asking IAM.
    await name.fill('alice:phone');
    await page.getByRole('button', { name: 'Set up device' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('MFA device name "alice:phone" cannot be an IAM device name: use 1-226 of the characters A-Z a-z 0-9 _ + = , . @ -');
    expect(w.iam.calls.slice(calls)).toEqual([]);
    expect(w.snapshot()).toEqual(before);
    await step(page, 'mfa-enroll-refused');

    // Storing the seed is explained as it is turned on; left off here.
    await name.fill('alice-phone');
    await page.getByRole('switch', { name: 'Store the TOTP seed on this computer' }).check();
    expect(await page.getByRole('note').innerText()).toMatch(/^This makes MFA one factor on this computer\./);
    await step(page, 'mfa-enroll');
    await page.getByRole('switch', { name: 'Store the TOTP seed on this computer' }).uncheck();
    await page.getByRole('button', { name: 'Set up device' }).click();

    await page.getByRole('heading', { name: 'MFA device alice-phone is set up' }).waitFor();
    expect(await page.getByRole('status').innerText()).toBe('✓ alice-phone is assigned to IAM user alice.\narn:aws:iam::123456789012:mfa/alice-phone');
    expect(await page.getByRole('note').innerText()).toMatch(/^Scan the QR code in the window Latchkey opened now, with your authenticator app: it will not be shown again\./);
    // The QR code is in main's own window; the page has none of it.
    expect(w.qr.open).toBe(true);
    expect(w.qr.pages[0]).toContain(`secret=${SEED}`);
    const text = await pageText(page);
    expect(text).not.toContain(SEED);
    expect(text).not.toMatch(/otpauth|data:image/);
    await step(page, 'mfa-enrolled');

    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Edit alice-phone' }).waitFor();
    expect(w.qr.open).toBe(false);

    // Main's QR page as Chromium draws it, with scripts off as in its window: a code a phone can scan.
    const qrPage = await browser.context.newPage();
    await qrPage.setViewportSize({ width: 420, height: 680 });
    await qrPage.setContent(w.qr.pages[0] ?? '');
    for (const colorScheme of ['light', 'dark'] as const) {
      await qrPage.emulateMedia({ colorScheme });
      const shot = PNG.sync.read(await qrPage.screenshot({ path: `${SCREENSHOTS}settings-mfa-qr-window-${colorScheme}.png` }));
      expect(jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height)?.data, colorScheme).toMatch(new RegExp(`^otpauth://totp/.*secret=${SEED}`));
    }
    await qrPage.close();
    expect((await w.store.load()).mfaDevices).toEqual([{ name: 'alice-phone', serial: 'arn:aws:iam::123456789012:mfa/alice-phone', identity: 'alice', hasSeed: false, autoMfa: false }]);
    await page.close();
  });

  it('adds a role and tests it, showing the assumed-role ARN', async () => {
    const w = await world({ withAlice: true });
    w.sts.addRole('deploy', { externalId: 'deploy-ext' });
    const page = await open(w);
    await section(page, 'Roles').click();
    await page.getByRole('button', { name: 'Add role' }).click();
    await page.getByLabel('Name', { exact: true }).fill('deploy');
    await page.getByLabel('Role ARN').fill('arn:aws:iam::123456789012:role/deploy');
    await page.getByLabel('Duration (seconds)').fill('1800');
    await page.getByLabel('External ID').fill('deploy-ext');
    await page.getByLabel('Session name').fill('alice-deploys');
    await step(page, 'role-form');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByRole('button', { name: 'Test deploy' }).click();
    const result = page.getByRole('status');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/^✓ Assumed arn:aws:sts::123456789012:assumed-role\/deploy\/alice-deploys, session until \d\d:\d\d/);
    expect(w.sts.calls.AssumeRole).toBe(1);
    await step(page, 'roles');

    // Removing asks first; Esc steps back, "Remove" takes the role and its cached session.
    expect(await w.keychain.list('session')).toHaveLength(1);
    await page.getByRole('button', { name: 'Remove deploy' }).click();
    await page.getByText('Remove deploy? Its cached sessions are forgotten.').waitFor();
    await step(page, 'role-remove');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Remove deploy' }).click();
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByText('No roles yet.').waitFor();
    expect((await w.store.load()).roles).toEqual([]);
    expect(await w.keychain.list('session')).toEqual([]);
    await page.close();
  });

  it('refuses an invalid ARN, duration, serial and seed as they are typed, and saves nothing', async () => {
    const w = await world({ withAlice: true });
    const page = await open(w);
    const before = w.snapshot();
    const answered = w.answers.length;

    await section(page, 'Roles').click();
    await page.getByRole('button', { name: 'Add role' }).click();
    await page.getByLabel('Name', { exact: true }).fill('broken');
    await page.getByLabel('Role ARN').fill('arn:aws:iam::12:role/x');
    await page.getByText('role ARN "arn:aws:iam::12:role/x" must look like arn:aws:iam::123456789012:role/NAME').waitFor();
    await page.getByLabel('Duration (seconds)').fill('100');
    await page.getByText('role duration must be a whole number of seconds from 900 to 43200 (got 100)').waitFor();
    await page.getByLabel('Duration (seconds)').press('Enter');
    expect(await page.locator(':focus').getAttribute('aria-invalid')).toBe('true');
    await step(page, 'role-invalid');
    await page.keyboard.press('Escape');

    await section(page, 'MFA devices').click();
    await page.getByRole('button', { name: 'Add MFA device' }).click();
    await page.getByLabel('Name', { exact: true }).fill('phone');
    await page.getByLabel('Serial (ARN)').fill('arn:aws:iam::1:mfa/x');
    await page.getByText('MFA serial "arn:aws:iam::1:mfa/x" must look like arn:aws:iam::123456789012:mfa/NAME (or a hardware token serial)').waitFor();
    await page.getByRole('switch', { name: 'Store the TOTP seed on this computer' }).check();
    await page.getByLabel('otpauth:// URI or secret key').fill('not base32!');
    await page.getByText('TOTP seed must be Base32: letters A-Z and digits 2-7').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await step(page, 'mfa-invalid');

    expect(w.snapshot()).toEqual(before);
    expect(w.answers.slice(answered)).toEqual([]);
    await page.close();
  });

  it('previews an import with every profile\'s outcome, refuses scrub alone where a role uses the key, and adopts on confirm', async () => {
    const w = await world();
    writeFileSync(
      w.credentialsFile,
      `# work\n[alice]\naws_access_key_id = ${w.alice.accessKeyId}\naws_secret_access_key = ${w.alice.secretAccessKey}\n\n[old]\naws_access_key_id = AKIAOLDOLDOLDOLDOLDX\naws_secret_access_key = oldsecretoldsecretoldsecret\n`,
    );
    writeFileSync(
      w.configFile,
      `[profile alice]\nregion = eu-west-1\nmfa_serial = ${SERIAL}\n\n[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = alice\n\n[profile web]\nrole_arn = arn:aws:iam::123456789012:role/web\nweb_identity_token_file = /t\n`,
    );
    const before = w.snapshot();
    const page = await open(w);
    await page.getByRole('button', { name: 'Import from ~/.aws…' }).click();
    const deploy = page.getByRole('checkbox', { name: /^deploy \(from alice\)/ });
    await deploy.waitFor();

    // Every profile's line, as `latchkey import --dry-run` prints it: those imported and those left alone.
    const outcomes = page.getByRole('region', { name: 'Each profile in ~/.aws' }).getByRole('listitem');
    expect(await outcomes.allInnerTexts()).toEqual([
      'alice: identity "alice" with MFA device "alice": its key moves to the keychain',
      'old: identity "old": its key moves to the keychain',
      'deploy: role "deploy" (arn:aws:iam::123456789012:role/deploy) from "alice"',
      'alice: note: its mfa_serial became MFA device "alice": served by Latchkey (--adopt), the profile asks for a code, which AWS tools did not for the key alone',
      'web: left alone: it assumes a role with a web identity token (web_identity_token_file)',
    ]);

    // Adopting needs the keys removed first, and says so.
    const scrub = page.getByRole('checkbox', { name: 'Remove the imported keys from the credentials file (scrub)' });
    const adopt = page.getByRole('checkbox', { name: 'Keep these profiles working through Latchkey (adopt)' });
    expect(await adopt.isDisabled()).toBe(true);
    expect(await page.locator(`#${await adopt.getAttribute('aria-describedby')}`).innerText()).toBe(
      'Needs the keys removed (scrub) first: while they stay in the credentials file, AWS tools keep using them.',
    );
    await step(page, 'import');
    expect(w.snapshot()).toEqual(before);

    // A role cannot come without its source.
    await page.getByRole('checkbox', { name: /^alice/ }).first().uncheck();
    expect(await deploy.isDisabled()).toBe(true);
    expect(await deploy.isChecked()).toBe(false);
    await page.getByRole('checkbox', { name: /^alice/ }).first().check();
    expect(await deploy.isChecked()).toBe(true);

    // Scrub alone would leave alice and deploy without credentials: main refuses, in the CLI's words.
    await page.getByRole('checkbox', { name: /^old/ }).uncheck();
    await scrub.check();
    await page.getByRole('button', { name: 'Import 3' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      '--scrub would leave profiles "alice", "deploy" without credentials (they use the keys it removes): add --adopt so they get their sessions from Latchkey under the same names, or leave out --scrub',
    );
    expect(w.snapshot()).toEqual(before);
    await step(page, 'import-refused');

    // With adopt, the ticked entries' profiles (not old's) keep working through Latchkey.
    await adopt.check();
    expect(await alert.count()).toBe(0);
    expect(await page.locator(`#${await adopt.getAttribute('aria-describedby')}`).innerText()).toBe(
      `alice, deploy get their credentials from Latchkey (credential_process in ${w.configFile}) under the same names, so scripts and source_profile references keep working; the lines replaced stay as a comment.`,
    );
    await step(page, 'import-adopt');
    await page.getByRole('button', { name: 'Import 3' }).click();
    await page.getByText('✓ Imported 1 identity, 1 MFA device, 1 role. Removed 1 key from the credentials file. alice, deploy now get their credentials from Latchkey.').waitFor();
    await step(page, 'import-done');

    const settings = await w.store.load();
    expect(settings.identities.map((i) => i.name)).toEqual(['alice']);
    expect(settings.roles.map((r) => r.name)).toEqual(['deploy']);
    const { files } = w.snapshot();
    expect(files[w.credentialsFile]).toBe('# work\n[old]\naws_access_key_id = AKIAOLDOLDOLDOLDOLDX\naws_secret_access_key = oldsecretoldsecretoldsecret\n');
    expect(files[w.configFile]).toContain('[profile deploy]\n# Replaced by Latchkey; `latchkey unpublish deploy` puts these lines back:\n# role_arn');
    expect(files[w.configFile]).toContain('credential_process = /opt/Latchkey/resources/bin/latchkey credential-process alice\n');
    expect(await pageText(page)).not.toContain(w.alice.secretAccessKey);
    await page.close();
  });

  it('says why a development build cannot adopt', async () => {
    const w = settingsWorld({ processCommand: { unavailable: 'this development build has no `latchkey` command that AWS tools could run once it quits' } });
    const alice = w.sts.addUser('alice');
    writeFileSync(w.credentialsFile, `[alice]\naws_access_key_id = ${alice.accessKeyId}\naws_secret_access_key = ${alice.secretAccessKey}\n`);
    const page = await open(w);
    await page.getByRole('button', { name: 'Import from ~/.aws…' }).click();
    const adopt = page.getByRole('checkbox', { name: 'Keep these profiles working through Latchkey (adopt)' });
    await page.getByRole('checkbox', { name: 'Remove the imported keys from the credentials file (scrub)' }).check();
    expect(await adopt.isDisabled()).toBe(true);
    expect(await page.locator(`#${await adopt.getAttribute('aria-describedby')}`).innerText()).toBe(
      'Not available here: this development build has no `latchkey` command that AWS tools could run once it quits.',
    );
    await page.close();
  });

  it('saves the preferences, the session lengths included', async () => {
    const w = await world({ withAlice: true });
    const page = await open(w);
    await section(page, 'Preferences').click();
    const profile = page.getByLabel('Active target profile');
    await profile.fill('work profile');
    await page.getByText('profile name "work profile" is not allowed').waitFor();
    await profile.fill('work');
    await page.getByLabel('Expiry reminder (minutes before)').fill('5');
    await page.getByLabel('MFA session (seconds)').fill('28800');
    await page.getByLabel('Role session (seconds)').fill('7200');
    await page.getByLabel('Renew when less is left (minutes)').fill('20');
    await page.getByLabel('Key age reminder (days)').fill('30');
    await page.getByRole('switch', { name: 'Remove expired session keys' }).check();
    await page.getByRole('switch', { name: 'Launch at login' }).check();
    const containers = page.getByRole('switch', { name: 'Open each console in its own Firefox container' });
    expect(await page.locator(`#${await containers.getAttribute('aria-describedby')}`).innerText()).toBe(
      'Needs the Firefox add-on “Open external links in a container”, which handles ext+container: URLs; wins over browser profiles.',
    );
    await containers.check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('✓ Saved').waitFor();
    await step(page, 'preferences');
    expect((await w.store.load()).preferences).toEqual({
      activeTargetProfile: 'work',
      reminderLeadMinutes: 5,
      mfaSessionSeconds: 28_800,
      roleSessionSeconds: 7_200,
      renewalWindowMinutes: 20,
      stripExpiredKeys: true,
      launchAtLogin: true,
      publishRolesUnderOwnName: false,
      keyAgeDays: 30,
      consoleBrowserProfiles: false,
      consoleFirefoxContainers: true,
    });
    await page.close();
  });

  it('checks the session lengths as the settings schema does, and saves nothing while one is wrong', async () => {
    const w = await world({ withAlice: true });
    const page = await open(w);
    await section(page, 'Preferences').click();
    const before = w.snapshot();
    const answered = w.answers.length;
    const cases: [label: string, value: string, says: string][] = [
      ['MFA session (seconds)', '600', 'MFA session duration must be a whole number of seconds from 900 to 129600 (got 600)'],
      ['MFA session (seconds)', '200000', 'MFA session duration must be a whole number of seconds from 900 to 129600 (got 200000)'],
      ['Role session (seconds)', '43201', 'role duration must be a whole number of seconds from 900 to 43200 (got 43201)'],
      ['Role session (seconds)', '3600.5', 'role duration must be a whole number of seconds from 900 to 43200 (got 3600.5)'],
      ['Renew when less is left (minutes)', '14', 'renewal window (minutes) must be at least 15'],
      ['Renew when less is left (minutes)', '61', 'renewal window (minutes) must be at most 60'],
      ['Renew when less is left (minutes)', '', 'enter a whole number'],
      ['Key age reminder (days)', '3651', 'key age limit (days) must be at most 3650'],
      ['Key age reminder (days)', '-1', 'key age limit (days) must be at least 0'],
    ];
    for (const [label, value, says] of cases) {
      await page.getByLabel(label).fill(value);
      await page.getByText(says).waitFor();
      // The same words as main's own check of the same value (a patch of that one field).
      const field = {
        'MFA session (seconds)': 'mfaSessionSeconds',
        'Role session (seconds)': 'roleSessionSeconds',
        'Renew when less is left (minutes)': 'renewalWindowMinutes',
        'Key age reminder (days)': 'keyAgeDays',
      }[label] as string;
      if (value !== '') await expect(w.api.savePreferences({ preferences: { [field]: Number(value) } })).rejects.toThrow(says);
    }
    // The key age back in bounds: the first field still wrong is then the MFA session's.
    await page.getByLabel('Key age reminder (days)').fill('90');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await page.locator(':focus').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(':focus').getAttribute('id')).toBe(await page.getByLabel('MFA session (seconds)').getAttribute('id'));
    await step(page, 'preferences-invalid');
    expect(w.snapshot()).toEqual(before);
    expect(w.answers.slice(answered).filter((answer) => answer.verb === 'savePreferences')).toEqual([]);
    await page.close();
  });

  it('shows a change made elsewhere as soon as main says so, without reopening, keeping what the person is typing', async () => {
    const w = await world({ withAlice: true });
    const page = await open(w);

    // The CLI adds an identity (`latchkey identity add bob`): the list shows it.
    const bob = w.sts.addUser('bob');
    await w.api.addIdentity({ identity: { name: 'bob', accessKeyId: bob.accessKeyId }, secretAccessKey: bob.secretAccessKey, verify: false });
    w.changed();
    await page.getByRole('button', { name: 'Edit bob' }).waitFor();

    // The tray turns "Launch at login" on while the person edits the reminder: the switch follows, the edit stays.
    await section(page, 'Preferences').click();
    const lead = page.getByLabel('Expiry reminder (minutes before)');
    await lead.fill('5');
    await w.store.update((settings) => void (settings.preferences.launchAtLogin = true));
    w.changed();
    await expect.poll(() => page.getByRole('switch', { name: 'Launch at login' }).isChecked()).toBe(true);
    expect(await lead.inputValue()).toBe('5');
    await page.close();
  });

  it('a save sends only what the person changed: a change made elsewhere meanwhile stays, even one the window was not told of', async () => {
    const w = await world({ withAlice: true });
    const page = await open(w);
    await section(page, 'Preferences').click();
    await page.getByLabel('Expiry reminder (minutes before)').fill('5');
    // The tray and the CLI, with no `changed` reaching the window: it still shows what it read.
    await w.store.update((settings) => {
      settings.preferences.launchAtLogin = true;
      settings.preferences.roleSessionSeconds = 7_200;
    });
    expect(await page.getByRole('switch', { name: 'Launch at login' }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('✓ Saved').waitFor();
    expect(w.answers.filter((answer) => answer.verb === 'savePreferences')).toHaveLength(1);
    expect((await w.store.load()).preferences).toMatchObject({ reminderLeadMinutes: 5, launchAtLogin: true, roleSessionSeconds: 7_200 });
    // What main answered is what the page shows now.
    expect(await page.getByRole('switch', { name: 'Launch at login' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Role session (seconds)').inputValue()).toBe('7200');
    await page.close();
  });

  it('the MFA prompt window has no serious or critical accessibility problem either', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 340, height: 200 });
    const main = await fakeMfaPromptApi(page, server.url('mfa-prompt.html'), '123456');
    await main.show({
      requestId: 'req-1',
      deviceName: 'alice-phone',
      serial: SERIAL,
      identityName: 'alice',
      accountId: '123456789012',
      requesters: ['credential_process dev'],
      deadline: new Date(Date.now() + 100_000).toISOString(),
      error: 'AWS refused the MFA code (wrong, expired or already used): enter the current code',
    });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousAxeFindings(page), colorScheme).toEqual([]);
    }
    await page.close();
  });
});
