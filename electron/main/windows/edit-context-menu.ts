/**
 * The right-click menu of every window, which Electron does not provide: cut, copy, paste and select
 * all in a text field, copy on text selected elsewhere. The roles do what the keyboard shortcuts do,
 * and are disabled where Chromium says they cannot act (nothing selected; a password field's copy).
 */
import { Menu, type BrowserWindow, type ContextMenuParams, type MenuItemConstructorOptions } from 'electron';

type EditParams = Pick<ContextMenuParams, 'isEditable' | 'editFlags' | 'selectionText'>;

export function editContextMenu(window: BrowserWindow): void {
  window.webContents.on('context-menu', (_event, params) => {
    const template = editMenuTemplate(params);
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window });
  });
}

export function editMenuTemplate({ isEditable, editFlags, selectionText }: EditParams): MenuItemConstructorOptions[] {
  if (isEditable)
    return [
      { role: 'cut', enabled: editFlags.canCut },
      { role: 'copy', enabled: editFlags.canCopy },
      { role: 'paste', enabled: editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: editFlags.canSelectAll },
    ];
  return selectionText.trim() === '' ? [] : [{ role: 'copy', enabled: editFlags.canCopy }];
}
