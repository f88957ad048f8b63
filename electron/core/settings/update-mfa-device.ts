/**
 * Edits an MFA device in place: its serial, its auto-MFA switch, and its seed (kept, removed, or
 * replaced); what is left out stays as it is. The name and identity stay: roles refer to the device by
 * name, and its identity's chain.
 */
import type { MfaDevice } from '../../shared/model';
import { assertAutoMfaSeeded } from './add-mfa-device';
import { findEntry } from './find-entry';
import { saveWithSecret, type SetupStores } from './save-with-secret';
import { supersededSessions, type SettingsEdit } from './superseded-sessions';

export interface MfaDeviceChange {
  name: string;
  serial?: string;
  autoMfa?: boolean;
  seed?: 'keep' | 'remove' | { seed: string };
}

export async function updateMfaDevice(stores: SetupStores, { name, serial, autoMfa, seed = 'keep' }: MfaDeviceChange): Promise<SettingsEdit> {
  const current = findEntry((await stores.settings.load()).mfaDevices, 'MFA device', name);
  const device: MfaDevice = {
    ...current,
    serial: serial ?? current.serial,
    autoMfa: autoMfa ?? current.autoMfa,
    hasSeed: seed === 'keep' ? current.hasSeed : seed !== 'remove',
  };
  assertAutoMfaSeeded(device);
  const settings = await saveWithSecret(stores, typeof seed === 'object' ? { kind: 'mfa-seed', name, secret: seed.seed } : undefined, (s) => {
    findEntry(s.mfaDevices, 'MFA device', name);
    s.mfaDevices = s.mfaDevices.map((entry) => (entry.name === name ? device : entry));
  });
  // Only once the settings no longer say there is one.
  if (seed === 'remove') await stores.keychain.delete('mfa-seed', name);

  // A session made with a code is made from the serial; the seed and auto-MFA only supply codes.
  if (device.serial === current.serial) return { settings, superseded: [] };
  const users = settings.roles.filter((role) => role.mfaDevice === name).map((role) => role.name);
  return { settings, superseded: [...new Set([device.identity, ...supersededSessions(settings, users)])] };
}
