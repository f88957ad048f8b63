import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../../../electron/main/tray/menu-template';
import type { MenuEntry } from '../../../../electron/main/tray/tray-menu';

describe('menuTemplate', () => {
  const entries: MenuEntry[] = [
    { type: 'normal', label: 'Active: dev — 47 min left', enabled: false },
    { type: 'separator' },
    {
      type: 'submenu',
      label: 'alice',
      submenu: [{ type: 'radio', label: 'dev — 47 min left', checked: true, action: { kind: 'activate', name: 'dev' } }],
    },
    { type: 'checkbox', label: 'Launch at login', checked: false, action: { kind: 'launch-at-login', enabled: true } },
  ];

  it('keeps types, labels, checks and disabled items, submenus included', () => {
    const template = menuTemplate(entries, () => {});
    expect(template.map(({ click: _click, submenu: _submenu, ...item }) => item)).toEqual([
      { type: 'normal', label: 'Active: dev — 47 min left', enabled: false },
      { type: 'separator' },
      { type: 'submenu', label: 'alice' },
      { type: 'checkbox', label: 'Launch at login', checked: false },
    ]);
    expect(template[0]?.click).toBeUndefined();
  });

  it('turns each action into a click that performs it', () => {
    const perform = vi.fn();
    const template = menuTemplate(entries, perform);
    const [radio] = template[2]?.submenu as Electron.MenuItemConstructorOptions[];
    (radio?.click as () => void)();
    (template[3]?.click as () => void)();
    expect(radio).toMatchObject({ type: 'radio', label: 'dev — 47 min left', checked: true });
    expect(perform.mock.calls).toEqual([[{ kind: 'activate', name: 'dev' }], [{ kind: 'launch-at-login', enabled: true }]]);
  });
});
