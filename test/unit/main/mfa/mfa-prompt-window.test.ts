import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LatchkeyError } from '../../../../electron/shared/errors';
import { ipcContract, type MfaPromptView } from '../../../../electron/shared/ipc-contract';
import type { Identity, MfaDevice } from '../../../../electron/shared/model';
import { windowFiles } from '../../../../electron/main/windows/app-window';
import { MfaPromptWindow } from '../../../../electron/main/mfa/mfa-prompt-window';
import { MfaPopups } from '../../../../electron/main/mfa/mfa-popups';
import { FakeTimers } from '../../../fakes/fake-timers';
import { BrowserWindow, FAKE_FRAME_HEIGHT, resetFakeElectron, screen } from '../../../fakes/fake-electron';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

const alice: Identity = { name: 'alice', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' };
const phone: MfaDevice = { name: 'phone', serial: 'arn:aws:iam::123456789012:mfa/alice', identity: 'alice', hasSeed: false, autoMfa: false };
const token: MfaDevice = { ...phone, name: 'token', serial: 'arn:aws:iam::123456789012:mfa/token' };
const files = windowFiles('/opt/latchkey', 'mfa-prompt');

function setup() {
  const failed = vi.fn();
  const window = new MfaPromptWindow({ files, failed });
  const timers = new FakeTimers();
  const popups = new MfaPopups({ window, clock: timers.clock, timers });
  const ask = (device: MfaDevice, requester: string) => popups.ask({ device, identity: alice, requester, attempt: 1 });
  const done = (device: MfaDevice, requester: string) => popups.done({ device, identity: alice, requester });
  return { window, popups, failed, timers, ask, done };
}

/** What the popup windows were sent, once their pages have loaded. */
async function shown(): Promise<MfaPromptView[][]> {
  await new Promise((resolve) => setImmediate(resolve));
  return BrowserWindow.all.map((window) => window.webContents.sent.filter((s) => s.channel === ipcContract.mfaPrompt.show.name).map((s) => s.payload as MfaPromptView));
}

describe('MfaPromptWindow', () => {
  beforeEach(resetFakeElectron);

  it('opens a small always-on-top popup and sends it the request once its page has loaded', async () => {
    const { ask } = setup();
    void ask(phone, 'tray');
    const [views] = await shown();
    expect(views).toEqual([expect.objectContaining({ deviceName: 'phone', requesters: ['tray'] })]);
    expect(BrowserWindow.all[0]?.options).toMatchObject({ useContentSize: true, width: 340, height: 200, alwaysOnTop: true, resizable: false });
    expect(BrowserWindow.all[0]).toMatchObject({ visible: true, focused: true, shownInactive: false });
    expect(BrowserWindow.all[0]?.page).toBe(files.page.href);
  });

  it('updates the same popup when another caller asks for the same device', async () => {
    const { ask } = setup();
    void ask(phone, 'tray');
    await shown();
    void ask(phone, 'credential_process dev');
    const windows = await shown();
    expect(windows).toHaveLength(1);
    expect(windows[0]?.at(-1)?.requesters).toEqual(['tray', 'credential_process dev']);
  });

  it('shows the next device in the same popup once AWS has answered the code, and closes it when none is left', async () => {
    const { ask, done, popups } = setup();
    const first = ask(phone, 'tray');
    const second = ask(token, 'credential_process ops');
    const [[view]] = (await shown()) as [[MfaPromptView]];
    popups.submit(view.requestId, '123456');
    await expect(first).resolves.toBe('123456');
    done(phone, 'tray');
    const [views] = (await shown()) as [MfaPromptView[]];
    expect(views.map((sent) => [sent.deviceName, sent.phase])).toEqual([
      ['phone', 'code'],
      ['phone', 'checking'],
      ['token', 'code'],
    ]);
    popups.submit(views[2]?.requestId ?? '', '654321');
    await expect(second).resolves.toBe('654321');
    done(token, 'credential_process ops');
    expect(BrowserWindow.all.map((window) => window.destroyed)).toEqual([true]);
  });

  it('shows auto-MFA’s countdown without taking the keyboard from where the person types', async () => {
    const { popups } = setup();
    popups.waiting({ device: { ...phone, hasSeed: true, autoMfa: true }, identity: alice, requester: 'credential_process dev' }, 12_000);
    const [[view]] = (await shown()) as [[MfaPromptView]];
    expect(view.phase).toBe('waiting');
    expect(BrowserWindow.all[0]).toMatchObject({ visible: true, shownInactive: true, focused: false });
  });

  describe('sized to its page', () => {
    async function opened() {
      const parts = setup();
      void parts.ask(phone, 'tray');
      await shown();
      const popup = BrowserWindow.all[0] as BrowserWindow;
      return { ...parts, popup };
    }

    it('takes the content height the page asks for, keeping its width and place', async () => {
      const { popups, popup } = await opened();
      const before = popup.getContentBounds();
      popups.fit(236);
      expect(popup.getContentBounds()).toEqual({ ...before, height: 236 });
      popups.fit(180.4);
      expect(popup.getContentBounds()).toEqual({ ...before, height: 181 });
    });

    it('moves up rather than reach past the bottom of the work area, and never grows beyond it', async () => {
      const { popups, popup } = await opened();
      const area = screen.workArea;
      popups.fit(700);
      expect(popup.getBounds().y + popup.getBounds().height).toBeLessThanOrEqual(area.y + area.height);
      expect(popup.getContentBounds().height).toBe(700);

      popups.fit(5_000);
      expect(popup.getBounds()).toMatchObject({ y: area.y, height: area.height });
      expect(popup.getContentBounds().height).toBe(area.height - FAKE_FRAME_HEIGHT);
    });

    it('does nothing once the popup has closed', async () => {
      const { popups, popup, done } = await opened();
      popups.submit((popup.webContents.sent[0]?.payload as MfaPromptView).requestId, '123456');
      await Promise.resolve();
      done(phone, 'tray');
      popups.fit(300);
      expect(popup.destroyed).toBe(true);
      expect(popup.getContentBounds().height).toBe(200);
    });
  });

  it('cancels the request when the person closes the popup', async () => {
    const { ask } = setup();
    const asked = ask(phone, 'tray');
    await shown();
    BrowserWindow.all[0]?.close();
    await expect(asked).rejects.toMatchObject({ code: 'mfa-cancelled' } satisfies Partial<LatchkeyError>);
  });

  it('cancels the request, and says why, when the popup page cannot load', async () => {
    BrowserWindow.failingPages.add(files.page.href);
    const { ask, failed } = setup();
    await expect(ask(phone, 'tray')).rejects.toMatchObject({ code: 'mfa-cancelled' });
    expect(failed).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/ERR_HTTP_RESPONSE_CODE_FAILURE/) }));
  });

  it('on quit, cancels every waiting request and leaves no popup and no timer', async () => {
    const { ask, window, timers } = setup();
    const asked = [ask(phone, 'tray'), ask(token, 'credential_process ops')];
    await shown();
    window.dismissAll();
    for (const request of asked) await expect(request).rejects.toMatchObject({ code: 'mfa-cancelled' });
    expect(BrowserWindow.all.every((popup) => popup.destroyed)).toBe(true);
    expect(timers.due).toEqual([]);
  });
});
