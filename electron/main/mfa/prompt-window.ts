/** The MFA popup window as the coordinator sees it; the composition root hosts the BrowserWindow behind it. */
import type { MfaPromptView } from '../../shared/ipc-contract';

export interface PromptWindow {
  /** Shows the popup with this request, or updates it in place if it is already showing. */
  show(view: MfaPromptView): void;
  close(): void;
}
