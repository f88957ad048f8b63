import { describe, expect, it, vi } from 'vitest';
import { handle, type Handler } from '../../../../electron/main/ipc/handle';
import { trustedSender } from '../../../../electron/main/ipc/trusted-sender';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { ipcContract } from '../../../../electron/shared/ipc-contract';
import { fakeEvent, fakeIpcMain, PAGE } from './ipc-fakes';

const { submit, cancel } = ipcContract.mfaPrompt;
const ours = fakeEvent(PAGE.href);

function setUp(handler: Handler<typeof submit> = () => ({ ok: true })) {
  const ipcMain = fakeIpcMain();
  const spy = vi.fn(handler);
  handle(ipcMain, submit, spy, { isTrustedSender: trustedSender(PAGE) });
  return { call: (...args: unknown[]) => ipcMain.call(submit.name, ours, ...args), ipcMain, spy };
}

describe('handle', () => {
  it('passes a well-formed call from our window to the handler and returns its reply', async () => {
    const { call, spy } = setUp(({ code }) => (code === '123456' ? { ok: true } : { ok: false, error: 'AWS did not accept that code' }));

    await expect(call({ requestId: 'r-1', code: '123456' })).resolves.toEqual({ ok: true });
    await expect(call({ requestId: 'r-1', code: '654321' })).resolves.toEqual({ ok: false, error: 'AWS did not accept that code' });
    expect(spy).toHaveBeenCalledWith({ requestId: 'r-1', code: '123456' }, ours);
  });

  it('refuses a call from a foreign frame without calling the handler', async () => {
    const { ipcMain, spy } = setUp();

    for (const event of [fakeEvent('https://evil.example/mfa-prompt.html'), fakeEvent(PAGE.href, { top: false })]) {
      await expect(ipcMain.call(submit.name, event, { requestId: 'r-1', code: '123456' })).rejects.toThrow(
        'latchkey:mfa-prompt:submit refused: the call did not come from a Latchkey window',
      );
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses malformed arguments with a message naming the field, without calling the handler', async () => {
    const { call, spy } = setUp();

    await expect(call({ requestId: 'r-1', code: '12345' })).rejects.toThrow(
      'latchkey:mfa-prompt:submit refused a malformed argument: code: MFA code must be exactly 6 digits',
    );
    await expect(call({ requestId: 'r 1', code: '123456' })).rejects.toThrow('requestId: request id must be 1-64 letters, digits or dashes');
    await expect(call({ requestId: 'r-1', code: '123456', secret: 'x' })).rejects.toThrow('malformed argument');
    await expect(call({ requestId: 'r-1' })).rejects.toThrow('malformed argument: code');
    await expect(call('r-1', '123456')).rejects.toThrow('expected one argument, got 2');
    await expect(call()).rejects.toThrow('expected one argument, got 0');
    expect(spy).not.toHaveBeenCalled();
  });

  it('never repeats a refused code in its message (Electron logs it)', async () => {
    const { call } = setUp();
    for (const code of ['98765', '9876543', 987654, '98765a']) {
      const error = await call({ requestId: 'r-1', code }).catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).not.toMatch(/9876/);
    }
  });

  it('reduces a handler failure to its message: no stack, no cause crosses', async () => {
    const refusal = new LatchkeyError('mfa-cancelled', 'the MFA request for alice is no longer waiting');
    const { call: callOurs } = setUp(() => {
      throw refusal;
    });
    const error = (await callOurs({ requestId: 'r-1', code: '123456' }).catch((e: unknown) => e)) as Error;
    expect(error).not.toBe(refusal);
    expect(error.message).toBe('the MFA request for alice is no longer waiting');
    expect(error.cause).toBeUndefined();

    const { call: callBroken } = setUp(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'serial')");
    });
    await expect(callBroken({ requestId: 'r-1', code: '123456' })).rejects.toThrow(
      "unexpected error: Cannot read properties of undefined (reading 'serial')",
    );
  });

  it('refuses a reply outside the contract, so no stray field reaches the renderer', async () => {
    const { call } = setUp(() => ({ ok: true, sessionToken: 'IQoJb3JpZ2luX2VjE' }) as never);
    const error = (await call({ requestId: 'r-1', code: '123456' }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('latchkey:mfa-prompt:submit failed: its reply does not match the IPC contract');
  });

  it('serves a channel whose reply is nothing', async () => {
    const ipcMain = fakeIpcMain();
    const cancelled: string[] = [];
    handle(ipcMain, cancel, ({ requestId }) => void cancelled.push(requestId), { isTrustedSender: trustedSender(PAGE) });

    await expect(ipcMain.call(cancel.name, ours, { requestId: 'r-1' })).resolves.toBeUndefined();
    expect(cancelled).toEqual(['r-1']);
  });
});
