/**
 * The application menu. A tray app shows none, but on macOS the editing shortcuts (⌘Z ⇧⌘Z ⌘X ⌘C ⌘V
 * ⌘A) and ⌘W reach a window only through menu items with those roles: without this menu nobody could
 * paste an MFA code. On Windows and Linux there is none, so the windows have no menu bar; Chromium
 * itself handles Ctrl+Z/Y/X/C/V/A in text fields there (the end-to-end tests paste with no menu at all).
 * Either way none of Electron's default reload and devtools shortcuts remain.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

const MAC_MENU: MenuItemConstructorOptions[] = [
  { role: 'appMenu' },
  {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  },
  { label: 'Window', role: 'window', submenu: [{ role: 'minimize' }, { role: 'close' }] },
];

export function applicationMenu(platform: NodeJS.Platform): Menu | null {
  return platform === 'darwin' ? Menu.buildFromTemplate(MAC_MENU) : null;
}
