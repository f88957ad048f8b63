/**
 * The broker hosted by the app, over its real socket, with the built CLI as the client. Sixteen
 * `credential-process` runs that need an MFA code share one popup and cost one GetSessionToken and one
 * AssumeRole (counted by a proxy in front of moto, whose request authentication stays off: its
 * GetSessionToken hands out fixed keys that fail once it is on). A live `latchkey agent` on the socket
 * is left alone.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { brokerAddress } from '../../../electron/core/broker/broker-address';
import { SingleFlight } from '../../../electron/core/sessions/single-flight';
import { ipcContract, type MfaPromptView } from '../../../electron/shared/ipc-contract';
import { keyring, moto as motoComponent } from '../../helpers/components';
import { aliceWorld, type CliResult, type CliWorld } from '../../helpers/latchkey-cli';
import { roleArn } from '../../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-world';
import { describeWith } from '../../helpers/needs';
import { startStsProxy, type StsProxy } from '../../helpers/sts-proxy';
import { until } from '../../helpers/until';
import { BrowserWindow, ipcMain, Notification } from '../../fakes/fake-electron';
import { runTestApp } from './running-app';

vi.mock('electron', () => import('../../fakes/fake-electron'));

const PARALLEL = 16;

describeWith([keyring, motoComponent], 'the broker hosted by the app', () => {
  let moto: MotoWorld;
  let proxy: StsProxy;
  let world: CliWorld;
  const socket = () => brokerAddress(world.env);

  beforeAll(async () => {
    moto = await startMotoWorld();
    proxy = await startStsProxy(moto.url);
    world = await aliceWorld(moto, { mfa: {}, stsUrl: proxy.url });
  }, 60_000);
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it(`answers ${PARALLEL} concurrent credential-process runs with one MFA popup, one GetSessionToken and one AssumeRole`, async () => {
    // Every request for dev's session that finds none cached joins the one flight that fetches it.
    const joined = vi.spyOn(SingleFlight.prototype, 'run');
    const joinedDev = () => joined.mock.calls.filter(([key]) => key.includes(roleArn('dev'))).length;
    const app = await runTestApp(world);
    try {
      await app.menuShowing('No active session');
      const ended: CliResult[] = [];
      const runs = Promise.all(Array.from({ length: PARALLEL }, () => world.run(['credential-process', 'dev']).then((result) => (ended.push(result), result))));
      const noneEnded = () => {
        if (ended.length > 0) throw new Error(`a run ended before the person typed a code: ${JSON.stringify(ended[0])}`);
      };

      const popup = await vi.waitFor(
        () => {
          noneEnded();
          const [window] = BrowserWindow.all;
          const sent = window?.webContents.sent.find((message) => message.channel === ipcContract.mfaPrompt.show.name);
          if (!window || !sent) throw new Error('no MFA popup yet');
          return { window, view: sent.payload as MfaPromptView };
        },
        { timeout: 20_000, interval: 20 },
      );
      expect(popup.view).toMatchObject({ deviceName: 'phone', identityName: 'alice', requesters: ['credential_process dev'] });
      // Every run reaches the broker and joins the wait before the person answers, as Terraform's parallel calls would.
      await until(() => (noneEnded(), joinedDev() === PARALLEL), `${PARALLEL} requests waiting for dev's session`, 30_000);
      // The person types a code (moto does not check it) into the popup, whose page sends it.
      await expect(ipcMain.invoke(ipcContract.mfaPrompt.submit.name, popup.window.webContents.invokeEvent(), { requestId: popup.view.requestId, code: '123456' })).resolves.toEqual({ ok: true });

      const results = await runs;
      // Runs waiting when the popup opened were told where the code is asked; later ones joined quietly.
      const told = 'latchkey: waiting for the MFA code in the Latchkey app…\n';
      for (const result of results) expect(result.code === 0 && ['', told].includes(result.stderr)).toBe(true);
      expect(results.some((result) => result.stderr === told)).toBe(true);
      expect(new Set(results.map((result) => result.stdout)).size).toBe(1);
      expect(JSON.parse(results[0]?.stdout ?? '')).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
      expect(BrowserWindow.all).toHaveLength(1);
      expect(popup.window.destroyed).toBe(true);
      expect(proxy.count('GetSessionToken')).toBe(1);
      expect(proxy.count('AssumeRole')).toBe(1);
      // The tray shows what the broker handed out.
      await app.menuShowing(/"dev — (1 h 00|59) min left"/);
    } finally {
      joined.mockRestore();
      // Even after a failure: the next test needs the socket free.
      await app.quit();
    }
  }, 60_000);

  it('leaves a live latchkey agent on the socket alone, says so, and keeps working without hosting', async () => {
    const agent = await world.startAgent();
    try {
      const app = await runTestApp(world);
      const menu = await app.menuShowing('credential_process is served by another Latchkey broker');
      expect(menu.labels().slice(0, 2)).toEqual(['credential_process is served by another Latchkey broker', '---']);
      expect(Notification.all.map((shown) => shown.options)).toContainEqual({
        title: 'Latchkey is not serving credential_process',
        body: `another Latchkey broker (the app or \`latchkey agent\`) is already serving ${socket()}`,
      });
      await app.quit();
      expect(existsSync(socket())).toBe(true);
      expect(JSON.parse((await world.run(['status', '--json'])).stdout)).toMatchObject({ heldBy: 'broker' });
    } finally {
      agent.kill('SIGTERM');
    }
  });
});
