/**
 * The API each window's preload exposes as `window.latchkey`: verbs typed by the IPC contract, never
 * ipcRenderer. A window's preload exposes only its own part; the renderer asks for that part by name.
 */
import type { EventChannel, InvokeChannel, ipcContract, MfaPromptView, MfaSubmitResult, RequestInput, ResultOf, SettingsPlace, SettingsProgress } from './ipc-contract';

export interface MfaPromptApi {
  /** Calls `listener` for each request main shows; returns the unsubscribe. */
  onShow(listener: (view: MfaPromptView) => void): () => void;
  submit(requestId: string, code: string): Promise<MfaSubmitResult>;
  cancel(requestId: string): Promise<void>;
  /** Asks main to make the popup's content `height` CSS pixels tall. */
  fit(height: number): Promise<void>;
}

/** One verb per invoke channel of a group, named like it: the channel's request in, its result out. Event channels are left out. */
export type InvokeVerbs<G> = {
  [K in keyof G as G[K] extends InvokeChannel ? K : never]: G[K] extends InvokeChannel ? (request: RequestInput<G[K]>) => Promise<ResultOf<G[K]>> : never;
};

/**
 * The settings window asks and main answers; main also says when something else changed what it shows,
 * how a long change (a key rotation, an enrolment) is getting on, and where to show when it opens the window.
 */
export type SettingsApi = InvokeVerbs<typeof ipcContract.settings> & {
  /** Calls `listener` each time main sends `changed`; returns the unsubscribe. */
  onChanged(listener: () => void): () => void;
  /** Calls `listener` with each `progress` main sends; returns the unsubscribe. */
  onProgress(listener: (progress: SettingsProgress) => void): () => void;
  /** Calls `listener` with each place main sends in `show` (an identity's "Rotate key…"); returns the unsubscribe. */
  onShow(listener: (at: SettingsPlace) => void): () => void;
};

/** How a window's verbs reach main: the preload's ipcRenderer, or a test's stand-in for it. */
export type Invoke = <C extends InvokeChannel>(channel: C, request: RequestInput<C>) => Promise<ResultOf<C>>;

/** Builds a group's verbs from the contract itself, so a verb cannot exist without its channel or drift from it. */
export function invokeVerbs<G extends Record<string, InvokeChannel | EventChannel>>(group: G, invoke: Invoke): InvokeVerbs<G> {
  const invokes = Object.entries(group).filter((entry): entry is [string, InvokeChannel] => 'request' in entry[1]);
  const verbs = invokes.map(([verb, channel]) => [verb, (request: RequestInput<typeof channel>) => invoke(channel, request)]);
  return Object.fromEntries(verbs) as InvokeVerbs<G>;
}

/** One part per window, named like the window's group in ipcContract. */
export interface WindowApi {
  mfaPrompt: MfaPromptApi;
  settings: SettingsApi;
}
