/** The icon file for a tray state. Electron loads the @2x file next to it on high-density screens. */
import { join } from 'node:path';
import type { TrayIcon } from './tray-status';

export function trayIconPath(icon: TrayIcon, platform: NodeJS.Platform, assetsDir: string): string {
  // macOS tints "…Template" images (black and alpha) to suit a light or dark menu bar.
  return join(assetsDir, `tray-${icon}${platform === 'darwin' ? 'Template' : ''}.png`);
}
