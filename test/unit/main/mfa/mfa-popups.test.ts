import { describe, expect, it } from 'vitest';
import type { MfaPromptView } from '../../../../electron/shared/ipc-contract';
import { LatchkeyError } from '../../../../electron/shared/errors';
import type { Identity, MfaDevice } from '../../../../electron/shared/model';
import { MfaPopups } from '../../../../electron/main/mfa/mfa-popups';
import type { MfaPromptRequest, MfaWaitRequest } from '../../../../electron/core/sts/mfa-prompt';
import { FakeTimers } from '../../../fakes/fake-timers';

const MINUTE = 60_000;
const alice: Identity = { name: 'alice', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', accountId: '123456789012' };
const bob: Identity = { name: 'bob', accessKeyId: 'AKIAI44QH8DHBEXAMPLE' };
const phone: MfaDevice = { name: 'alice-phone', serial: 'arn:aws:iam::123456789012:mfa/alice', identity: 'alice', hasSeed: false, autoMfa: false };
const token: MfaDevice = { name: 'bob-token', serial: 'arn:aws:iam::210987654321:mfa/bob', identity: 'bob', hasSeed: false, autoMfa: false };
const carol: Identity = { name: 'carol', accessKeyId: 'AKIAJ7EXAMPLEEXAMPLE' };
const key: MfaDevice = { name: 'carol-key', serial: 'arn:aws:iam::210987654321:mfa/carol', identity: 'carol', hasSeed: false, autoMfa: false };
const REFUSED = "identity \"alice\": AWS refused the MFA code for arn:aws:iam::123456789012:mfa/alice (wrong, expired or already used): enter the device's current code";

function setup() {
  const timers = new FakeTimers();
  const calls: (MfaPromptView | 'close')[] = [];
  const fits: number[] = [];
  const popups = new MfaPopups({
    clock: timers.clock,
    timers,
    window: { show: (view) => calls.push(view), close: () => calls.push('close'), onCancel: () => {}, fit: (height) => fits.push(height) },
  });
  const shown = () => {
    const last = calls.at(-1);
    if (last === undefined || last === 'close') throw new Error('no popup is showing');
    return last;
  };
  const closes = () => calls.filter((call) => call === 'close').length;
  const ask = (device: MfaDevice, identity: Identity, requester: string, retry?: string): Promise<string> =>
    popups.ask({ device, identity, requester, attempt: retry === undefined ? 1 : 2, previousError: retry } satisfies MfaPromptRequest);
  const flow = (device: MfaDevice, identity: Identity, requester: string): MfaWaitRequest => ({ device, identity, requester });
  return { timers, calls, fits, popups, shown, closes, ask, flow };
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
  it('shows the request with a two-minute deadline, asking for the code', async () => {
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
      phase: 'code',
      queued: 0,
    });
  });

  it('stays open after the submit, checking, until the flow is done; only then it closes', async () => {
    const { popups, shown, closes, ask, flow, timers } = setup();
    const asked = ask(phone, alice, 'tray');
    const { requestId } = shown();
    expect(popups.submit(requestId, '123456')).toEqual({ ok: true });
    expect(await asked).toBe('123456');
    expect(shown()).toMatchObject({ requestId, phase: 'checking' });
    // AWS takes its time: no deadline runs while it checks.
    expect(timers.due).toEqual([]);
    timers.advance(5 * MINUTE);
    expect(closes()).toBe(0);
    // A second submit has nothing to answer.
    expect(popups.submit(requestId, '654321')).toMatchObject({ ok: false });

    popups.done(flow(phone, alice, 'tray'));
    expect(closes()).toBe(1);
  });

  it('shows a refused code’s reason in place: the same popup, asking again with a fresh two minutes', async () => {
    const { popups, calls, shown, closes, ask, flow, timers } = setup();
    void ask(phone, alice, 'credential_process dev');
    const { requestId } = shown();
    timers.advance(MINUTE);
    popups.submit(requestId, '111111');
    timers.advance(1_000);

    const retry = ask(phone, alice, 'credential_process dev', REFUSED);
    expect(shown()).toEqual(expect.objectContaining({ requestId, phase: 'code', error: REFUSED, deadline: new Date(timers.clock.now() + 2 * MINUTE).toISOString() }));
    expect(closes()).toBe(0);
    expect(calls.map((call) => call !== 'close' && call.phase)).toEqual(['code', 'checking', 'code']);

    popups.submit(requestId, '222222');
    expect(await retry).toBe('222222');
    // The reason was for the code before: checking the new one, it is gone.
    expect(shown()).not.toHaveProperty('error');
    popups.done(flow(phone, alice, 'credential_process dev'));
    expect(closes()).toBe(1);
  });

  it('shares a popup among callers for one device, and closes it only when every caller is done', async () => {
    const { calls, popups, shown, closes, ask, flow } = setup();
    const first = ask(phone, alice, 'tray');
    const second = ask(phone, alice, 'credential_process dev');
    expect(shown().requesters).toEqual(['tray', 'credential_process dev']);
    expect(new Set(calls.map((call) => call !== 'close' && call.requestId)).size).toBe(1);

    expect(popups.submit(shown().requestId, '123456')).toEqual({ ok: true });
    expect(await first).toBe('123456');
    expect(await second).toBe('123456');

    // AWS took the first caller's code; the second caller's copy was the code just sent, so it asks again.
    popups.done(flow(phone, alice, 'tray'));
    const again = ask(phone, alice, 'credential_process dev', 'this code was just sent to AWS; the next one comes in 12 s');
    expect(closes()).toBe(0);
    expect(shown()).toMatchObject({ phase: 'code', requesters: ['credential_process dev'], error: 'this code was just sent to AWS; the next one comes in 12 s' });
    popups.submit(shown().requestId, '654321');
    expect(await again).toBe('654321');
    popups.done(flow(phone, alice, 'credential_process dev'));
    expect(closes()).toBe(1);
  });

  it('asks a caller who joins while a code is being checked, in the same popup', async () => {
    const { popups, shown, closes, ask, flow } = setup();
    void ask(phone, alice, 'tray');
    const { requestId } = shown();
    popups.submit(requestId, '123456');
    const late = ask(phone, alice, 'credential_process dev');
    expect(shown()).toMatchObject({ requestId, phase: 'code', requesters: ['tray', 'credential_process dev'] });

    popups.done(flow(phone, alice, 'tray'));
    expect(closes()).toBe(0);
    popups.submit(requestId, '654321');
    expect(await late).toBe('654321');
    popups.done(flow(phone, alice, 'credential_process dev'));
    expect(closes()).toBe(1);
  });

  it('queues a request for another device until the first popup is done, saying how many wait', async () => {
    const { popups, shown, ask, flow, timers } = setup();
    const forAlice = ask(phone, alice, 'tray');
    const forBob = ask(token, bob, 'credential_process ops');
    void ask(key, carol, 'tray');
    expect(shown()).toMatchObject({ deviceName: 'alice-phone', queued: 2 });

    timers.advance(MINUTE);
    popups.submit(shown().requestId, '111111');
    expect(await forAlice).toBe('111111');
    // Still alice's, while AWS checks her code.
    expect(shown()).toMatchObject({ deviceName: 'alice-phone', phase: 'checking' });
    timers.advance(3_000);
    popups.done(flow(phone, alice, 'tray'));
    expect(shown()).toMatchObject({ deviceName: 'bob-token', requesters: ['credential_process ops'], phase: 'code', queued: 1 });
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

  it('closing a popup while its code is checked only closes it; the flow’s later done changes nothing', async () => {
    const { popups, shown, closes, ask, flow } = setup();
    void ask(phone, alice, 'tray');
    const forBob = ask(token, bob, 'tray');
    popups.submit(shown().requestId, '123456');
    popups.cancel(shown().requestId);
    expect(shown()).toMatchObject({ deviceName: 'bob-token', queued: 0 });
    popups.done(flow(phone, alice, 'tray'));
    expect(shown()).toMatchObject({ deviceName: 'bob-token' });
    popups.submit(shown().requestId, '222222');
    expect(await forBob).toBe('222222');
    expect(closes()).toBe(0);
  });

  it('ignores a submit or cancel for a popup that is not showing, and a done for a flow it does not serve', async () => {
    const { popups, shown, ask, flow } = setup();
    const pending = ask(phone, alice, 'tray');
    popups.cancel('not-this-one');
    expect(popups.submit('not-this-one', '123456')).toMatchObject({ ok: false });
    // A flow that never needed the person (a seed's code, no wait), and one still waiting for its code.
    popups.done(flow(token, bob, 'tray'));
    popups.done(flow(phone, alice, 'tray'));
    expect(await isSettled(pending)).toBe(false);
    popups.submit(shown().requestId, '123456');
    expect(await pending).toBe('123456');
  });

  it('puts a retry for a device whose popup was closed ahead of other devices waiting', async () => {
    const { popups, shown, ask, flow } = setup();
    const first = ask(phone, alice, 'tray');
    const forBob = ask(token, bob, 'credential_process ops');
    const forCarol = ask(key, carol, 'tray');
    popups.submit(shown().requestId, '000000');
    expect(await first).toBe('000000');
    popups.cancel(shown().requestId);
    expect(shown().deviceName).toBe('bob-token');

    const retry = ask(phone, alice, 'tray', REFUSED);
    popups.submit(shown().requestId, '222222');
    expect(await forBob).toBe('222222');
    popups.done(flow(token, bob, 'credential_process ops'));
    expect(shown()).toMatchObject({ deviceName: 'alice-phone', error: REFUSED });
    popups.submit(shown().requestId, '333333');
    expect(await retry).toBe('333333');
    popups.done(flow(phone, alice, 'tray'));
    expect(shown().deviceName).toBe('carol-key');
    popups.submit(shown().requestId, '444444');
    expect(await forCarol).toBe('444444');
  });

  describe('auto-MFA waits', () => {
    const seeded: MfaDevice = { ...phone, hasSeed: true, autoMfa: true };

    it('shows the wait as a countdown to the fresh code, with nothing to type, until the flow is done', () => {
      const { popups, shown, closes, flow, timers } = setup();
      popups.waiting(flow(seeded, alice, 'credential_process dev'), 12_000);
      expect(shown()).toMatchObject({ phase: 'waiting', requesters: ['credential_process dev'], deadline: new Date(timers.clock.now() + 12_000).toISOString() });
      expect(shown()).not.toHaveProperty('error');
      // A countdown is no question: no two-minute deadline.
      expect(timers.due).toEqual([]);
      // The guard found the step taken again and waits once more.
      timers.advance(12_000);
      popups.waiting(flow(seeded, alice, 'credential_process dev'), 30_000);
      expect(shown()).toMatchObject({ phase: 'waiting', requesters: ['credential_process dev'], deadline: new Date(timers.clock.now() + 30_000).toISOString() });

      popups.done(flow(seeded, alice, 'credential_process dev'));
      expect(closes()).toBe(1);
    });

    it('turns into a question in the same popup when the seed’s code is refused', async () => {
      const { popups, shown, ask, flow } = setup();
      popups.waiting(flow(seeded, alice, 'tray'), 12_000);
      const { requestId } = shown();
      const asked = ask(seeded, alice, 'tray', REFUSED);
      expect(shown()).toMatchObject({ requestId, phase: 'code', requesters: ['tray'], error: REFUSED });
      popups.submit(requestId, '123456');
      expect(await asked).toBe('123456');
      expect(shown()).toMatchObject({ phase: 'checking' });
    });

    it('gives way to a device whose code is asked for, and shows again after it if still waiting', async () => {
      const { popups, shown, ask, flow } = setup();
      popups.waiting(flow(seeded, alice, 'tray'), 20_000);
      const forBob = ask(token, bob, 'tray');
      expect(shown()).toMatchObject({ deviceName: 'bob-token', phase: 'code', queued: 1 });
      popups.submit(shown().requestId, '222222');
      expect(await forBob).toBe('222222');
      popups.done(flow(token, bob, 'tray'));
      expect(shown()).toMatchObject({ deviceName: 'alice-phone', phase: 'waiting', queued: 0 });
    });

    it('leaves the queue when its flow is done before its turn', async () => {
      const { popups, shown, ask, flow } = setup();
      void ask(token, bob, 'tray');
      popups.waiting(flow(seeded, alice, 'tray'), 20_000);
      expect(shown()).toMatchObject({ deviceName: 'bob-token', queued: 1 });
      popups.done(flow(seeded, alice, 'tray'));
      expect(shown()).toMatchObject({ deviceName: 'bob-token', queued: 0 });
    });
  });

  it('passes the height the page asks for to the window', () => {
    const { popups, fits } = setup();
    popups.fit(236);
    expect(fits).toEqual([236]);
  });
});
