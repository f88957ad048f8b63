/**
 * Which IPC calls main believes: only the top frame of a window showing one of our own pages. A call
 * from an iframe, from a page the window was navigated to, or from a frame already gone is refused.
 */
import type { IpcMainInvokeEvent } from 'electron';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Protocol, host and path: the query and fragment do not change which file is loaded. */
const pageOf = (url: URL): string => `${url.protocol}//${url.host}${url.pathname}`;

/**
 * Trusts the top frame of a window whose page is `pageUrl`: the window's app:// URL (app-protocol), or
 * the Vite dev server's URL for it. URL parsing resolves `..`, so no path escapes the page.
 */
export function trustedSender(pageUrl: URL): SenderCheck {
  const expected = pageOf(pageUrl);
  return (event) => {
    try {
      const frame = event.senderFrame;
      return frame !== null && frame.parent === null && pageOf(new URL(frame.url)) === expected;
    } catch {
      // A frame disposed while we look at it (or a URL that does not parse) is not trusted.
      return false;
    }
  };
}
