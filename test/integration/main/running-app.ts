/**
 * The desktop app as `npm start` composes it, in a CLI world of its own (temp HOME, settings, runtime
 * folder and keychain service), with Electron faked: the test is the person at the tray menu and the
 * popup. Call vi.mock('electron', () => import('../../fakes/fake-electron')) in the test file.
 */
import { expect, vi } from 'vitest';
import { runApp } from '../../../electron/main/app/app-lifecycle';
import { composeApp } from '../../../electron/main/app/compose-app';
import { app, resetFakeElectron, Tray, type FakeMenu } from '../../fakes/fake-electron';
import type { CliWorld } from '../../helpers/latchkey-cli';

export interface RunningTestApp {
  tray: Tray;
  /** The menu once it shows `label` (its first rebuilds gather state from the keychain and files). */
  menuShowing(label: string | RegExp): Promise<FakeMenu>;
  /** Quits through the tray menu, as a person would, and resolves once the app has quit. */
  quit(): Promise<void>;
}

export async function runTestApp(world: CliWorld): Promise<RunningTestApp> {
  resetFakeElectron();
  await runApp(() => composeApp({ env: world.env, appRoot: process.cwd(), platform: 'linux' }));
  const tray = Tray.all[0];
  if (!tray) throw new Error('the app made no tray icon');
  const menuShowing = async (label: string | RegExp) =>
    vi.waitFor(
      () => {
        const labels = JSON.stringify(tray.menu?.template ?? []);
        if (typeof label === 'string' ? !labels.includes(label) : !label.test(labels)) throw new Error(`the tray menu does not show ${label}: ${labels}`);
        return tray.menu as FakeMenu;
      },
      { timeout: 20_000, interval: 20 },
    );
  return {
    tray,
    menuShowing,
    async quit() {
      (await menuShowing('Quit Latchkey')).click('Quit Latchkey');
      await vi.waitFor(() => expect(app.quitted).toBe(true), { timeout: 20_000, interval: 20 });
    },
  };
}
