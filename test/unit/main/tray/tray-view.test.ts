import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TrayView } from '../../../../electron/main/tray/tray-view';
import type { TrayState } from '../../../../electron/main/tray/tray-state';
import { resetFakeElectron, Tray } from '../../../fakes/fake-electron';

vi.mock('electron', () => import('../../../fakes/fake-electron'));

const NOW = Date.UTC(2026, 0, 1, 12);
const state: TrayState = {
  identities: [{ name: 'alice', roles: ['dev'], mfaCodes: [] }],
  active: { name: 'dev', expiration: new Date(NOW + 5 * 60_000) },
  expirations: { dev: new Date(NOW + 5 * 60_000) },
  reminderLeadMinutes: 10,
  launchAtLogin: false,
  grants: [],
};

function setup(platform: NodeJS.Platform = 'linux') {
  const perform = vi.fn();
  const view = new TrayView({ assetsDir: '/opt/latchkey/assets', platform, perform });
  const [tray] = Tray.all as [Tray];
  return { view, tray, perform };
}

describe('TrayView', () => {
  beforeEach(resetFakeElectron);

  it('starts with the "none" icon', () => {
    expect(setup().tray.image).toBe('/opt/latchkey/assets/tray-none.png');
    resetFakeElectron();
    expect(setup('darwin').tray.image).toBe('/opt/latchkey/assets/tray-noneTemplate.png');
  });

  it('shows the state: icon, tooltip and the menu, whose items perform their actions', () => {
    const { view, tray, perform } = setup();
    view.render(state, NOW, []);
    expect(tray.image).toBe('/opt/latchkey/assets/tray-expiring.png');
    expect(tray.tooltip).toBe('Latchkey: dev — 5 min left');
    expect(tray.menu?.labels()[0]).toBe('Active: dev — 5 min left');
    tray.menu?.click('alice', 'dev —');
    expect(perform).toHaveBeenCalledWith({ kind: 'activate', name: 'dev' });
  });

  it('heads the menu with notes', () => {
    const { view, tray } = setup();
    view.render(state, NOW, ['credential_process is served by another Latchkey broker']);
    expect(tray.menu?.labels().slice(0, 3)).toEqual(['credential_process is served by another Latchkey broker', '---', 'Active: dev — 5 min left']);
    expect(tray.menu?.item('credential_process is served').enabled).toBe(false);
  });

  it('offers only the settings and quitting when the state cannot be read', () => {
    const { view, tray, perform } = setup();
    view.renderProblem('the settings file is not valid JSON: fix it or remove it');
    expect(tray.menu?.labels()).toEqual(['the settings file is not valid JSON: fix it or remove it', '---', 'Settings…', 'Quit Latchkey']);
    tray.menu?.click('Settings');
    tray.menu?.click('Quit');
    expect(perform.mock.calls).toEqual([[{ kind: 'open-settings' }], [{ kind: 'quit' }]]);
  });
});
