/**
 * The settings window's preload API for tests: main's real handlers (registerSettingsHandlers) over
 * fakes — a memory keychain, the fake STS and IAM on a fake clock, temp settings and ~/.aws files, a
 * dialog that "chooses" whichever file the test names, a QR window that keeps the page it was given —
 * reached through invokeVerbs over the contract, as the real preload builds its verbs. So the test
 * implementation cannot drift from the real one, and in Chromium everything the window sends crosses the
 * contract's schemas and the sender check. What main pushes: `progress` goes to the asking page as main
 * sends it (through the invoke event's sender, recorded among the answers); `changed` and `show` the test
 * sends itself (`changed()`, `show(at)`), as the app does when something else changed or when it opens the
 * window at an identity; `show` goes through main's own `send`, so its payload crosses the contract's schema.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import type { Page } from 'playwright-core';
import { KeychainSessionCache } from '../../electron/core/sessions/keychain-session-cache';
import { SessionEngine } from '../../electron/core/sessions/session-engine';
import { SettingsStore } from '../../electron/core/settings/settings-store';
import type { MfaPrompt } from '../../electron/core/sts/mfa-prompt';
import { processCommandLine } from '../../electron/core/sessions/process-command-line';
import { send } from '../../electron/main/ipc/send';
import { trustedSender } from '../../electron/main/ipc/trusted-sender';
import type { ProcessCommandPort } from '../../electron/main/settings/app-process-command';
import type { EnrolmentQrPort } from '../../electron/main/settings/enrolment-qr-window';
import { registerSettingsHandlers } from '../../electron/main/settings/register-settings-handlers';
import { ipcContract, type InvokeChannel, type SettingsPlace, type SettingsProgress } from '../../electron/shared/ipc-contract';
import { invokeVerbs, type SettingsApi } from '../../electron/shared/window-api';
import { FakeClock } from '../fakes/fake-clock';
import { FakeSts } from '../fakes/fake-sts';
import { FakeMfaPrompt } from '../fakes/fake-mfa-prompt';
import { MemoryKeychain } from '../fakes/memory-keychain';
import { MemoryStepStore } from '../fakes/memory-step-store';
import { FakeIam } from '../unit/core/iam/fake-iam';
import { fakeEvent, fakeIpcMain } from '../unit/main/ipc/ipc-fakes';

export const SETTINGS_PAGE = new URL('file:///opt/Latchkey/resources/app.asar/dist/renderer/settings.html');

/** The launcher a packaged app in /opt/Latchkey would name in the credential_process lines it adopts. */
export const PACKAGED_LAUNCHER: ProcessCommandPort = { command: (name) => processCommandLine(['/opt/Latchkey/resources/bin/latchkey'], name, 'linux') };

/** What every answer of the handlers was, by verb, so tests can look for secrets in all of them. */
export type Answer = { verb: string; result: unknown };

export interface SettingsWorld {
  api: SettingsApi;
  /** Calls a channel as a frame showing `pageUrl` would (the settings page unless told otherwise). */
  invokeAs(pageUrl: string, channel: InvokeChannel, request: unknown): Promise<unknown>;
  answers: Answer[];
  clock: FakeClock;
  sts: FakeSts;
  /** IAM over the fake STS: add a user to it (`iam.addUser`) before rotating their key or enrolling a device. */
  iam: FakeIam;
  /** The QR window: the pages main showed in it (the seed is in them), and whether one is open. */
  qr: FakeQrWindow;
  keychain: MemoryKeychain;
  store: SettingsStore;
  home: string;
  credentialsFile: string;
  configFile: string;
  /** The file the next "choose a QR image" dialog returns; undefined cancels it. */
  chooseFile(path: string | undefined): void;
  /** Every file Latchkey keeps (settings, ~/.aws) and every keychain entry, to prove nothing changed. */
  snapshot(): { files: Record<string, string>; keychain: Record<string, string> };
  /** Sends the window `changed`, as main does after a change made elsewhere (the tray, the CLI). */
  changed(): void;
  /** Sends the window `show`, as main does when it opens the window at an identity (the key-age reminder's "Rotate…"). */
  show(at: SettingsPlace): void;
}

