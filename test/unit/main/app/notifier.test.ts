import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { Notifier } from '../../../../electron/main/app/notifier';
import { Notification, resetFakeElectron } from '../../../fakes/fake-electron';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

describe('Notifier', () => {
  beforeEach(resetFakeElectron);

  it('offers an action as a button on macOS', () => {
    const run = vi.fn();
    new Notifier('darwin').show('prod-admin expires in 10 min', 'Renew it to keep AWS tools working.', { label: 'Renew', run });
    const [shown] = Notification.all;
    expect(shown?.options).toEqual({ title: 'prod-admin expires in 10 min', body: 'Renew it to keep AWS tools working.', actions: [{ type: 'button', text: 'Renew' }] });
    shown?.emit('click');
    expect(run).not.toHaveBeenCalled();
    shown?.emit('action', {}, 0);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs the action on a click elsewhere, where notification servers rarely show buttons', () => {
    const run = vi.fn();
    new Notifier('linux').show('prod-admin has expired', 'Renew it to keep AWS tools working.', { label: 'Renew', run });
    const [shown] = Notification.all;
    expect(shown?.options).toEqual({ title: 'prod-admin has expired', body: 'Renew it to keep AWS tools working. Click to renew.' });
    shown?.emit('click');
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("shows a failure with the error's own message, never a stack", () => {
    const notifier = new Notifier('linux');
    notifier.failed('Could not switch to prod-admin', new LatchkeyError('sts-denied', 'AWS denied sts:AssumeRole on arn:aws:iam::123456789012:role/prod-admin: check its trust policy'));
    notifier.failed('Could not renew dev', new TypeError('x is undefined'));
    expect(Notification.all.map((shown) => shown.options)).toEqual([
      { title: 'Could not switch to prod-admin', body: 'AWS denied sts:AssumeRole on arn:aws:iam::123456789012:role/prod-admin: check its trust policy' },
      { title: 'Could not renew dev', body: 'unexpected error: x is undefined' },
    ]);
  });
});
