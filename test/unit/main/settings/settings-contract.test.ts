/**
 * The settings window's three implementations of one contract must not drift apart: the real preload's
 * verbs, main's handlers, and the test implementation the e2e runs the window against. Each must cover
 * exactly the verbs of ipcContract.settings, and what the test implementation answers must parse with
 * the contract's result schemas.
 */
import { join } from 'node:path';
import QRCode from 'qrcode';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { registerSettingsHandlers } from '../../../../electron/main/settings/register-settings-handlers';
import { ipcContract } from '../../../../electron/shared/ipc-contract';
import { NameSchema } from '../../../../electron/shared/model';
import type { SettingsApi, WindowApi } from '../../../../electron/shared/window-api';
import { settingsWorld, type Answer } from '../../../e2e/settings-test-api';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; request: unknown }[],
  listeners: new Map<string, Set<(event: unknown, payload: unknown) => void>>(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, request: unknown) => {
      electron.invoked.push({ channel, request });
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      const set = electron.listeners.get(channel) ?? new Set();
      electron.listeners.set(channel, set.add(listener));
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => electron.listeners.get(channel)?.delete(listener),
  },
}));

/** The verbs are the invoke channels; `changed`, `progress` and `show` are main's events, which the window subscribes to. */
const { changed, progress, show, ...invokes } = ipcContract.settings;
const verbs = Object.keys(invokes).sort();

