import { describe, expect, it, vi } from 'vitest';
import { AppRefresh } from '../../../../electron/main/app/app-refresh';

/** A gather the test finishes by hand, one call at a time. */
function gathering() {
  const pending: ((state: number) => void)[] = [];
  let count = 0;
  return {
    gather: () => new Promise<number>((resolve) => pending.push(() => resolve(++count))),
    finish: async () => {
      await vi.waitFor(() => expect(pending.length).toBeGreaterThan(0));
      pending.shift()?.(0);
    },
    calls: () => count + pending.length,
  };
}

describe('AppRefresh', () => {
  it('folds requests made while a rebuild runs into one more rebuild, which shows the latest state', async () => {
    const { gather, finish, calls } = gathering();
    const show = vi.fn();
    const refresh = new AppRefresh();
    refresh.start({ gather, show, failed: vi.fn() });
    refresh.request();
    refresh.request();
    await finish();
    await finish();
    await refresh.idle();
    expect(calls()).toBe(2);
    expect(show.mock.calls).toEqual([[1], [2]]);
  });

  it('reports a failed gather and carries on with the next request', async () => {
    const failed = vi.fn();
    const show = vi.fn();
    const gather = vi.fn().mockRejectedValueOnce(new Error('settings unreadable')).mockResolvedValueOnce('state');
    const refresh = new AppRefresh();
    refresh.start({ gather, show, failed });
    await refresh.idle();
    refresh.request();
    await refresh.idle();
    expect(failed).toHaveBeenCalledWith(new Error('settings unreadable'));
    expect(show).toHaveBeenCalledWith('state');
  });

  it('shows nothing after stop, not even what the running rebuild gathers', async () => {
    const { gather, finish } = gathering();
    const show = vi.fn();
    const refresh = new AppRefresh();
    refresh.start({ gather, show, failed: vi.fn() });
    const stopped = refresh.stop();
    refresh.request();
    await finish();
    await stopped;
    expect(show).not.toHaveBeenCalled();
  });

  it('keeps requests made before start for the first rebuild, which start makes', async () => {
    const gather = vi.fn().mockResolvedValue('state');
    const show = vi.fn();
    const refresh = new AppRefresh();
    refresh.request();
    refresh.request();
    await refresh.idle();
    expect(gather).not.toHaveBeenCalled();
    refresh.start({ gather, show, failed: vi.fn() });
    await refresh.idle();
    expect(show.mock.calls).toEqual([['state']]);
  });
});
