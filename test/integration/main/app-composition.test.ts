/**
 * The app as composed for real — keychain, settings, STS (moto), files, broker socket — with Electron
 * faked. Choosing a role in the tray menu writes its session into the active target profile, the CLI is
 * served by the app's broker, an expiry reminder's Renew republishes, and quitting leaves no timer,
 * watcher, socket or socket file behind.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { brokerAddress } from '../../../electron/core/broker/broker-address';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, type CliWorld } from '../../helpers/latchkey-cli';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';
import { settingsPath } from '../../../electron/core/settings/settings-path';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { clipboard, Notification } from '../../fakes/fake-electron';
import { runTestApp, type RunningTestApp } from './running-app';

vi.mock('electron', () => import('../../fakes/fake-electron'));

/** What the process holds open that a stopped app must have let go of. */
const LINGERING = /^(Timeout|Immediate|PipeWrap|PipeServerWrap|TCPServerWrap|FSEventWrap|StatWatcher)$/;
const lingering = () => process.getActiveResourcesInfo().filter((resource) => LINGERING.test(resource));

/** The lingering resources once they match `expected` or 5 s have passed. Not vi.waitFor: its own timers would count. */
async function lingeringAfterSettling(expected: string[]): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  // vitest's runner batches its reports on a short timer of its own: give it time to fire.
  while (JSON.stringify(lingering()) !== JSON.stringify(expected) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return lingering();
}

describeWith([keyring, motoComponent], 'the desktop app, composed', () => {
  let moto: MotoWorld;
  let world: CliWorld;
  let app: RunningTestApp;
  let before: string[];
  const socket = () => brokerAddress(world.env);

  beforeAll(async () => {
    moto = await startMotoWorld();
    world = await aliceWorld(moto);
    before = lingering();
    app = await runTestApp(world);
  }, 60_000);
  afterAll(async () => moto?.stop());

  it('activating a role from the tray menu writes its session into [default] and shows it active', async () => {
    (await app.menuShowing('No active session')).click('alice', 'dev');
    const menu = await app.menuShowing(/Active: dev — (1 h 00|59) min left/);
    expect(menu.item('alice', 'dev —')).toMatchObject({ type: 'radio', checked: true });
    expect(app.tray.tooltip).toMatch(/^Latchkey: dev — (1 h 00|59) min left$/);
    expect(app.tray.image).toMatch(/assets\/tray-active\.png$/);
    expect(readFileSync(world.credentialsFile, 'utf8')).toMatch(
      /^\[default\]\naws_access_key_id = ASIA\w+\naws_secret_access_key = \S+\naws_session_token = \S+\nx_security_token_expires = \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n/,
    );
  });

  it("serves the CLI from the app's broker: the same session, and the same export lines the tray copies", async () => {
    const served = await world.run(['credential-process', 'dev']);
    expect(served).toMatchObject({ code: 0, stderr: '' });
    const { AccessKeyId } = JSON.parse(served.stdout) as { AccessKeyId: string };
    expect(readFileSync(world.credentialsFile, 'utf8')).toContain(`aws_access_key_id = ${AccessKeyId}\n`);
    expect(JSON.parse((await world.run(['status', '--json'])).stdout)).toMatchObject({ heldBy: 'broker' });

    (await app.menuShowing('Copy export lines')).click('alice', 'Session actions', 'dev', 'Copy export lines');
    await vi.waitFor(() => expect(clipboard.text).not.toBe(''));
    const exports = (await world.run(['env', 'dev'])).stdout.trimEnd();
    expect(clipboard.text).toBe(exports);
    // The active session's own item, under the menu's first line, copies the same.
    clipboard.text = '';
    (await app.menuShowing('Copy export lines')).click('Copy export lines');
    await vi.waitFor(() => expect(clipboard.text).toBe(exports));
  });

  it('reminds before the active session expires, and its Renew writes a new session into [default]', async () => {
    const keyOf = () => /^aws_access_key_id = (\S+)$/m.exec(readFileSync(world.credentialsFile, 'utf8'))?.[1];
    const before = keyOf();
    // A lead time as long as the session: the reminder is due at once.
    await new SettingsStore(settingsPath(world.env)).update((settings) => void (settings.preferences.reminderLeadMinutes = 60));
    const reminder = await vi.waitFor(
      () => {
        const shown = Notification.all.find((notification) => /^dev expires in (1 h 00|59) min$/.test(notification.options.title));
        if (!shown) throw new Error(`no reminder among ${JSON.stringify(Notification.all.map((n) => n.options))}`);
        return shown;
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(reminder.options.body).toBe('AWS tools using it stop working when it expires. Click to renew.');
    reminder.emit('click');
    await vi.waitFor(() => expect(keyOf()).not.toBe(before), { timeout: 20_000, interval: 50 });
    expect(keyOf()).toMatch(/^ASIA/);
  });

  it('quits through the menu leaving no timer, watcher or socket, and removes the socket file', async () => {
    expect(existsSync(socket())).toBe(true);
    await app.quit();
    expect(app.tray.destroyed).toBe(true);
    expect(existsSync(socket())).toBe(false);
    expect(await lingeringAfterSettling(before)).toEqual(before);
  });
});
