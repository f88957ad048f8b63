/** The tray menu's plain data as Electron's menu template: each action becomes a click that performs it. */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuEntry, TrayAction } from './tray-menu';

export function menuTemplate(entries: readonly MenuEntry[], perform: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return entries.map(({ type, label, checked, enabled, submenu, action }) => ({
    type,
    ...(label !== undefined && { label }),
    ...(checked !== undefined && { checked }),
    ...(enabled === false && { enabled }),
    ...(submenu && { submenu: menuTemplate(submenu, perform) }),
    ...(action && { click: () => perform(action) }),
  }));
}