describe('the settings contract', () => {
  it('the real preload exposes exactly its verbs, each invoking its own channel with the request as given', async () => {
    await import('../../../../electron/preload/settings');
    const { settings, ...others } = electron.exposed.get('latchkey') as Pick<WindowApi, 'settings'>;
    expect(others).toEqual({});
    expect(Object.keys(settings).sort()).toEqual([...verbs, 'onChanged', 'onProgress', 'onShow'].sort());
    for (const [verb, channel] of Object.entries(invokes)) {
      const request = { probe: verb };
      await (settings[verb as keyof typeof invokes] as (request: unknown) => Promise<unknown>)(request);
      expect(electron.invoked.at(-1)).toEqual({ channel: channel.name, request });
    }

    // `changed` reaches the page as a call with nothing in it (not the IPC event, whose sender is ipcRenderer), until it unsubscribes.
    const heard: unknown[][] = [];
    const unsubscribe = settings.onChanged((...args: unknown[]) => void heard.push(args));
    const deliver = () => electron.listeners.get(changed.name)?.forEach((listener) => listener({ sender: 'ipcRenderer' }, {}));
    deliver();
    expect(heard).toEqual([[]]);
    unsubscribe();
    deliver();
    expect(heard).toEqual([[]]);
    expect(electron.listeners.get(changed.name)?.size).toBe(0);

    // `progress` reaches it as its payload alone, until it unsubscribes.
    const told: unknown[][] = [];
    const stop = settings.onProgress((...args: unknown[]) => void told.push(args));
    const payload = { task: 'rotate-key', name: 'alice', message: 'Creating a new access key…' };
    const tell = () => electron.listeners.get(progress.name)?.forEach((listener) => listener({ sender: 'ipcRenderer' }, payload));
    tell();
    stop();
    tell();
    expect(told).toEqual([[payload]]);
    expect(electron.listeners.get(progress.name)?.size).toBe(0);

    // `show` reaches it as the place alone, until it unsubscribes.
    const places: unknown[][] = [];
    const stopShow = settings.onShow((...args: unknown[]) => void places.push(args));
    const place = () => electron.listeners.get(show.name)?.forEach((listener) => listener({ sender: 'ipcRenderer' }, { identity: 'alice' }));
    place();
    stopShow();
    place();
    expect(places).toEqual([[{ identity: 'alice' }]]);
    expect(electron.listeners.get(show.name)?.size).toBe(0);
  });

  it('`show` names one identity, checked as every name is, and nothing else', () => {
    expect(v.parse(show.payload, { identity: 'alice-prod.2' })).toEqual({ identity: 'alice-prod.2' });
    for (const name of ['alice', 'a'.repeat(128), '', 'has space', 'a'.repeat(129), 'alice\n', 7])
      expect(v.safeParse(show.payload, { identity: name }).success, String(name)).toBe(v.safeParse(NameSchema, name).success);
    for (const refused of [{}, { identity: '' }, { identity: 'alice', secret: 'x' }]) expect(v.safeParse(show.payload, refused).success, JSON.stringify(refused)).toBe(false);
  });

  it('main registers a handler for exactly its channels', () => {
    const registered: string[] = [];
    const world = settingsWorld();
    registerSettingsHandlers({
      ipcMain: { handle: (channel: string) => void registered.push(channel) },
      isTrustedSender: () => true,
      engine: { forget: async () => [], prune: async () => [], renew: () => Promise.reject(new Error('unused')), credentials: () => Promise.reject(new Error('unused')) },
      settings: world.store,
      keychain: world.keychain,
      sts: world.sts,
      clock: world.clock,
      iam: world.iam,
      steps: { update: () => Promise.reject(new Error('unused')) },
      enrolmentQr: world.qr,
      dialog: { showOpenDialog: () => Promise.reject(new Error('unused')) },
      env: {},
      processCommand: { unavailable: 'unused' },
    });
    expect(registered.sort()).toEqual(Object.values(invokes).map((channel) => channel.name).sort());
  });

  it('the test implementation answers every verb, with results the contract accepts', async () => {
    const answers: Answer[] = [];
    const world = settingsWorld({ answers });
    const api: SettingsApi = world.api;
    expect(Object.keys(api).sort()).toEqual([...verbs, 'onChanged', 'onProgress', 'onShow'].sort());

    const alice = world.sts.addUser('alice');
    world.iam.addUser(alice);
    const roleArn = world.sts.addRole('deploy');
    const png = join(world.home, 'qr.png');
    await QRCode.toFile(png, 'otpauth://totp/AWS:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', { type: 'png' });
    world.chooseFile(png);

    await api.load({});
    await api.previewImport({});
    await api.applyImport({ identities: [], mfaDevices: [], roles: [], scrub: false, adopt: false });
    await api.addIdentity({ identity: { name: 'alice', accessKeyId: alice.accessKeyId }, secretAccessKey: alice.secretAccessKey, verify: true });
    await api.updateIdentity({ name: 'alice', region: 'eu-west-1', verify: false });
    await api.verifyIdentity({ name: 'alice' });
    const { token } = await api.stageSeed({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
    await api.seedCode({ token });
    const scanned = await api.chooseQrImage({});
    await api.addMfaDevice({ device: { name: 'phone', serial: 'arn:aws:iam::123456789012:mfa/alice', identity: 'alice', autoMfa: true }, seedToken: scanned?.token });
    await api.deviceCode({ name: 'phone' });
    await api.updateMfaDevice({ name: 'phone', serial: 'arn:aws:iam::123456789012:mfa/alice', autoMfa: false, seed: 'keep' });
    await api.addRole({ role: { name: 'deploy', roleArn, source: 'alice', directMfa: false } });
    await api.updateRole({ role: { name: 'deploy', roleArn, source: 'alice', directMfa: false, region: 'eu-west-1' } });
    await api.testRole({ name: 'deploy' });
    const { preferences } = await api.savePreferences({ preferences: { reminderLeadMinutes: 5 } });
    expect(preferences).toMatchObject({ activeTargetProfile: 'default', reminderLeadMinutes: 5 });
    await api.remove({ kind: 'role', name: 'deploy' });
    // Without a device, alice's IAM calls are signed with her key: no MFA prompt in this world.
    await api.remove({ kind: 'mfa', name: 'phone' });
    await api.rotateKey({ name: 'alice', keepOld: false });
    await api.enrollMfaDevice({ name: 'laptop', identity: 'alice', storeSeed: true, autoMfa: false });
    await api.closeEnrolmentQr({});
    // What main sends when it opens the window at an identity reaches the page as the contract parses it.
    const places: unknown[] = [];
    const stopShow = api.onShow((at) => void places.push(at));
    world.show({ identity: 'alice' });
    stopShow();
    world.show({ identity: 'alice' });
    expect(places).toEqual([{ identity: 'alice' }]);
    expect(() => world.show({ identity: 'not a name' })).toThrow();

    // Every verb answered, and main told the page how the rotation and the enrolment went along.
    const invoked = answers.filter((answer) => answer.verb !== 'progress');
    expect([...new Set(invoked.map((answer) => answer.verb))].sort()).toEqual(verbs);
    for (const { verb, result } of invoked) expect(v.safeParse(invokes[verb as keyof typeof invokes].result, result).issues).toBeUndefined();
    const told = answers.filter((answer) => answer.verb === 'progress');
    expect(new Set(told.map(({ result }) => (result as { task: string }).task))).toEqual(new Set(['rotate-key', 'enroll-mfa']));
    for (const { result } of told) expect(v.safeParse(progress.payload, result).issues).toBeUndefined();
  });
});
