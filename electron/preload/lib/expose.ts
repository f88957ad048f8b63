/**
 * What every window's preload is made of: typed calls and subscriptions over the IPC contract, and the
 * one place a window's API is handed to the page. The page gets verbs and plain data only, never
 * ipcRenderer or an IPC event (whose `sender` is ipcRenderer).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventChannel, InvokeChannel, PayloadOf, RequestInput, ResultOf } from '../../shared/ipc-contract';
import type { WindowApi } from '../../shared/window-api';

/** Electron wraps a handler's message as "Error invoking remote method 'CHANNEL': Error: MESSAGE". */
const REMOTE_ERROR_PREFIX = /^Error invoking remote method '[^']*': (?:\w*Error: )?/;

export async function invoke<C extends InvokeChannel>(channel: C, request: RequestInput<C>): Promise<ResultOf<C>> {
  try {
    return (await ipcRenderer.invoke(channel.name, request)) as ResultOf<C>;
  } catch (error) {
    throw new Error((error instanceof Error ? error.message : String(error)).replace(REMOTE_ERROR_PREFIX, ''));
  }
}

export function subscribe<C extends EventChannel>(channel: C, listener: (payload: PayloadOf<C>) => void): () => void {
  const forward = (_event: IpcRendererEvent, payload: PayloadOf<C>) => listener(payload);
  ipcRenderer.on(channel.name, forward);
  return () => {
    ipcRenderer.removeListener(channel.name, forward);
  };
}

/** Exposes one window's part of the API as `window.latchkey`. */
export function expose<K extends keyof WindowApi>(part: K, api: WindowApi[K]): void {
  contextBridge.exposeInMainWorld('latchkey', { [part]: api });
}
