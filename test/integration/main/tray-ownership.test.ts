/**
 * The composed app (real keychain, settings, files, moto) choosing a role in the tray over a [default]
 * that Latchkey did not write: the core refuses and the person decides in a message box. A long-term
 * key is left byte for byte and never offered Replace; a foreign session is replaced only on Replace,
 * and then [default] becomes Latchkey's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';
import { settingsPath } from '../../../electron/core/settings/settings-path';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { BrowserWindow, dialog, Notification, type FakeMessageBox } from '../../fakes/fake-electron';
import { runTestApp, type RunningTestApp } from './running-app';

vi.mock('electron', () => import('../../fakes/fake-electron'));

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** The next message box the app puts up (each test answers the one before). */
async function messageBox(count: number): Promise<FakeMessageBox> {
  return vi.waitFor(
    () => {
      const box = dialog.messageBoxes[count - 1];
      if (!box) throw new Error(`${dialog.messageBoxes.length} message boxes shown, waiting for box ${count}`);
      return box;
    },
    { timeout: 20_000, interval: 20 },
  );
}

describeWith([keyring, motoComponent], 'the tray switching over a profile Latchkey does not own', () => {
  let moto: MotoWorld;
  let world: CliWorld;
  let app: RunningTestApp;
  const published = async () => (await new SettingsStore(settingsPath(world.env)).load()).published;
  const chooseDev = async () => (await app.menuShowing('alice')).click('alice', 'dev');

  beforeAll(async () => {
    moto = await startMotoWorld();
    world = await aliceWorld(moto);
    app = await runTestApp(world);
  }, 60_000);
  afterAll(async () => {
    await app?.quit();
    await moto?.stop();
  });

  it('leaves a long-term key in [default] byte for byte and offers the settings, never Replace', async () => {
    const credentials = `# my own key\r\n[default]\r\naws_access_key_id = ${KEY_ID}\r\naws_secret_access_key = ${SECRET}\r\n\r\n[other]\r\nregion = eu-west-1\r\n`;
    writeFileSync(world.credentialsFile, credentials, { mode: 0o600 });
    await chooseDev();
    const box = await messageBox(1);
    expect(box.options.buttons).toEqual(['Open Settings', 'Cancel']);
    expect(box.options.detail).toMatch(/^profile "default" in .* holds a long-term access key/);
    expect(JSON.stringify(box.options)).not.toContain(SECRET);
    expect(readFileSync(world.credentialsFile, 'utf8')).toBe(credentials);

    box.click('Open Settings');
    await vi.waitFor(() => expect(BrowserWindow.all.filter((window) => window.page?.endsWith('settings.html') && window.visible)).toHaveLength(1), {
      timeout: 5_000,
    });
    expect(readFileSync(world.credentialsFile, 'utf8')).toBe(credentials);
    expect(await published()).toEqual([]);
    expect(Notification.all.map((notification) => notification.options.title)).not.toContain('Could not switch to dev');
  });

  it('replaces a foreign session in [default] only on Replace, and records [default] as Latchkey’s', async () => {
    const foreign = '[default]\naws_access_key_id = ASIAFOREIGNEXAMPLE01\naws_secret_access_key = foreign-secret\naws_session_token = foreign-token\n';
    writeFileSync(world.credentialsFile, foreign, { mode: 0o600 });

    await chooseDev();
    const cancelled = await messageBox(2);
    expect(cancelled.options).toMatchObject({ buttons: ['Replace', 'Cancel'], defaultId: 1, cancelId: 1 });
    expect(cancelled.options.detail).toMatch(/^profile "default" in .* holds credentials Latchkey did not write/);
    cancelled.click('Cancel');
    await app.menuShowing('No active session');
    expect(readFileSync(world.credentialsFile, 'utf8')).toBe(foreign);
    expect(await published()).toEqual([]);

    await chooseDev();
    (await messageBox(3)).click('Replace');
    await app.menuShowing(/Active: dev — (1 h 00|59) min left/);
    // The foreign session stays as a comment that `latchkey unpublish default` puts back.
    expect(readFileSync(world.credentialsFile, 'utf8')).toMatch(
      /^\[default\]\n# Replaced by Latchkey; `latchkey unpublish default` puts these lines back:\n# aws_access_key_id = ASIAFOREIGNEXAMPLE01\n# aws_secret_access_key = foreign-secret\n# aws_session_token = foreign-token\naws_access_key_id = ASIA\w+\naws_secret_access_key = \S+\naws_session_token = \S+\nx_security_token_expires = \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/,
    );
    expect(await published()).toEqual([{ profile: 'default', source: 'dev', fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) }]);
    expect(Notification.all.map((notification) => notification.options.title)).not.toContain('Could not switch to dev');
  });
});
