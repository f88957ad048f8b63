import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runApp } from '../../../../electron/main/app/app-lifecycle';
import type { RunningApp } from '../../../../electron/main/app/compose-app';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { app, dialog, protocol, resetFakeElectron } from '../../../fakes/fake-electron';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

function fakeApp(): RunningApp & { stopped: () => void } {
  let release: () => void = () => {};
  return {
    bringForward: vi.fn(),
    stop: vi.fn(() => new Promise<void>((resolve) => (release = resolve))),
    stopped: () => release(),
  };
}

describe('runApp', () => {
  beforeEach(resetFakeElectron);

  it('quits at once when another instance holds the lock, starting nothing', async () => {
    app.singleInstance = false;
    const start = vi.fn();
    await runApp(start);
    expect(start).not.toHaveBeenCalled();
    expect(app.quitted).toBe(true);
  });

  it('makes app:// privileged and guards every web contents before the app is ready', async () => {
    const start = vi.fn(async () => {
      // start runs once Electron is ready, when it is too late for either: both are in place already.
      expect(protocol.privileged.map((scheme) => scheme.scheme)).toEqual(['app']);
      expect(app.listenerCount('web-contents-created')).toBe(1);
      return fakeApp();
    });
    await runApp(start);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('hides the dock icon and stays up when every window is closed', async () => {
    await runApp(async () => fakeApp());
    expect(app.dock.hidden).toBe(true);
    app.emit('window-all-closed');
    expect(app.quitted).toBe(false);
  });

  it('brings the running app forward on a second launch', async () => {
    const running = fakeApp();
    await runApp(async () => running);
    app.emit('second-instance');
    expect(running.bringForward).toHaveBeenCalledTimes(1);
  });

  it('quits only once the app has stopped, however often quit is asked for', async () => {
    const running = fakeApp();
    await runApp(async () => running);
    app.quit();
    app.quit();
    expect(app.quitted).toBe(false);
    expect(running.stop).toHaveBeenCalledTimes(1);
    running.stopped();
    await vi.waitFor(() => expect(app.quitted).toBe(true));
  });

  it('says why in an error box and quits when the app cannot start', async () => {
    await runApp(() => Promise.reject(new LatchkeyError('settings', '/run/user/1000/latchkey belongs to another user; remove it')));
    expect(dialog.errors).toEqual([{ title: 'Latchkey could not start', content: '/run/user/1000/latchkey belongs to another user; remove it' }]);
    expect(app.quitted).toBe(true);
  });
});
