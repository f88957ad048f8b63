/**
 * The tray menu as trayMenu() builds it, drawn in Chromium for the README (Electron's own menus cannot
 * be shown on these machines). The drawing is a plain rendering of the menu data — labels, checks,
 * separators, disabled lines, the open submenu — so what the picture shows is what the app puts in
 * its native menu.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { trayMenu, type MenuEntry } from '../../electron/main/tray/tray-menu';
import type { TrayState } from '../../electron/main/tray/tray-state';
import { launchChromium } from '../helpers/chromium';
import { chromium } from '../helpers/components';
import { describeWith } from '../helpers/needs';

const SCREENSHOTS = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const minutes = (n: number) => new Date(NOW + n * 60_000);

const state: TrayState = {
  identities: [
    {
      name: 'acme-prod',
      userName: 'alice',
      accountId: '123456789012',
      roles: ['prod-admin', 'prod-readonly'],
      mfaCodes: [{ device: 'alice-phone', code: '481205', secondsLeft: 18 }],
    },
    { name: 'acme-dev', userName: 'bob', accountId: '567890123456', roles: ['dev'], mfaCodes: [] },
  ],
  active: { name: 'prod-admin', expiration: minutes(47) },
  expirations: { 'prod-admin': minutes(47), 'acme-prod': minutes(11 * 60 + 5) },
  reminderLeadMinutes: 10,
  launchAtLogin: false,
  grants: [],
};

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function menuHtml(entries: MenuEntry[], open?: string): string {
  const rows = entries.map((entry) => {
    if (entry.type === 'separator') return '<li class="separator" role="separator"></li>';
    const mark = entry.type === 'radio' || entry.type === 'checkbox' ? (entry.checked ? '✓' : '') : '';
    const arrow = entry.type === 'submenu' ? '<span class="arrow">▸</span>' : '';
    const classes = [entry.enabled === false ? 'disabled' : '', entry.label === open ? 'open' : ''].join(' ');
    return `<li class="${classes}"><span class="mark">${mark}</span><span class="label">${escape(entry.label ?? '')}</span>${arrow}</li>`;
  });
  return `<ul class="menu">${rows.join('')}</ul>`;
}

function page(entries: MenuEntry[]): string {
  const identity = entries.find((entry) => entry.type === 'submenu');
  return `<!doctype html><html><head><style>
    :root { color-scheme: light dark; font: 13px system-ui, sans-serif; }
    body { margin: 12px; display: flex; gap: 4px; align-items: flex-start; background: Canvas; }
    .menu { list-style: none; margin: 0; padding: 5px 0; min-width: 260px; border-radius: 8px;
      background: light-dark(#f6f6f6, #2b2b2b); color: light-dark(#1d1d1f, #ececec);
      box-shadow: 0 6px 24px rgb(0 0 0 / 25%), 0 0 0 0.5px rgb(0 0 0 / 30%); }
    li { display: flex; align-items: center; padding: 3px 12px 3px 6px; white-space: pre; }
    li.open { background: light-dark(#0a64d6, #0a64d6); color: white; border-radius: 4px; margin: 0 5px; padding-left: 1px; }
    li.disabled { color: light-dark(#8a8a8e, #8e8e93); }
    .mark { width: 18px; text-align: center; }
    .label { flex: 1; }
    .arrow { padding-left: 24px; }
    li.separator { height: 1px; padding: 0; margin: 5px 12px; background: light-dark(#d8d8d8, #444); }
  </style></head><body>${menuHtml(entries, identity?.label)}${identity?.submenu ? menuHtml(identity.submenu) : ''}</body></html>`;
}

describeWith([chromium], 'the tray menu, drawn for the README', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium({ viewport: { width: 640, height: 460 }, deviceScaleFactor: 2 });
  });
  afterAll(async () => browser?.close());

  it('shows the active role with its time left and actions, the identities and one entry per session', async () => {
    const entries = trayMenu(state, NOW);
    const tab = await browser.context.newPage();
    await tab.setContent(page(entries));
    await expect.poll(() => tab.locator('.menu').first().innerText()).toContain('Active: prod-admin — 47 min left');
    expect(await tab.locator('.menu').nth(1).innerText()).toMatch(/✓\s*prod-admin — 47 min left/);
    const boxes = await tab.locator('.menu').evaluateAll((menus) => menus.map((menu) => menu.getBoundingClientRect().toJSON()));
    const right = Math.max(...boxes.map((box) => box.right));
    const bottom = Math.max(...boxes.map((box) => box.bottom));
    for (const colorScheme of ['light', 'dark'] as const) {
      await tab.emulateMedia({ colorScheme });
      await tab.screenshot({ path: `${SCREENSHOTS}tray-menu-${colorScheme}.png`, clip: { x: 0, y: 0, width: right + 16, height: bottom + 16 } });
    }
  });
});
