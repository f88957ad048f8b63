/**
 * The desktop app's composition root: the one place that wires the real keychain, settings, STS, clock,
 * timers and Electron into the session engine, the tray, the windows, the reminders and the broker.
 * Everything the app does reaches the person through the tray menu, a window or a notification.
 */
import { app, clipboard, dialog, ipcMain, Menu, powerMonitor, protocol, session } from 'electron';
import { join } from 'node:path';
import { describeError, isLatchkeyError } from '../../shared/errors';
import { awsFilePath } from '../../core/aws-files/aws-file-path';
import { brokerAddress } from '../../core/broker/broker-address';
import { disableCoreDumps } from '../../core/broker/disable-core-dumps';
import { WatchedPrompt } from '../../core/broker/watched-prompt';
import { GrantsHeld } from '../../core/broker/endpoint-grants-held';
import { systemClock } from '../../core/clock';
import { systemOpener } from '../../core/console/browser-opener';
import { ensureRuntimeFolder } from '../../core/fs/runtime-folder';
import { lazyIamApi } from '../../core/iam/lazy-iam-api';
import { systemKeychain } from '../../core/keychain/system-keychain';
import { KeychainSessionCache } from '../../core/sessions/keychain-session-cache';
import { LayeredSessionCache } from '../../core/sessions/layered-session-cache';
import { MemorySessionCache } from '../../core/sessions/memory-session-cache';
import { renewAndRepublish } from '../../core/sessions/renew-and-republish';
import { SessionEngine } from '../../core/sessions/session-engine';
import { KeyAgeReminderLog } from '../../core/settings/key-age-reminder-log';
import { settingsPath } from '../../core/settings/settings-path';
import { SettingsStore } from '../../core/settings/settings-store';
import { lazyStsApi } from '../../core/sts/lazy-sts-api';
import { FileStepStore } from '../../core/totp/file-step-store';
import { systemTimers } from '../../core/timers';
import { trustedSender } from '../ipc/trusted-sender';
import { MfaPopups } from '../mfa/mfa-popups';
import { registerMfaPromptHandlers } from '../mfa/mfa-prompt-handlers';
import { MfaPromptWindow } from '../mfa/mfa-prompt-window';
import { ExpiryReminders } from '../reminders/expiry-reminders';
import { KeyAgeReminders } from '../reminders/key-age-reminders';
import { appProcessCommand } from '../settings/app-process-command';
import { EnrolmentQrWindow } from '../settings/enrolment-qr-window';
import { registerSettingsHandlers } from '../settings/register-settings-handlers';
import { SettingsWindow } from '../settings/settings-window';
import { consoleOpener } from '../tray/console-opener';
import { ownershipDialog } from '../tray/ownership-dialog';
import { TrayActions } from '../tray/tray-actions';
import { TrayRefresh } from '../tray/tray-refresh';
import { TrayView } from '../tray/tray-view';
import { serveRenderer } from '../windows/app-protocol';
import { applicationMenu } from '../windows/application-menu';
import { pageUrl, rendererFolder, windowFiles } from '../windows/app-window';
import { hardenSession } from '../windows/harden-session';
import { AppBroker } from './app-broker';
import { AppRefresh } from './app-refresh';
import { gatherAppState, type AppState } from './app-state';
import { watchFiles } from './file-watch';
import { LoginItem } from './login-item';
import { Notifier } from './notifier';

export interface AppOptions {
  /** Paths (HOME, LATCHKEY_HOME, XDG_RUNTIME_DIR, AWS_*), STS endpoints and the keychain service. */
  env: NodeJS.ProcessEnv;
  /** The folder of package.json: dist/ and assets/ are under it, in development and packaged alike. */
  appRoot: string;
  platform: NodeJS.Platform;
}

export interface RunningApp {
  /** A second launch: the settings window if it is open, else the tray menu. */
  bringForward(): void;
  /** Stops every timer, closes the windows and the broker (removing its socket). */
  stop(): Promise<void>;
}

