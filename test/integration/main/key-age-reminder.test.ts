/**
 * The composed app reminds of an old access key at start, and its "Rotate…" opens the settings window;
 * the reminder time is in the log next to the settings file when the app has quit, for the next run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { settingsPath } from '../../../electron/core/settings/settings-path';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { keyring } from '../../helpers/components';
import { cliWorld } from '../../helpers/latchkey-cli';
import { describeWith } from '../../helpers/needs';
import { BrowserWindow, Notification } from '../../fakes/fake-electron';
import { runTestApp } from './running-app';

vi.mock('electron', () => import('../../fakes/fake-electron'));

const DAY = 24 * 60 * 60_000;
const settingsWindows = () => BrowserWindow.all.filter((window) => window.page?.endsWith('settings.html') && window.visible && !window.destroyed);

describeWith([keyring], 'the key-age reminder in the desktop app', () => {
  it('reminds of a key past the limit at start; Rotate… opens the settings; the reminder is remembered', async () => {
    const world = cliWorld('http://127.0.0.1:9');
    const added = await world.run(['identity', 'add', 'alice', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE'], { input: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    expect(added.code, added.stderr).toBe(0);
    const settingsFile = settingsPath(world.env);
    await new SettingsStore(settingsFile).update((settings) => {
      const [alice] = settings.identities;
      if (alice) alice.keyCreated = new Date(Date.now() - 200 * DAY).toISOString();
    });

    const app = await runTestApp(world);
    try {
      const reminder = await vi.waitFor(
        () => {
          const shown = Notification.all.find((notification) => notification.options.title === 'The access key of alice is 200 days old');
          if (!shown) throw new Error(`no key-age reminder among ${JSON.stringify(Notification.all.map((n) => n.options.title))}`);
          return shown;
        },
        { timeout: 20_000, interval: 20 },
      );
      expect(settingsWindows()).toHaveLength(0);
      reminder.emit('click');
      await vi.waitFor(() => expect(settingsWindows()).toHaveLength(1), { timeout: 5_000 });
    } finally {
      await app.quit();
    }
    const log = JSON.parse(readFileSync(join(settingsFile, '..', 'key-age-reminders.json'), 'utf8'));
    expect(Object.keys(log.lastReminded)).toEqual(['alice']);
    expect(Notification.all.filter((notification) => notification.options.title.startsWith('The access key of'))).toHaveLength(1);
  });
});
