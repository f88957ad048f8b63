import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/main/windows/app-protocol';
import { hardenSession } from '../../../../electron/main/windows/harden-session';
import { session } from '../../../fakes/fake-electron';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

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

  it('adds the strict CSP (the one app:// sends) to every response, keeping its other headers', () => {
    const callback = vi.fn();
    headersListener?.({ url: 'https://example.com/', responseHeaders: { 'X-Other': ['kept'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['kept'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});
