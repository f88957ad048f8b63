/**
 * The browser session every window shares: no permission is ever granted (our pages need none), and
 * each response carries the same strict CSP as the pages' meta tag, in case a page ever lacks it.
 */
import type { Session } from 'electron';

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
}
