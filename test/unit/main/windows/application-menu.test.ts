import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applicationMenu } from '../../../../electron/main/windows/application-menu';
import { AppWindow, windowFiles } from '../../../../electron/main/windows/app-window';
import { type BrowserWindow, FakeMenu, Menu, resetFakeElectron } from '../../../fakes/fake-electron';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

/** Every role in a menu template, submenus included. */
const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...roles((item.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);

const menuOf = (platform: NodeJS.Platform) => applicationMenu(platform) as unknown as FakeMenu | null;

describe('the application menu', () => {
  beforeEach(resetFakeElectron);

  it('on macOS has the app menu, the Edit roles (so ⌘X ⌘C ⌘V ⌘A ⌘Z work) and the Window roles', () => {
    const menu = menuOf('darwin');
    if (!menu) throw new Error('no application menu on macOS');
    expect(menu.template[0]).toEqual({ role: 'appMenu' });
    expect(roles(menu.item('Edit').submenu as MenuItemConstructorOptions[])).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(menu.item('Window')).toMatchObject({ role: 'window' });
    expect(roles(menu.item('Window').submenu as MenuItemConstructorOptions[])).toEqual(['minimize', 'close']);
  });

  it('has no reload or devtools shortcut on any platform', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const)
      expect(roles(menuOf(platform)?.template ?? []), platform).not.toEqual(expect.arrayContaining([expect.stringMatching(/reload|forceReload|toggleDevTools|viewMenu/i)]));
  });

  it('on Linux and Windows is none, so no window has a menu bar; every text field keeps the editing roles in its context menu', async () => {
    for (const platform of ['linux', 'win32'] as const) {
      Menu.setApplicationMenu(menuOf(platform));
      expect(Menu.applicationMenu, platform).toBeNull();
    }
    // Chromium handles Ctrl+X/C/V/A/Z itself (test/e2e/mfa-prompt.test.ts); the mouse has the context menu.
    const window = (await new AppWindow(windowFiles('/opt/latchkey', 'settings'), {}).open()) as unknown as BrowserWindow;
    window.webContents.emit('context-menu', {}, { isEditable: true, selectionText: '', editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true } });
    expect(roles(FakeMenu.popups[0]?.menu.template ?? [])).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });
});
