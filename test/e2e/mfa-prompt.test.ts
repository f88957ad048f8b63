/**
 * The MFA popup's page in Chromium, driven by the app's own main side (popup-main.ts) and, where a code
 * goes to AWS, by the real MfaCodeSource and replay guard in front of a stand-in STS that answers as
 * AWS does. The viewport is the window: it takes the height the page asks for.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MfaCodeSource } from '../../electron/core/sts/mfa-code-source';
import { MFA_PROMPT_MS } from '../../electron/core/timeouts';
import { ReplayGuard } from '../../electron/core/totp/replay-guard';
import type { Identity, MfaDevice } from '../../electron/shared/model';
import { MemoryKeychain } from '../fakes/memory-keychain';
import { MemoryStepStore } from '../fakes/memory-step-store';
import { launchChromium } from '../helpers/chromium';
import { chromium } from '../helpers/components';
import { describeWith } from '../helpers/needs';
import { until } from '../helpers/until';
import { alice, mfaMessages, phone, refusedCode } from './mfa-messages';
import { POPUP_WIDTH, popupMain, type PopupMain } from './popup-main';
import { rendererServer } from './renderer-server';

const SCREENSHOTS = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));
const RIGHT = '246810';
const THREE = ['tray', 'credential_process terraform-production-admin', 'exec prod-readonly'];
const bob: Identity = { name: 'bob', accessKeyId: 'AKIAI44QH8DHBEXAMPLE' };
const others: MfaDevice[] = [
  { name: 'bob-token', serial: 'arn:aws:iam::210987654321:mfa/bob', identity: 'bob', hasSeed: false, autoMfa: false },
  { name: 'bob-key', serial: 'arn:aws:iam::210987654321:mfa/bob-key', identity: 'bob', hasSeed: false, autoMfa: false },
];

/** What the tests read of the page (they are type-checked without the DOM's types). */
interface PageGlobals {
  document: { querySelector(selector: string): { getBoundingClientRect(): { height: number } } | null; documentElement: { scrollWidth: number } };
  innerHeight: number;
}

/** Puts `text` on the page's clipboard, for a real Ctrl+V. */
const copy = (page: Page, text: string) =>
  page.evaluate((copied) => (globalThis as unknown as { navigator: { clipboard: { writeText(text: string): Promise<void> } } }).navigator.clipboard.writeText(copied), text);

