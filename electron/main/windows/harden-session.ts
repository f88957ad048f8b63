/**
 * The browser session every window shares: no permission is ever granted (our pages need none), and
 * every response carries the strict CSP. app:// responses have it from their handler already; this
 * covers anything else that might ever load in the session.
 */
import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from './app-protocol';

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