/** The enrolment QR window as main sees it; `fail` makes the next show fail, as a window that cannot open would. */
export class FakeQrWindow implements EnrolmentQrPort {
  readonly pages: string[] = [];
  open = false;
  fail: Error | undefined;

  async show(page: string): Promise<void> {
    const failure = this.fail;
    this.fail = undefined;
    if (failure) throw failure;
    this.pages.push(page);
    this.open = true;
  }
  close(): void {
    this.open = false;
  }
}

/** 12:00:05 UTC: 25 s left in the TOTP step, so a code shown now is still the current one. */
export const WORLD_TIME = Date.UTC(2026, 0, 1, 12, 0, 5);

/**
 * `answers` collects every answer (a test may share one list between worlds); `prompt` answers MFA
 * requests; `processCommand` is what adopting writes (the packaged app's launcher unless told otherwise).
 */
export function settingsWorld(options: { prompt?: MfaPrompt; answers?: Answer[]; processCommand?: ProcessCommandPort } = {}): SettingsWorld {
  const home = mkdtempSync(join(tmpdir(), 'latchkey-settings-'));
  mkdirSync(join(home, '.aws'), { mode: 0o700 });
  const credentialsFile = join(home, '.aws', 'credentials');
  const configFile = join(home, '.aws', 'config');
  const env = { HOME: home, AWS_SHARED_CREDENTIALS_FILE: credentialsFile, AWS_CONFIG_FILE: configFile };
  const clock = new FakeClock(WORLD_TIME);
  const sts = new FakeSts(clock);
  const iam = new FakeIam(sts, clock);
  const qr = new FakeQrWindow();
  const keychain = new MemoryKeychain();
  const store = new SettingsStore(join(home, 'latchkey', 'settings.json'));
  const prompt: MfaPrompt = options.prompt ?? new FakeMfaPrompt(() => Promise.reject(new Error('no MFA prompt in this test')));
  const engine = new SessionEngine({
    settings: store,
    keychain,
    sts,
    prompt,
    clock,
    cache: new KeychainSessionCache(keychain),
    runtimeFolder: mkdtempSync(join(tmpdir(), 'latchkey-settings-run-')),
    env,
    notice: () => undefined,
  });
  let chosen: string | undefined;
  const ipcMain = fakeIpcMain();
  registerSettingsHandlers({
    ipcMain,
    isTrustedSender: trustedSender(SETTINGS_PAGE),
    engine,
    settings: store,
    keychain,
    sts,
    clock,
    iam,
    steps: new MemoryStepStore(),
    enrolmentQr: qr,
    dialog: { showOpenDialog: async () => ({ canceled: chosen === undefined, filePaths: chosen === undefined ? [] : [chosen] }) },
    env,
    processCommand: options.processCommand ?? PACKAGED_LAUNCHER,
  });

  const answers = options.answers ?? [];
  const verbOf = new Map<string, string>(Object.entries(ipcContract.settings).map(([verb, channel]) => [channel.name, verb]));
  const progressListeners = new Set<(progress: SettingsProgress) => void>();
  // The asking page's web contents, as event.sender: what main sends it is recorded and delivered.
  const sender = {
    isDestroyed: () => false,
    send: (channel: string, payload: SettingsProgress) => {
      answers.push({ verb: verbOf.get(channel) ?? channel, result: payload });
      if (channel === ipcContract.settings.progress.name) progressListeners.forEach((listener) => listener(payload));
    },
  };
  const invokeAs = async (pageUrl: string, channel: InvokeChannel, request: unknown) => {
    const result = await ipcMain.call(channel.name, { ...fakeEvent(pageUrl), sender } as unknown as IpcMainInvokeEvent, request);
    answers.push({ verb: verbOf.get(channel.name) ?? channel.name, result });
    return result;
  };
  // As through Electron and the preload's invoke, only the message of a failure reaches the window.
  const verbs = invokeVerbs(ipcContract.settings, (channel, request) =>
    invokeAs(SETTINGS_PAGE.href, channel, request).catch((error: unknown) => {
      throw new Error((error as Error).message);
    }) as never,
  );
  const listeners = new Set<() => void>();
  const showListeners = new Set<(at: SettingsPlace) => void>();
  const api: SettingsApi = {
    ...verbs,
    onChanged: (listener) => {
      const once = () => listener();
      listeners.add(once);
      return () => listeners.delete(once);
    },
    onProgress: (listener) => {
      const each = (progress: SettingsProgress) => listener(progress);
      progressListeners.add(each);
      return () => progressListeners.delete(each);
    },
    onShow: (listener) => {
      const each = (at: SettingsPlace) => listener(at);
      showListeners.add(each);
      return () => showListeners.delete(each);
    },
  };

  return {
    api,
    invokeAs,
    answers,
    clock,
    sts,
    iam,
    qr,
    keychain,
    store,
    home,
    credentialsFile,
    configFile,
    chooseFile: (path) => (chosen = path),
    snapshot: () => ({ files: filesUnder(home), keychain: Object.fromEntries(keychain.entries) }),
    changed: () => listeners.forEach((listener) => listener()),
    show: (at) =>
      send({ send: (_channel, payload: SettingsPlace) => showListeners.forEach((listener) => listener(payload)) }, ipcContract.settings.show, at),
  };
}