describeWith([chromium], 'MFA prompt window in Chromium', () => {
  let server: Awaited<ReturnType<typeof rendererServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await rendererServer('mfa-prompt.html');
    // The popup's size before its page has measured itself, at a Retina scale so screenshots are crisp.
    browser = await launchChromium({ viewport: { width: POPUP_WIDTH, height: 200 }, deviceScaleFactor: 2 });
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open() {
    const page = await browser.context.newPage();
    const main = await popupMain(page, server.url('mfa-prompt.html'));
    const guard = new ReplayGuard(new MemoryStepStore(), main.timers.clock);
    const code = page.getByRole('textbox', { name: '6-digit code from alice-phone' });
    const boxes = () => page.locator('.box').allTextContents();
    const submit = page.getByRole('button', { name: 'Submit' });
    const alert = page.getByRole('alert');

    /**
     * A session's MFA flow as the engine runs it, its codes sent to an STS that takes RIGHT and refuses
     * any other code as AWS does; `answered` holds every answer back until the test lets it go.
     */
    function flow({ requester = 'credential_process dev', answered = Promise.resolve() } = {}) {
      const sent: string[] = [];
      const source = new MfaCodeSource(main.popups, new MemoryKeychain(), guard);
      const result = source.withCode({ device: phone, identity: alice, requester }, async (code) => {
        sent.push(code);
        await answered;
        if (code !== RIGHT) throw refusedCode();
        return 'session';
      });
      // Settled or not, a test that ends early must not leave an unhandled rejection behind.
      result.catch(() => {});
      return { sent, result };
    }
    return { page, main, code, boxes, submit, alert, flow };
  }

  /** Waits until the window is as tall as the page asked for. */
  async function fitted(page: Page, main: PopupMain): Promise<{ width: number; height: number }> {
    await main.settled();
    await page.waitForFunction(() => {
      const { document, innerHeight } = globalThis as unknown as PageGlobals;
      const form = document.querySelector('form');
      return form !== null && Math.ceil(form.getBoundingClientRect().height) === innerHeight;
    });
    await main.settled();
    const size = page.viewportSize();
    if (!size) throw new Error('no viewport');
    expect(size.height).toBe(main.fits.at(-1));
    return size;
  }

  /** Each of `locators` is drawn whole inside the window, and nothing is wider than it. */
  async function expectInside(page: Page, main: PopupMain, locators: Record<string, Locator>, what: string): Promise<void> {
    const { width, height } = await fitted(page, main);
    for (const [name, locator] of Object.entries(locators)) {
      const box = await locator.boundingBox();
      if (!box) throw new Error(`${name} is not drawn (${what})`);
      expect({ name, top: box.y >= 0, left: box.x >= 0, bottom: box.y + box.height <= height, right: box.x + box.width <= width }, what).toEqual({
        name,
        top: true,
        left: true,
        bottom: true,
        right: true,
      });
    }
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth), what).toBeLessThanOrEqual(width);
  }

  async function screenshots(page: Page, main: PopupMain, name: string): Promise<void> {
    await fitted(page, main);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${SCREENSHOTS}${name}-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }

  it('shows the request, submits on the sixth digit, and stays open, checking, until AWS has answered', async () => {
    const { page, main, code, boxes, submit, flow } = await open();
    let answer = () => {};
    const { sent, result } = flow({ answered: new Promise<void>((resolve) => (answer = resolve)) });
    await main.settled();

    expect(await page.getByRole('heading').textContent()).toBe('MFA code for alice (123456789012)');
    expect(await page.getByText('arn:aws:iam::123456789012:mfa/alice-phone').isVisible()).toBe(true);
    expect(await page.getByText('requested by: credential_process dev').isVisible()).toBe(true);
    expect(await page.getByText(/^[12]:\d\d left$/).isVisible()).toBe(true);
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe('6-digit code from alice-phone');

    await page.keyboard.type('2468');
    await page.keyboard.press('Backspace');
    expect(await boxes()).toEqual(['2', '4', '6', '', '', '']);
    await page.keyboard.type('8');
    expect(await submit.isDisabled()).toBe(true);
    await screenshots(page, main, 'mfa-prompt');

    // No Enter: the sixth digit sends the code.
    await page.keyboard.type('a1 0');
    await page.getByText('Checking with AWS…').waitFor();
    expect(sent).toEqual([RIGHT]);
    expect(main.view()).toMatchObject({ phase: 'checking' });
    expect(await code.isDisabled()).toBe(true);
    expect(await submit.isDisabled()).toBe(true);
    expect(main.isOpen()).toBe(true);
    await screenshots(page, main, 'mfa-prompt-checking');

    answer();
    expect(await result).toBe('session');
    expect(main.isOpen()).toBe(false);
    expect(main.closes()).toBe(1);
    await page.close();
  });

  it('keeps a refused code’s popup open, with AWS’s reason in place, refuses the same code again at once, and takes the next', async () => {
    const { page, main, code, boxes, alert, flow } = await open();
    const { sent, result } = flow();
    await main.settled();
    const { requestId } = main.view();

    await page.keyboard.type('111111');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(refusedCode().message);
    expect(await boxes()).toEqual(['', '', '', '', '', '']);
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe('6-digit code from alice-phone');
    // The same popup throughout: never closed, same request.
    expect(main.closes()).toBe(0);
    expect(main.view()).toMatchObject({ requestId, phase: 'code', error: refusedCode().message });
    await screenshots(page, main, 'mfa-prompt-error');

    // The code just sent never reaches AWS again: refused at once, saying when the next one comes.
    await page.keyboard.type('111111');
    await page.getByText(/^this code was just sent to AWS; the next one comes in \d+ s$/).waitFor();
    expect(sent).toEqual(['111111']);
    await screenshots(page, main, 'mfa-prompt-reused');

    await page.keyboard.type(RIGHT);
    expect(await result).toBe('session');
    expect(sent).toEqual(['111111', RIGHT]);
    expect(main.closes()).toBe(1);
    await page.close();
  });

  it('keeps Submit disabled until there are six digits', async () => {
    const { page, main, submit, flow } = await open();
    const { sent } = flow();
    await main.settled();
    expect(await submit.isDisabled()).toBe(true);
    await page.keyboard.type('24681');
    expect(await submit.isDisabled()).toBe(true);
    await page.keyboard.press('Enter');
    expect(sent).toEqual([]);
    expect(main.view()).toMatchObject({ phase: 'code' });
    await page.close();
  });

  it('takes a pasted "654-321" wherever the focus is, and a pasted "123 456" after typed digits', async () => {
    const { page, main, flow } = await open();
    const { sent } = flow();
    await main.settled();

    await page.getByRole('button', { name: 'Cancel' }).focus();
    await copy(page, '654-321');
    await page.keyboard.press('Control+V');
    await page.getByRole('alert').waitFor();
    expect(sent).toEqual(['654321']);

    await page.keyboard.type('98');
    await copy(page, '123 456');
    await page.keyboard.press('Control+V');
    await until(() => sent.length === 2, 'the pasted code sent');
    expect(sent).toEqual(['654321', '123456']);
    await page.close();
  });

  it('has the editing shortcuts without any application menu (Ctrl+A, Ctrl+X, Ctrl+V in the field)', async () => {
    const { page, main, boxes, flow } = await open();
    flow();
    await main.settled();
    await page.keyboard.type('123');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+X');
    expect(await boxes()).toEqual(['', '', '', '', '', '']);
    await page.keyboard.press('Control+V');
    expect(await boxes()).toEqual(['1', '2', '3', '', '', '']);
    await page.close();
  });

  it('cancels with Esc: the caller hears it and the popup closes', async () => {
    const { page, main, flow } = await open();
    const { result, sent } = flow();
    await main.settled();
    await page.keyboard.type('12');
    await page.keyboard.press('Escape');
    await expect(result).rejects.toMatchObject({ code: 'mfa-cancelled' });
    expect(sent).toEqual([]);
    expect(main.isOpen()).toBe(false);
    await page.close();
  });

  it('ends in a timed-out state at the deadline, where nothing can be submitted', async () => {
    const { page, main, code, submit, flow } = await open();
    // Main's clock runs 1.5 s short of two minutes behind the page's.
    main.timers.clock.advance(1_500 - MFA_PROMPT_MS);
    const { result, sent } = flow();
    await main.settled();
    await page.keyboard.type(RIGHT.slice(0, 5));

    await page.getByText('Request timed out').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Request timed out');
    expect(await code.isDisabled()).toBe(true);
    expect(await submit.isDisabled()).toBe(true);
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    expect(sent).toEqual([]);
    await screenshots(page, main, 'mfa-prompt-timed-out');

    await page.getByRole('button', { name: 'Close' }).click();
    await expect(result).rejects.toMatchObject({ code: 'mfa-cancelled' });
    await page.close();
  });

  it('adds requesters without losing the digits, and says how many other devices wait', async () => {
    const { page, main, boxes, flow } = await open();
    flow({ requester: THREE[0] });
    await main.settled();
    await page.keyboard.type('123');

    flow({ requester: THREE[1] });
    flow({ requester: THREE[2] });
    for (const device of others) void main.popups.ask({ device, identity: bob, requester: 'tray', attempt: 1 }).catch(() => {});
    await main.settled();
    expect(await page.getByText(`requested by: ${THREE.join(', ')}`).isVisible()).toBe(true);
    expect(await page.getByText('2 more waiting').isVisible()).toBe(true);
    expect(await boxes()).toEqual(['1', '2', '3', '', '', '']);
    await screenshots(page, main, 'mfa-prompt-queue');

    // Cancelled, the next device's request takes the window.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'MFA code for bob' }).waitFor();
    expect(await boxes()).toEqual(['', '', '', '', '', '']);
    expect(await page.getByText('1 more waiting').isVisible()).toBe(true);
    await page.close();
  });

  it('shows auto-MFA’s wait for a fresh code as a countdown with nothing to type, until the flow is done', async () => {
    const { page, main } = await open();
    const request = { device: { ...phone, hasSeed: true, autoMfa: true }, identity: alice, requester: 'credential_process dev' };
    main.popups.waiting(request, 12_000);
    await main.settled();

    await page.getByText(/^Fresh code in 1[12] s$/).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Auto-MFA: the current code of alice-phone was just used, so Latchkey waits for a fresh one.');
    expect(await page.getByRole('textbox').count()).toBe(0);
    await expectInside(page, main, { close: page.getByRole('button', { name: 'Close' }) }, 'waiting');
    await screenshots(page, main, 'mfa-prompt-waiting');
    // It counts down.
    await page.getByText(/^Fresh code in (\d|10) s$/).waitFor();

    main.popups.done(request);
    expect(main.isOpen()).toBe(false);
    await page.close();
  });

  it('fits every MFA message, for one and for three requesters: the code and Submit stay in the window', async () => {
    const { page, main, code, submit, alert } = await open();
    const messages = await mfaMessages();
    expect(messages.length).toBeGreaterThanOrEqual(15);
    for (const { what, message } of messages)
      for (const requesters of [THREE.slice(0, 1), THREE]) {
        const asked = requesters.map((requester, i) =>
          main.popups.ask({ device: phone, identity: alice, requester, attempt: i === 0 ? 2 : 1, previousError: i === 0 ? message : undefined }).catch(() => {}),
        );
        await main.settled();
        expect(await alert.textContent()).toBe(message);
        await expectInside(page, main, { code, submit, error: alert }, `${what}, ${requesters.length} requester(s)`);
        main.popups.cancel(main.view().requestId);
        await Promise.all(asked);
      }
    await page.close();
  });
});
