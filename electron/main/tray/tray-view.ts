/**
 * The tray icon: its image and tooltip follow the active session, its menu is rebuilt from state each
 * time. Notes (a broker another process holds, a keychain that did not answer) head the menu.
 */
import { Menu, Tray } from 'electron';
import type { MenuEntry, TrayAction } from './tray-menu';
import { trayIconPath } from './tray-icon-path';
import { trayMenu } from './tray-menu';
import type { TrayState } from './tray-state';
import { trayStatus, type TrayIcon } from './tray-status';
import { menuTemplate } from './menu-template';

export interface TrayViewDeps {
  assetsDir: string;
  platform: NodeJS.Platform;
  perform(action: TrayAction): void;
}

const SEPARATOR: MenuEntry = { type: 'separator' };
const note = (label: string): MenuEntry => ({ type: 'normal', label, enabled: false });

export class TrayView {
  readonly #tray: Tray;

  constructor(private readonly deps: TrayViewDeps) {
    this.#tray = new Tray(this.#icon('none'));
  }

  render(state: TrayState, now: number, notes: readonly string[]): void {
    const { icon, tooltip } = trayStatus(state, now);
    this.#show(icon, tooltip, [...notes.map(note), ...(notes.length > 0 ? [SEPARATOR] : []), ...trayMenu(state, now)]);
  }

  /** When the state cannot be gathered at all: why, and the ways out. */
  renderProblem(problem: string): void {
    this.#show('none', 'Latchkey: needs attention', [
      note(problem),
      SEPARATOR,
      { type: 'normal', label: 'Settings…', action: { kind: 'open-settings' } },
      { type: 'normal', label: 'Quit Latchkey', action: { kind: 'quit' } },
    ]);
  }

  popUp(): void {
    this.#tray.popUpContextMenu();
  }

  destroy(): void {
    this.#tray.destroy();
  }

  #icon(icon: TrayIcon): string {
    return trayIconPath(icon, this.deps.platform, this.deps.assetsDir);
  }

  #show(icon: TrayIcon, tooltip: string, entries: MenuEntry[]): void {
    this.#tray.setImage(this.#icon(icon));
    this.#tray.setToolTip(tooltip);
    this.#tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(entries, this.deps.perform)));
  }
}