function filesUnder(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && !entry.name.endsWith('.lock')) files[join(entry.parentPath, entry.name)] = readFileSync(join(entry.parentPath, entry.name), 'latin1');
  return files;
}

/** Runs inside the page before its scripts: Playwright sends its source text, so it uses nothing from outside. */
function install(verbs: string[]): void {
  const call = (globalThis as unknown as { latchkeySettingsCall: (verb: string, request: unknown) => Promise<unknown> }).latchkeySettingsCall;
  const listeners = new Set<() => void>();
  const progressListeners = new Set<(progress: unknown) => void>();
  const showListeners = new Set<(at: unknown) => void>();
  const settings = {
    ...Object.fromEntries(verbs.map((verb) => [verb, (request: unknown) => call(verb, request)])),
    onChanged: (listener: () => void) => {
      const once = () => listener();
      listeners.add(once);
      return () => listeners.delete(once);
    },
    onProgress: (listener: (progress: unknown) => void) => {
      const each = (progress: unknown) => listener(progress);
      progressListeners.add(each);
      return () => progressListeners.delete(each);
    },
    onShow: (listener: (at: unknown) => void) => {
      const each = (at: unknown) => listener(at);
      showListeners.add(each);
      return () => showListeners.delete(each);
    },
  };
  // What Node calls, through page.evaluate, to deliver `changed`, `progress` and `show` as the preload's subscriptions would.
  const changed = () => listeners.forEach((listener) => listener());
  const progress = (payload: unknown) => progressListeners.forEach((listener) => listener(payload));
  const show = (at: unknown) => showListeners.forEach((listener) => listener(at));
  Object.assign(globalThis, { latchkey: { settings }, latchkeySettingsChanged: changed, latchkeySettingsProgress: progress, latchkeySettingsShow: show });
}

/** Gives the page `window.latchkey.settings` as the settings preload would, served by `api` in Node; `changed`, `progress` and `show` reach it too. */
export async function exposeSettingsApi(page: Page, api: SettingsApi): Promise<void> {
  type Verb = Exclude<keyof SettingsApi, 'onChanged' | 'onProgress' | 'onShow'>;
  const verbs = Object.keys(api).filter((verb) => verb !== 'onChanged' && verb !== 'onProgress' && verb !== 'onShow') as Verb[];
  await page.exposeFunction('latchkeySettingsCall', (verb: Verb, request: never) => (api[verb] as (request: never) => Promise<unknown>)(request));
  await page.addInitScript(install, verbs);
  const unsubscribeChanged = api.onChanged(() => {
    void page.evaluate(() => (globalThis as unknown as { latchkeySettingsChanged: () => void }).latchkeySettingsChanged()).catch(() => undefined);
  });
  const unsubscribeProgress = api.onProgress((progress) => {
    void page
      .evaluate((payload) => (globalThis as unknown as { latchkeySettingsProgress: (payload: unknown) => void }).latchkeySettingsProgress(payload), progress)
      .catch(() => undefined);
  });
  const unsubscribeShow = api.onShow((at) => {
    void page.evaluate((payload) => (globalThis as unknown as { latchkeySettingsShow: (payload: unknown) => void }).latchkeySettingsShow(payload), at).catch(() => undefined);
  });
  page.once('close', () => {
    unsubscribeChanged();
    unsubscribeProgress();
    unsubscribeShow();
  });
}
