import type { ContextMenuParams } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppWindow, windowFiles } from '../../../../electron/main/windows/app-window';
import { type BrowserWindow, FakeMenu, resetFakeElectron } from '../../../fakes/fake-electron';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

const ALL: ContextMenuParams['editFlags'] = { canUndo: true, canRedo: true, canCut: true, canCopy: true, canPaste: true, canDelete: true, canSelectAll: true, canEditRichly: false };

/** The person right-clicks in the window's page. */
function rightClick(window: BrowserWindow, params: Partial<ContextMenuParams>): void {
  window.webContents.emit('context-menu', { preventDefault() {} }, { isEditable: false, selectionText: '', editFlags: ALL, ...params });
}

async function openWindow(name: string): Promise<BrowserWindow> {
  return (await new AppWindow(windowFiles('/opt/latchkey', name), {}).open()) as unknown as BrowserWindow;
}

describe('the context menu of every window', () => {
  beforeEach(resetFakeElectron);

  it('offers cut, copy, paste and select all in a text field, popped up over its window', async () => {
    for (const name of ['settings', 'mfa-prompt']) {
      const window = await openWindow(name);
      rightClick(window, { isEditable: true });
      const popup = FakeMenu.popups.at(-1);
      expect(popup?.menu.template, name).toEqual([
        { role: 'cut', enabled: true },
        { role: 'copy', enabled: true },
        { role: 'paste', enabled: true },
        { type: 'separator' },
        { role: 'selectAll', enabled: true },
      ]);
      expect(popup?.options?.window).toBe(window);
    }
  });

  it('disables what Chromium says cannot act: nothing selected, or a password field', async () => {
    const window = await openWindow('settings');
    rightClick(window, { isEditable: true, editFlags: { ...ALL, canCut: false, canCopy: false } });
    expect(FakeMenu.popups[0]?.menu.template.map((item) => item.enabled)).toEqual([false, false, true, undefined, true]);
  });

  it('offers copy for text selected outside a field, and nothing where there is nothing to edit or copy', async () => {
    const window = await openWindow('mfa-prompt');
    rightClick(window, { selectionText: 'arn:aws:iam::123456789012:mfa/alice' });
    expect(FakeMenu.popups[0]?.menu.template).toEqual([{ role: 'copy', enabled: true }]);
    rightClick(window, { selectionText: '  ' });
    rightClick(window, {});
    expect(FakeMenu.popups).toHaveLength(1);
  });
});
