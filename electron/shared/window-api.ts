/**
 * The API each window's preload exposes as `window.latchkey`: verbs typed by the IPC contract, never
 * ipcRenderer. A window's preload exposes only its own part; the renderer asks for that part by name.
 */
import type { MfaPromptView, MfaSubmitResult } from './ipc-contract';

export interface MfaPromptApi {
  /** Calls `listener` for each request main shows; returns the unsubscribe. */
  onShow(listener: (view: MfaPromptView) => void): () => void;
  submit(requestId: string, code: string): Promise<MfaSubmitResult>;
  cancel(requestId: string): Promise<void>;
}

/** One part per window, named like the window's group in ipcContract. */
export interface WindowApi {
  mfaPrompt: MfaPromptApi;
}
