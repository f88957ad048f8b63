/** The typed view of what this window's preload exposes as `window.latchkey`. */
import type { WindowApi } from '../../../electron/shared/window-api';

declare global {
  interface Window {
    /** Each window's preload exposes only its own part. */
    latchkey?: Partial<WindowApi>;
  }
}

/** This window's part of the API; a clear error when the window was opened with another preload. */
export function api<K extends keyof WindowApi>(part: K): WindowApi[K] {
  const found = window.latchkey?.[part];
  if (!found) throw new Error(`this window's preload does not provide "${part}"`);
  return found;
}
