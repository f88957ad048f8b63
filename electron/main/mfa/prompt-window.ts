/** The MFA popup window as the coordinator sees it; the composition root hosts the BrowserWindow behind it. */
import type { MfaPromptView } from '../../shared/ipc-contract';

export interface PromptWindow {
  /** Shows the popup with this request, or updates it in place if it is already showing. */
  show(view: MfaPromptView): void;
  close(): void;
  /** Who to tell when the person closes the popup (or it cannot be shown): the request showing is cancelled. */
  onCancel(cancel: (requestId: string) => void): void;
  /** Sizes the popup to its page's content height, as the page measured it. */
  fit(height: number): void;
}
