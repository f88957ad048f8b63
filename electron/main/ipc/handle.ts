/**
 * Registers main's handler for one invoke channel of the IPC contract. Before the handler runs, the call
 * must come from a trusted sender and its one argument must parse with the channel's schema; the reply
 * must parse too. Whatever goes wrong reaches the renderer as a message only: Electron passes on just
 * the message of the Error thrown here, and a handler's own error is reduced to its message first.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import * as v from 'valibot';
import { describeError } from '../../shared/errors';
import type { InvokeChannel, RequestOutput, ResultOf } from '../../shared/ipc-contract';
import type { SenderCheck } from './trusted-sender';

export type Handler<C extends InvokeChannel> = (
  request: RequestOutput<C>,
  event: IpcMainInvokeEvent,
) => ResultOf<C> | Promise<ResultOf<C>>;

/** Names each field and the rule it broke; the messages never repeat a code (see the contract). */
const describeIssues = (issues: v.BaseIssue<unknown>[]): string =>
  issues.map((issue) => [v.getDotPath(issue), issue.message].filter(Boolean).join(': ')).join('; ');

export function handle<C extends InvokeChannel>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: C,
  handler: Handler<C>,
  { isTrustedSender }: { isTrustedSender: SenderCheck },
): void {
  ipcMain.handle(channel.name, async (event, ...args: unknown[]) => {
    if (!isTrustedSender(event)) throw new Error(`${channel.name} refused: the call did not come from a Latchkey window`);
    if (args.length !== 1) throw new Error(`${channel.name} refused: expected one argument, got ${args.length}`);
    const request = v.safeParse(channel.request, args[0]);
    if (!request.success) throw new Error(`${channel.name} refused a malformed argument: ${describeIssues(request.issues)}`);

    let result: unknown;
    try {
      result = await handler(request.output, event);
    } catch (error) {
      throw new Error(describeError(error));
    }
    const reply = v.safeParse(channel.result, result);
    if (!reply.success) throw new Error(`${channel.name} failed: its reply does not match the IPC contract`);
    return reply.output;
  });
}
