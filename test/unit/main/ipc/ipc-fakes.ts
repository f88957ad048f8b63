/** Just enough of Electron's ipcMain and invoke events to call a registered handler directly. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export function fakeIpcMain(): Pick<IpcMain, 'handle'> & { call(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> } {
  const listeners = new Map<string, Listener>();
  return {
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
    async call(channel, event, ...args) {
      const listener = listeners.get(channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      return listener(event, ...args);
    },
  };
}

export const PAGE = new URL('file:///opt/Latchkey/resources/app.asar/dist/renderer/mfa-prompt.html');

/** An invoke event from a frame showing `url`: the window's top frame unless `top` is false. */
export function fakeEvent(url: string, { top = true } = {}): IpcMainInvokeEvent {
  const parent = top ? null : { url: PAGE.href, parent: null };
  return { senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent;
}
