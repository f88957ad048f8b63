/**
 * Every IPC handler the composed app registers refuses calls from anything but its own window's top
 * frame, and arguments its schema does not accept, before it acts. The handlers are taken from the
 * (fake) ipcMain, so a channel added later is checked without changing this test.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcContract } from '../../../electron/shared/ipc-contract';
import { pageUrl, windowFiles } from '../../../electron/main/windows/app-window';
import { cliWorld } from '../../helpers/latchkey-cli';
import { ipcMain } from '../../fakes/fake-electron';
import { runTestApp, type RunningTestApp } from './running-app';

vi.mock('electron', () => import('../../fakes/fake-electron'));

const PAGES = ['mfa-prompt', 'settings'];
const frameAt = (url: string, parent: object | null = null) => ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;
const pageEvent = (page: string) => frameAt(pageUrl(windowFiles(process.cwd(), page)).href);

const FOREIGN: [string, IpcMainInvokeEvent][] = [
  ['a web page', frameAt('https://evil.example/mfa-prompt.html')],
  ['another local file', frameAt('file:///tmp/mfa-prompt.html')],
  ['a path escaping the renderer folder', frameAt(`${pageUrl(windowFiles(process.cwd(), 'x')).href}/../../../../etc/passwd`)],
  ['an iframe inside our page', frameAt(pageUrl(windowFiles(process.cwd(), 'mfa-prompt')).href, { url: 'file:///x', parent: null })],
  ['a frame already gone', { senderFrame: null } as unknown as IpcMainInvokeEvent],
  [
    'a frame disposed while read',
    {
      get senderFrame() {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    } as unknown as IpcMainInvokeEvent,
  ],
];
const MALFORMED: [string, unknown[]][] = [
  ['no argument', []],
  ['two arguments', [{}, {}]],
  ['a string', ['requestId=1']],
  ['an unknown field', [{ requestId: 'r-1', code: '123456', extra: 'x' }]],
  ['a prototype-polluting object', [JSON.parse('{"__proto__": {"ok": true}}')]],
];

describe('the IPC handlers of the app', () => {
  let app: RunningTestApp;
  beforeAll(async () => {
    app = await runTestApp(cliWorld('http://127.0.0.1:9'));
    await app.menuShowing('Nothing is configured yet');
  }, 30_000);
  afterAll(async () => app?.quit());

  const channels = () => [...ipcMain.handlers.keys()];

  it('handles every invoke channel of the contract, and nothing else', () => {
    const contract = Object.values(ipcContract).flatMap((group) => Object.values(group).filter((channel) => 'request' in channel).map((channel) => channel.name));
    expect(channels().sort()).toEqual(contract.sort());
  });

  it('refuses every call from a frame that is not a Latchkey window', async () => {
    for (const channel of channels())
      for (const [from, event] of FOREIGN)
        await expect(ipcMain.invoke(channel, event, { requestId: 'r-1', code: '123456' }), `${channel} from ${from}`).rejects.toThrow(
          `${channel} refused: the call did not come from a Latchkey window`,
        );
  });

  it("refuses malformed arguments from the channel's own window, and only that window may call it", async () => {
    for (const channel of channels()) {
      const owners: string[] = [];
      for (const page of PAGES) {
        const refusals = await Promise.all(MALFORMED.map(([, args]) => ipcMain.invoke(channel, pageEvent(page), ...args).then(() => 'accepted', (error: Error) => error.message)));
        if (refusals.every((message) => message.includes('did not come from a Latchkey window'))) continue;
        owners.push(page);
        refusals.forEach((message, i) => expect(message, `${channel} given ${MALFORMED[i]?.[0]}`).toMatch(new RegExp(`^${channel} refused(?: a malformed argument|: expected one argument)`)));
      }
      expect(owners, channel).toHaveLength(1);
    }
  });

  it("accepts a well-formed call from the popup's page", async () => {
    await expect(ipcMain.invoke(ipcContract.mfaPrompt.submit.name, pageEvent('mfa-prompt'), { requestId: 'r-1', code: '123456' })).resolves.toEqual({
      ok: false,
      error: 'this MFA request is no longer waiting (it timed out or was cancelled); try again',
    });
  });
});
