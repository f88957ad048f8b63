/**
 * Sends one event of the IPC contract to a window. The payload is parsed first and the parsed copy is
 * sent, so a field the schema does not name never reaches a renderer.
 */
import type { WebContents } from 'electron';
import * as v from 'valibot';
import type { EventChannel, PayloadInput } from '../../shared/ipc-contract';

export function send<C extends EventChannel>(webContents: Pick<WebContents, 'send'>, channel: C, payload: PayloadInput<C>): void {
  webContents.send(channel.name, v.parse(channel.payload, payload));
}
