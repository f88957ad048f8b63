import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { hardenSession } from '../../../../electron/main/app/harden-session';
import { session } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

describe('hardenSession', () => {
  hardenSession(session.defaultSession as unknown as Session);
  const { permissionRequestHandler, permissionCheckHandler, headersListener } = session.defaultSession;

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      permissionRequestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(permissionCheckHandler?.({}, permission)).toBe(false);
    }
  });

  it('adds the strict CSP to every response, keeping its other headers', () => {
    const callback = vi.fn();
    headersListener?.({ url: 'file:///opt/latchkey/dist/renderer/settings.html', responseHeaders: { 'X-Other': ['kept'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['kept'], 'Content-Security-Policy': [expect.stringMatching(/^default-src 'none'; script-src 'self';/)] },
    });
  });

  it("sends the same policy as every page's meta tag", () => {
    let sent: string | undefined;
    headersListener?.({ url: 'file:///x.html' }, ({ responseHeaders }) => (sent = responseHeaders?.['Content-Security-Policy']?.[0]));
    for (const page of ['mfa-prompt.html', 'settings.html']) {
      const html = readFileSync(new URL(`../../../../renderer/${page}`, import.meta.url), 'utf8');
      expect(html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1], page).toBe(sent);
    }
  });
});
