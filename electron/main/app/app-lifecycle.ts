/**
 * The app's life: one instance per user (a second launch brings the first forward), a tray app (no dock
 * icon on macOS, still running when its windows close), what must be set before Electron is ready (the
 * app:// scheme, the guard on every web contents), and a clean stop before it quits. A start that
 * fails is shown in an error box, since there is no tray to show it.
 */
import { app, dialog, protocol } from 'electron';
import { describeError } from '../../shared/errors';
import { APP_ID } from './app-id';
import { registerAppScheme } from '../windows/app-protocol';
import { guardWebContents } from '../windows/guard-web-contents';
import type { RunningApp } from './compose-app';

/** Resolves once the app runs (or has quit). */
export async function runApp(start: () => Promise<RunningApp>): Promise<void> {
  if (!app.requestSingleInstanceLock()) return app.quit();
  // Before ready: Electron fixes scheme privileges at start-up, and no web contents may exist unguarded.
  registerAppScheme(protocol);
  guardWebContents(app);
  app.dock?.hide();
  // Windows shows notifications only for an app with an id.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  app.on('window-all-closed', () => {
    // Staying up with no window open is what a tray app does.
  });

  let running: RunningApp | undefined;
  let stopping: Promise<void> | undefined;
  let stopped = false;
  app.on('second-instance', () => running?.bringForward());
  app.on('before-quit', (event) => {
    if (running === undefined || stopped) return;
    // Quit once the timers, windows and broker socket are gone.
    event.preventDefault();
    stopping ??= running
      .stop()
      .catch((error: unknown) => console.error(`Latchkey did not stop cleanly: ${describeError(error)}`))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });

  await app.whenReady();
  try {
    running = await start();
  } catch (error) {
    dialog.showErrorBox('Latchkey could not start', describeError(error));
    app.quit();
  }
}
