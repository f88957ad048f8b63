/**
 * A test implementation of the MFA prompt's preload API, typed by the same MfaPromptApi the real preload
 * implements, so the two cannot drift. It is injected into the page before the window's scripts run;
 * it records what the popup sends and lets the test play main's part (`show`).
 */
import type { JSHandle, Page } from 'playwright-core';
import type { MfaPromptView } from '../../electron/shared/ipc-contract';
import type { MfaPromptApi, WindowApi } from '../../electron/shared/window-api';

export type Sent = { verb: 'submit'; requestId: string; code: string } | { verb: 'cancel'; requestId: string };

interface Control {
  show(view: MfaPromptView): void;
  sent: Sent[];
  listeners: number;
}

/** The wrong-code message main would give. */
export const REFUSED = 'AWS did not accept that code. Wait for the next code and try again.';

/**
 * Runs inside the page: Playwright sends its source text, so it uses nothing from outside its own body.
 */
function install({ acceptedCode, refusal }: { acceptedCode: string; refusal: string }): void {
  const listeners = new Set<(view: MfaPromptView) => void>();
  const control: Control = { show: (view) => listeners.forEach((listener) => listener(view)), sent: [], listeners: 0 };
  const mfaPrompt: MfaPromptApi = {
    onShow(listener) {
      listeners.add(listener);
      control.listeners = listeners.size;
      return () => {
        listeners.delete(listener);
        control.listeners = listeners.size;
      };
    },
    async submit(requestId, code) {
      control.sent.push({ verb: 'submit', requestId, code });
      return code === acceptedCode ? { ok: true } : { ok: false, error: refusal };
    },
    async cancel(requestId) {
      control.sent.push({ verb: 'cancel', requestId });
    },
    // The window's size is not this fake's concern (popup-main.ts plays the window).
    async fit() {},
  };
  const api: Pick<WindowApi, 'mfaPrompt'> = { mfaPrompt };
  Object.assign(globalThis, { latchkey: api, fakeMfaPrompt: control });
}

/**
 * Opens `url` in `page` with the fake in place of the preload; resolves once the window listens for
 * requests (main, too, shows a request only after the window has loaded). Returns main's side.
 */
export async function fakeMfaPromptApi(page: Page, url: string, acceptedCode: string) {
  await page.addInitScript(install, { acceptedCode, refusal: REFUSED });
  await page.goto(url);
  const control = (await page.waitForFunction(() => {
    const fake = (globalThis as { fakeMfaPrompt?: Control }).fakeMfaPrompt;
    return fake !== undefined && fake.listeners > 0 && fake;
  })) as JSHandle<Control>;
  return {
    /** Resolves once the window has drawn the request (Svelte updates the page in a microtask). */
    show: (view: MfaPromptView) =>
      control.evaluate(async (fake, next) => {
        fake.show(next);
        await new Promise((resolve) => setTimeout(resolve));
      }, view),
    sent: () => control.evaluate((fake) => fake.sent),
  };
}
