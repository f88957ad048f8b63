import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MfaPromptView } from '../../electron/shared/ipc-contract';
import { launchChromium } from '../helpers/chromium';
import { chromium } from '../helpers/components';
import { describeWith } from '../helpers/needs';
import { fakeMfaPromptApi, REFUSED } from './fake-mfa-prompt-api';
import { rendererServer } from './renderer-server';

const SCREENSHOTS = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));
const RIGHT = '246810';

const request = (overrides: Partial<MfaPromptView> = {}): MfaPromptView => ({
  requestId: 'req-1',
  deviceName: 'alice-phone',
  serial: 'arn:aws:iam::123456789012:mfa/alice',
  identityName: 'alice',
  accountId: '123456789012',
  requesters: ['credential_process dev'],
  deadline: new Date(Date.now() + 102_000).toISOString(),
  ...overrides,
});

/** Puts `text` on the page's clipboard, for a real Ctrl+V. */
const copy = (page: Page, text: string) =>
  page.evaluate((copied) => (globalThis as unknown as { navigator: { clipboard: { writeText(text: string): Promise<void> } } }).navigator.clipboard.writeText(copied), text);

describeWith([chromium], 'MFA prompt window in Chromium', () => {
  let server: Awaited<ReturnType<typeof rendererServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await rendererServer('mfa-prompt.html');
    // The popup's size in the app, at a Retina scale so screenshots are crisp.
    browser = await launchChromium({ viewport: { width: 340, height: 200 }, deviceScaleFactor: 2 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open() {
    const page = await browser.context.newPage();
    const main = await fakeMfaPromptApi(page, server.url('mfa-prompt.html'), RIGHT);
    const code = page.getByRole('textbox', { name: '6-digit code from alice-phone' });
    const boxes = () => page.locator('.box').allTextContents();
    const submit = page.getByRole('button', { name: 'Submit' });
    return { page, main, code, boxes, submit };
  }

  async function screenshots(page: Page, name: string): Promise<void> {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${SCREENSHOTS}${name}-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }

  it('shows the request and submits the right code with Enter', async () => {
    const { page, main, code, boxes, submit } = await open();
    await main.show(request({ requesters: ['tray', 'credential_process dev'] }));

    expect(await page.getByRole('heading').textContent()).toBe('MFA code for alice (123456789012)');
    expect(await page.getByText('arn:aws:iam::123456789012:mfa/alice').isVisible()).toBe(true);
    expect(await page.getByText('requested by: tray, credential_process dev').isVisible()).toBe(true);
    expect(await page.getByText(/^1:4\d left$/).isVisible()).toBe(true);
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe('6-digit code from alice-phone');

    await page.keyboard.type('2468');
    await page.keyboard.press('Backspace');
    expect(await boxes()).toEqual(['2', '4', '6', '', '', '']);
    await page.keyboard.type('8a1 0');
    expect(await code.inputValue()).toBe(RIGHT);
    expect(await submit.isEnabled()).toBe(true);
    await screenshots(page, 'mfa-prompt');

    await page.keyboard.press('Enter');
    await page.getByText('Checking code…').waitFor();
    expect(await main.sent()).toEqual([{ verb: 'submit', requestId: 'req-1', code: RIGHT }]);
    expect(await submit.isDisabled()).toBe(true);
    await page.close();
  });

  it('keeps Submit disabled until there are six digits', async () => {
    const { page, main, submit } = await open();
    await main.show(request());
    expect(await submit.isDisabled()).toBe(true);
    await page.keyboard.type('24681');
    expect(await submit.isDisabled()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await main.sent()).toEqual([]);
    await page.close();
  });

  it('shows a refused code in place, clears the digits, and takes the retry', async () => {
    const { page, main, code, boxes, submit } = await open();
    await main.show(request());

    await page.keyboard.type('111111');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(REFUSED);
    expect(await boxes()).toEqual(['', '', '', '', '', '']);
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await screenshots(page, 'mfa-prompt-error');

    await page.keyboard.type(RIGHT);
    await submit.click();
    await page.getByText('Checking code…').waitFor();
    expect(await main.sent()).toEqual([
      { verb: 'submit', requestId: 'req-1', code: '111111' },
      { verb: 'submit', requestId: 'req-1', code: RIGHT },
    ]);
    await page.close();
  });

  it('fills all six from a pasted "123 456", wherever the focus is', async () => {
    const { page, main, code, boxes } = await open();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await main.show(request());

    await page.keyboard.type('98');
    await copy(page, '123 456');
    await page.keyboard.press('Control+V');
    expect(await boxes()).toEqual(['1', '2', '3', '4', '5', '6']);

    await page.getByRole('button', { name: 'Cancel' }).focus();
    await copy(page, '654-321');
    await page.keyboard.press('Control+V');
    expect(await code.inputValue()).toBe('654321');
    await page.close();
  });

  it('cancels with Esc', async () => {
    const { page, main } = await open();
    await main.show(request());
    await page.keyboard.type('12');
    await page.keyboard.press('Escape');
    await expect.poll(() => main.sent()).toEqual([{ verb: 'cancel', requestId: 'req-1' }]);
    await page.close();
  });

  it('ends in a timed-out state at the deadline, where nothing can be submitted', async () => {
    const { page, main, code, submit } = await open();
    await main.show(request({ deadline: new Date(Date.now() + 1_500).toISOString() }));
    await page.keyboard.type(RIGHT.slice(0, 5));

    await page.getByText('Request timed out').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Request timed out');
    expect(await code.isDisabled()).toBe(true);
    expect(await submit.isDisabled()).toBe(true);
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    expect(await main.sent()).toEqual([]);
    await screenshots(page, 'mfa-prompt-timed-out');

    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => main.sent()).toEqual([{ verb: 'cancel', requestId: 'req-1' }]);
    await page.close();
  });

  it('adds requesters without losing the digits, and resets for a new request or a refused code', async () => {
    const { page, main, boxes } = await open();
    await main.show(request({ requesters: ['tray'] }));
    await page.keyboard.type('123');

    await main.show(request({ requesters: ['tray', 'terraform plan (credential_process prod)'] }));
    expect(await page.getByText('requested by: tray, terraform plan (credential_process prod)').isVisible()).toBe(true);
    expect(await boxes()).toEqual(['1', '2', '3', '', '', '']);

    // Main asks again for a refused code as a new request carrying the error.
    await main.show(request({ requestId: 'req-2', error: 'AWS refused the code: it was already used. Wait for the next one.' }));
    expect(await page.getByRole('alert').textContent()).toBe('AWS refused the code: it was already used. Wait for the next one.');
    expect(await boxes()).toEqual(['', '', '', '', '', '']);

    await page.keyboard.type('45');
    await main.show(request({ requestId: 'req-3', identityName: 'bob', accountId: undefined, requesters: ['tray'] }));
    expect(await page.getByRole('heading').textContent()).toBe('MFA code for bob');
    expect(await boxes()).toEqual(['', '', '', '', '', '']);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });
});
