import { describe, expect, it } from 'vitest';
import type { MfaPromptView } from '../../../../electron/shared/ipc-contract';
import { LatchkeyError } from '../../../../electron/shared/errors';
import type { Identity, MfaDevice } from '../../../../electron/shared/model';
import { MfaPopups } from '../../../../electron/main/mfa/mfa-popups';
import type { MfaPromptRequest } from '../../../../electron/core/sts/mfa-prompt';
import { FakeTimers } from '../../../fakes/fake-timers';

const MINUTE = 60_000;
const alice: Identity = { name: 'alice', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', accountId: '123456789012' };
const bob: Identity = { name: 'bob', accessKeyId: 'AKIAI44QH8DHBEXAMPLE' };
const phone: MfaDevice = { name: 'alice-phone', serial: 'arn:aws:iam::123456789012:mfa/alice', identity: 'alice', hasSeed: false, autoMfa: false };
const token: MfaDevice = { name: 'bob-token', serial: 'arn:aws:iam::210987654321:mfa/bob', identity: 'bob', hasSeed: false, autoMfa: false };
const carol: Identity = { name: 'carol', accessKeyId: 'AKIAJ7EXAMPLEEXAMPLE' };
const key: MfaDevice = { name: 'carol-key', serial: 'arn:aws:iam::210987654321:mfa/carol', identity: 'carol', hasSeed: false, autoMfa: false };

function setup() {
  const timers = new FakeTimers();
  const calls: (MfaPromptView | 'close')[] = [];
  const popups = new MfaPopups({ clock: timers.clock, timers, window: { show: (view) => calls.push(view), close: () => calls.push('close'), onCancel: () => {} } });
  const shown = () => {
    const last = calls.at(-1);
    if (last === undefined || last === 'close') throw new Error('no popup is showing');
    return last;
  };
  const ask = (device: MfaDevice, identity: Identity, requester: string, retry?: string): Promise<string> =>
    popups.ask({ device, identity, requester, attempt: retry === undefined ? 1 : 2, previousError: retry } satisfies MfaPromptRequest);
  return { timers, calls, popups, shown, ask };
}

/** Whether a promise has settled, once everything already queued has run. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('MfaPopups', () => {
  it('shows the request with a two-minute deadline', async () => {
    const { timers, shown, ask } = setup();
    void ask(phone, alice, 'tray');
    expect(shown()).toEqual({
      requestId: expect.stringMatching(/^[A-Za-z0-9-]{1,64}$/),
      deviceName: 'alice-phone',
      serial: 'arn:aws:iam::123456789012:mfa/alice',
      identityName: 'alice',
      accountId: '123456789012',
      requesters: ['tray'],
      deadline: new Date(timers.clock.now() + 2 * MINUTE).toISOString(),
    });
  });

  it('coalesces requests for the same device: one popup lists both requesters and both get the code', async () => {
    const { calls, popups, shown, ask } = setup();
    const first = ask(phone, alice, 'tray');
    const second = ask(phone, alice, 'credential_process dev');
    expect(shown().requesters).toEqual(['tray', 'credential_process dev']);
    expect(new Set(calls.map((call) => call !== 'close' && call.requestId)).size).toBe(1);

    expect(popups.submit(shown().requestId, '123456')).toEqual({ ok: true });
    expect(await first).toBe('123456');
    expect(await second).toBe('123456');
    expect(calls.at(-1)).toBe('close');
  });

  it('queues a request for another device until the first popup is done', async () => {
    const { popups, shown, ask, timers } = setup();
    const forAlice = ask(phone, alice, 'tray');
    const forBob = ask(token, bob, 'credential_process ops');
    expect(shown().deviceName).toBe('alice-phone');

    timers.advance(MINUTE);
    popups.submit(shown().requestId, '111111');
    expect(await forAlice).toBe('111111');
    expect(shown()).toMatchObject({ deviceName: 'bob-token', requesters: ['credential_process ops'] });
    // Its two minutes start when it is shown, not when it was asked for.
    expect(shown().deadline).toBe(new Date(timers.clock.now() + 2 * MINUTE).toISOString());
    expect(shown()).not.toHaveProperty('accountId');

    popups.submit(shown().requestId, '222222');
    expect(await forBob).toBe('222222');
  });

  it('after two minutes rejects every caller, then shows the next request', async () => {
    const { popups, calls, shown, ask, timers } = setup();
    const first = ask(phone, alice, 'tray');
    const second = ask(phone, alice, 'credential_process dev');
    const queued = ask(token, bob, 'tray');
    const expired = shown().requestId;

    timers.advance(2 * MINUTE - 1);
    expect(await isSettled(first)).toBe(false);
    timers.advance(1);
    for (const caller of [first, second]) {
      const error = await caller.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LatchkeyError);
      expect(error).toMatchObject({
        code: 'mfa-cancelled',
        message: 'no MFA code entered within 2 minutes for device "alice-phone" (arn:aws:iam::123456789012:mfa/alice) of identity "alice"; try again',
      });
    }
    expect(shown().deviceName).toBe('bob-token');
    expect(popups.submit(expired, '123456')).toEqual({ ok: false, error: expect.stringContaining('no longer waiting') });

    timers.advance(2 * MINUTE);
    await expect(queued).rejects.toMatchObject({ code: 'mfa-cancelled' });
    expect(calls.at(-1)).toBe('close');
    expect(timers.due).toEqual([]);
  });

  it('cancel rejects every caller of the popup with mfa-cancelled and leaves no timer', async () => {
    const { popups, calls, shown, ask, timers } = setup();
    const first = ask(phone, alice, 'tray');
    const second = ask(phone, alice, 'credential_process dev');
    popups.cancel(shown().requestId);
    for (const caller of [first, second])
      await expect(caller).rejects.toMatchObject({ code: 'mfa-cancelled', message: expect.stringContaining('"alice-phone"') });
    expect(calls.at(-1)).toBe('close');
    expect(timers.due).toEqual([]);
  });

  it('ignores a submit or cancel for a popup that is not showing', async () => {
    const { popups, shown, ask } = setup();
    const pending = ask(phone, alice, 'tray');
    popups.cancel('not-this-one');
    expect(popups.submit('not-this-one', '123456')).toMatchObject({ ok: false });
    expect(await isSettled(pending)).toBe(false);
    popups.submit(shown().requestId, '123456');
    expect(await pending).toBe('123456');
  });

  it('asks again after a refused code, showing why, ahead of other devices waiting', async () => {
    const { popups, shown, ask } = setup();
    const first = ask(phone, alice, 'tray');
    const forBob = ask(token, bob, 'credential_process ops');
    const forCarol = ask(key, carol, 'tray');
    popups.submit(shown().requestId, '000000');
    expect(await first).toBe('000000');
    expect(shown().deviceName).toBe('bob-token');

    const retry = ask(phone, alice, 'tray', 'the MFA code was not accepted; enter the current code');
    popups.submit(shown().requestId, '222222');
    expect(await forBob).toBe('222222');
    expect(shown()).toMatchObject({ deviceName: 'alice-phone', error: 'the MFA code was not accepted; enter the current code' });
    popups.submit(shown().requestId, '333333');
    expect(await retry).toBe('333333');
    expect(shown().deviceName).toBe('carol-key');
    popups.submit(shown().requestId, '444444');
    expect(await forCarol).toBe('444444');
  });

  it('a retry for a device whose popup is showing updates it in place', async () => {
    const { shown, ask } = setup();
    void ask(phone, alice, 'credential_process dev');
    const { requestId } = shown();
    void ask(phone, alice, 'tray', 'the MFA code was not accepted');
    expect(shown()).toMatchObject({ requestId, requesters: ['credential_process dev', 'tray'], error: 'the MFA code was not accepted' });
  });
});