export async function composeApp({ env, appRoot, platform }: AppOptions): Promise<RunningApp> {
  // Editing shortcuts on macOS, no menu bar elsewhere, no reload or devtools shortcuts anywhere.
  Menu.setApplicationMenu(applicationMenu(platform));
  hardenSession(session.defaultSession);
  // The windows' pages, over the app:// scheme registered before ready (app-lifecycle.ts).
  serveRenderer(protocol, rendererFolder(appRoot));

  const clock = systemClock;
  const timers = systemTimers;
  const notifier = new Notifier(platform);
  // Before any session is held in memory (why prlimit: core/broker/disable-core-dumps.ts).
  const dumps = disableCoreDumps(platform);
  if (dumps) notifier.show('Latchkey', dumps);
  const settings = new SettingsStore(settingsPath(env));
  // LATCHKEY_KEYCHAIN_SERVICE, as for the CLI: a separate set of secrets (tests, a second setup).
  const keychain = systemKeychain({ service: env.LATCHKEY_KEYCHAIN_SERVICE || undefined });

  // Rebuilds the tray and the reminders from fresh state; started below, once what it shows exists.
  const refresh = new AppRefresh<AppState>();

  const promptFiles = windowFiles(appRoot, 'mfa-prompt');
  const promptWindow = new MfaPromptWindow({ files: promptFiles, failed: (error) => notifier.failed('Could not show the MFA prompt', error) });
  const popups = new MfaPopups({ window: promptWindow, clock, timers });
  // A terminal waiting on the broker hears that the popup asks, rather than hanging silently.
  const prompt = new WatchedPrompt(popups);
  // Credential endpoints (exec --server, serve) register here; the tray shows and revokes them.
  const grants = new GrantsHeld();
  const settingsFiles = windowFiles(appRoot, 'settings');
  // A new MFA device's QR code, shown from the settings window; it goes when that window does.
  const enrolmentQr = new EnrolmentQrWindow();
  const settingsWindow = new SettingsWindow(settingsFiles, (error) => notifier.failed('Could not open the settings', error), () => enrolmentQr.close());
  /** `at` names the identity whose "Rotate key…" step the window shows (the key-age reminder's "Rotate…"). */
  const openSettings = (at?: { identity: string }) => settingsWindow.open(at);
  /** Settings or sessions changed: the tray and reminders rebuild, and an open settings window reads its view again. */
  const changed = () => {
    refresh.request();
    settingsWindow.changed();
  };

  const sts = lazyStsApi(env);
  const runtimeFolder = await ensureRuntimeFolder(env);
  const engine = new SessionEngine({
    settings,
    keychain,
    sts,
    prompt,
    clock,
    // Sessions in memory for the broker's warm path, and in the keychain for standalone CLI runs.
    cache: new LayeredSessionCache(new MemorySessionCache(), new KeychainSessionCache(keychain)),
    runtimeFolder,
    env,
    notice: (message) => notifier.show('Latchkey', message),
  });

  const renew = (name: string, requester: string) =>
    renewAndRepublish(engine, name, requester, (title, error) => notifier.failed(title, error))
      .catch((error: unknown) => notifier.failed(`Could not renew ${name}`, error))
      .finally(changed);
  const reminders = new ExpiryReminders({
    clock,
    timers,
    actions: {
      notify: (name, message) => notifier.show(message, 'AWS tools using it stop working when it expires.', { label: 'Renew', run: () => void renew(name, 'expiry reminder') }),
      renew: (name) => void renew(name, 'automatic renewal'),
    },
  });

  const keyAgeReminders = new KeyAgeReminders({
    clock,
    timers,
    settings,
    log: new KeyAgeReminderLog(settings.path),
    notifier,
    openSettings,
    failed: (error) => notifier.failed('Latchkey cannot remember its key-age reminders', error),
  });

  const actions = new TrayActions({
    grants,
    engine,
    settings,
    keychain,
    clock,
    clipboard,
    notifier,
    // The browser gets only a loopback redirect to the sign-in URL; per-role profiles need the core's opener.
    console: { sts, env, timers, opener: consoleOpener(systemOpener(env, platform)) },
    confirm: ownershipDialog,
    openSettings,
    quit: () => app.quit(),
    refresh: changed,
  });
  const trayView = new TrayView({ assetsDir: join(appRoot, 'assets'), platform, perform: (action) => void actions.perform(action) });
  const trayRefresh = new TrayRefresh({ clock, timers, refresh: () => refresh.request() });
  const loginItem = new LoginItem({ platform, env, executable: env.APPIMAGE ?? process.execPath });

  /** Lines heading the tray menu for as long as the app runs. */
  const notes: string[] = [];
  let shownProblems = new Set<string>();
  refresh.start({
    gather: async () => {
      await engine.stripExpired();
      return gatherAppState({ settings, engine, keychain, clock, grants });
    },
    show: ({ tray, reminders: sessions, problems }) => {
      // Each problem is notified when it appears, not on every refresh while it lasts.
      for (const problem of problems) if (!shownProblems.has(problem)) notifier.show('Latchkey', problem);
      shownProblems = new Set(problems);
      trayView.render(tray, clock.now(), [...notes, ...problems]);
      trayRefresh.schedule(tray);
      reminders.reschedule(sessions, tray.reminderLeadMinutes);
      void keyAgeReminders.check();
      loginItem.follow(tray.launchAtLogin).catch((error: unknown) => notifier.show('Latchkey cannot change launch at login', describeError(error)));
    },
    failed: (error) => {
      const problem = describeError(error);
      if (!shownProblems.has(problem)) notifier.show('Latchkey cannot show your sessions', problem);
      shownProblems = new Set([problem]);
      trayView.renderProblem(problem);
      trayRefresh.stop();
    },
  });

  // Each window's IPC handlers, trusting only that window's page.
  registerMfaPromptHandlers(ipcMain, popups, trustedSender(pageUrl(promptFiles)));
  registerSettingsHandlers({
    ipcMain,
    isTrustedSender: trustedSender(pageUrl(settingsFiles)),
    engine,
    settings,
    keychain,
    sts,
    clock,
    iam: lazyIamApi(env),
    // The engine's replay guard reads the same file: codes enrolment sent are not sent again.
    steps: new FileStepStore(runtimeFolder),
    enrolmentQr,
    dialog,
    env,
    processCommand: appProcessCommand({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, platform, env }),
  });

  const broker = new AppBroker(brokerAddress(env), engine, changed, prompt, grants);
  await broker.start().catch((error: unknown) => {
    notifier.failed('Latchkey is not serving credential_process', error);
    // A live `latchkey agent` answers instead, asking for MFA on its own terminal, not in a popup.
    notes.push(isLatchkeyError(error) && error.code === 'broker' ? 'credential_process is served by another Latchkey broker' : `Not serving credential_process: ${describeError(error)}`);
  });

  const watcher = watchFiles([settings.path, awsFilePath('credentials', env, env.HOME)], changed);
  const resumed = () => {
    reminders.resume();
    refresh.request();
  };
  powerMonitor.on('resume', resumed);
  // First run: nothing to put in the tray yet, so the settings window opens on its first step.
  if ((await settings.load()).identities.length === 0) openSettings();

  return {
    bringForward: () => (settingsWindow.isOpen ? openSettings() : trayView.popUp()),
    async stop() {
      powerMonitor.off('resume', resumed);
      watcher.close();
      await refresh.stop();
      trayRefresh.stop();
      reminders.stop();
      await keyAgeReminders.stop();
      promptWindow.dismissAll();
      enrolmentQr.close();
      settingsWindow.close();
      await broker.stop();
      trayView.destroy();
    },
  };
}
