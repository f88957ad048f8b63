/**
 * The browser session every window shares: no permission is ever granted (our pages need none), and
 * every response carries the strict CSP. app:// responses have it from their handler already; this
 * covers anything else that might ever load in the session. A window with a session of its own (the
 * enrolment QR window) hardens it the same way, with its own page's policy.
 */
import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from './app-protocol';

export function hardenSession(session: Session, policy: string = CONTENT_SECURITY_POLICY): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}
