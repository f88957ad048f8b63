import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { trustedSender } from '../../../../electron/main/ipc/trusted-sender';
import { fakeEvent, PAGE } from './ipc-fakes';

describe('trustedSender', () => {
  const trusted = trustedSender(PAGE);

  it('trusts the top frame of a window showing our page, whatever its query or fragment', () => {
    expect(trusted(fakeEvent(PAGE.href))).toBe(true);
    expect(trusted(fakeEvent(`${PAGE.href}?request=1#code`))).toBe(true);
  });

  it('refuses a subframe, even one showing our page', () => {
    expect(trusted(fakeEvent(PAGE.href, { top: false }))).toBe(false);
  });

  it('refuses other pages, other folders, other schemes and paths that climb out', () => {
    for (const url of [
      'file:///opt/Latchkey/resources/app.asar/dist/renderer/settings.html',
      'file:///tmp/mfa-prompt.html',
      'file:///opt/Latchkey/resources/app.asar/dist/renderer/../../../../../tmp/dist/renderer/mfa-prompt.html',
      'file://evil.example/opt/Latchkey/resources/app.asar/dist/renderer/mfa-prompt.html',
      'https://evil.example/opt/Latchkey/resources/app.asar/dist/renderer/mfa-prompt.html',
      'about:blank',
      'not a url',
    ]) {
      expect(trusted(fakeEvent(url)), url).toBe(false);
    }
  });

  it('trusts the dev server page only on its own origin', () => {
    const dev = trustedSender(new URL('mfa-prompt.html', 'http://localhost:5173/'));
    expect(dev(fakeEvent('http://localhost:5173/mfa-prompt.html'))).toBe(true);
    expect(dev(fakeEvent('http://localhost:5174/mfa-prompt.html'))).toBe(false);
    expect(dev(fakeEvent('http://127.0.0.1:5173/mfa-prompt.html'))).toBe(false);
    expect(dev(fakeEvent(PAGE.href))).toBe(false);
  });

  it('refuses a frame that is gone or disposed', () => {
    const gone = { senderFrame: null } as unknown as IpcMainInvokeEvent;
    const disposed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    } as unknown as IpcMainInvokeEvent;
    expect(trusted(gone)).toBe(false);
    expect(trusted(disposed)).toBe(false);
  });
});
