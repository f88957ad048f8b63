/**
 * The MFA popup's page in Chromium, served by the app's real main side: MfaPopups behind the popup's own
 * IPC handlers (registerMfaPromptHandlers: the sender check, the request and reply schemas) and `send`
 * (the view schema). Only Electron is stood in for: its IPC by a Playwright binding, and the window by
 * the page's viewport, which takes the height the page asks for (fit), as MfaPromptWindow does.
 */
import type { IpcMainInvokeEvent } from 'electron';
import type { Page } from 'playwright-core';
import { MfaPopups } from '../../electron/main/mfa/mfa-popups';
import { registerMfaPromptHandlers } from '../../electron/main/mfa/mfa-prompt-handlers';
import type { PromptWindow } from '../../electron/main/mfa/prompt-window';
import { send } from '../../electron/main/ipc/send';
import { trustedSender } from '../../electron/main/ipc/trusted-sender';
import { ipcContract, type MfaPromptView } from '../../electron/shared/ipc-contract';
import type { MfaPromptApi, WindowApi } from '../../electron/shared/window-api';
import { FakeTimers } from '../fakes/fake-timers';

/** The popup's content width (MfaPromptWindow). */
export const POPUP_WIDTH = 340;

type Verb = Exclude<keyof MfaPromptApi, 'onShow'>;
interface PageSide {
  listeners: number;
  show(view: MfaPromptView): void;
}

/**
 * Runs inside the page before its scripts, in place of the preload: the same verbs, over the binding.
 * Playwright sends its source text, so it uses nothing from outside its own body.
 */
function install(): void {
  const listeners = new Set<(view: MfaPromptView) => void>();
  const main = (globalThis as unknown as { latchkeyMain(verb: Verb, request: object): Promise<never> }).latchkeyMain;
  const side: PageSide = { listeners: 0, show: (view) => listeners.forEach((listener) => listener(view)) };
  const mfaPrompt: MfaPromptApi = {
    onShow(listener) {
      listeners.add(listener);
      side.listeners = listeners.size;
      return () => {
        listeners.delete(listener);
        side.listeners = listeners.size;
      };
    },
    submit: (requestId, code) => main('submit', { requestId, code }),
    cancel: (requestId) => main('cancel', { requestId }),
    fit: (height) => main('fit', { height }),
  };
  const api: Pick<WindowApi, 'mfaPrompt'> = { mfaPrompt };
  Object.assign(globalThis, { latchkey: api, latchkeyPage: side });
}

export interface PopupMain {
  popups: MfaPopups;
  timers: FakeTimers;
  /** Every view main sent, in order. */
  views: MfaPromptView[];
  /** The last view sent. */
  view(): MfaPromptView;
  /** The heights the page asked for. */
  fits: number[];
  /** Whether the popup window is open: shown and not closed since. */
  isOpen(): boolean;
  closes(): number;
  /** The person closes the window by its frame. */
  closeWindow(): void;
  /** Resolves once every view and resize so far has reached the page. */
  settled(): Promise<void>;
}

/** Loads `url` in `page` as the popup window of a fresh MfaPopups, on a fake clock set to now. */
export async function popupMain(page: Page, url: string): Promise<PopupMain> {
  const timers = new FakeTimers();
  timers.clock.advance(Date.now() - timers.clock.now());
  const views: MfaPromptView[] = [];
  const fits: number[] = [];
  let open = false;
  let closes = 0;
  let cancelShowing: (requestId: string) => void = () => {};
  // Views and resizes reach the page in the order main made them, as over one IPC pipe.
  let delivered: Promise<unknown> = Promise.resolve();
  let failure: unknown;
  const later = (step: () => Promise<unknown>) => {
    // Once the test has closed the page, what main still sends goes nowhere, as to a closed window.
    delivered = delivered.then(step).catch((error: unknown) => {
      if (!page.isClosed()) failure ??= error;
    });
  };

  const contents = {
    send(_channel: string, view: MfaPromptView) {
      views.push(view);
      later(() =>
        page.evaluate(async (next) => {
          (globalThis as unknown as { latchkeyPage: PageSide }).latchkeyPage.show(next);
          // Svelte draws the view in a microtask: the next task sees it.
          await new Promise((resolve) => setTimeout(resolve));
        }, view),
      );
    },
  };
  const window: PromptWindow = {
    show(view) {
      open = true;
      send(contents, ipcContract.mfaPrompt.show, view);
    },
    close() {
      if (open) closes++;
      open = false;
    },
    onCancel(cancel) {
      cancelShowing = cancel;
    },
    fit(height) {
      fits.push(height);
      later(() => page.setViewportSize({ width: POPUP_WIDTH, height }));
    },
  };
  const popups = new MfaPopups({ window, clock: timers.clock, timers });

  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  registerMfaPromptHandlers({ handle: (channel, listener) => void handlers.set(channel, listener) }, popups, trustedSender(new URL(url)));
  await page.exposeBinding('latchkeyMain', ({ frame }, verb: Verb, request: unknown) => {
    const event = { senderFrame: { url: frame.url(), parent: frame.parentFrame() } } as unknown as IpcMainInvokeEvent;
    return handlers.get(ipcContract.mfaPrompt[verb].name)?.(event, request);
  });
  await page.addInitScript(install);
  await page.goto(url);
  // Main shows a request only once the window's page has loaded and listens.
  await page.waitForFunction(() => ((globalThis as { latchkeyPage?: PageSide }).latchkeyPage?.listeners ?? 0) > 0);

  const last = () => {
    const view = views.at(-1);
    if (!view) throw new Error('main has shown nothing yet');
    return view;
  };
  return {
    popups,
    timers,
    views,
    view: last,
    fits,
    isOpen: () => open,
    closes: () => closes,
    closeWindow() {
      open = false;
      closes++;
      cancelShowing(last().requestId);
    },
    settled: async () => {
      // A step may queue another (a resize after a view): wait until nothing new was queued.
      for (let seen = delivered; ; seen = delivered) {
        await seen;
        if (failure !== undefined) throw failure;
        if (seen === delivered) return;
      }
    },
  };
}
