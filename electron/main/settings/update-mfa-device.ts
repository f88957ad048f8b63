/**
 * Edits an MFA device in place: its serial, its auto-MFA switch, and its seed (kept, removed, or
 * replaced). The name and identity stay: roles refer to the device by name, and its identity's chain.
 */
import type { Settings } from '../../shared/model';
import { assertAutoMfaSeeded } from '../../core/settings/add-mfa-device';
import { saveWithSecret, type SetupStores } from '../../core/settings/save-with-secret';
import { findEntry } from './find-entry';

export interface MfaDeviceChange {
  name: string;
  serial: string;
  autoMfa: boolean;
  seed: 'keep' | 'remove' | { seed: string };
}

export async function updateMfaDevice(stores: SetupStores, { name, serial, autoMfa, seed }: MfaDeviceChange): Promise<Settings> {
  const current = findEntry((await stores.settings.load()).mfaDevices, 'MFA device', name);
  const device = { ...current, serial, autoMfa, hasSeed: seed === 'keep' ? current.hasSeed : seed !== 'remove' };
  assertAutoMfaSeeded(device);
  const saved = await saveWithSecret(stores, typeof seed === 'object' ? { kind: 'mfa-seed', name, secret: seed.seed } : undefined, (settings) => {
    settings.mfaDevices = settings.mfaDevices.map((entry) => (entry.name === name ? device : entry));
  });
  // Only once the settings no longer say there is one.
  if (seed === 'remove') await stores.keychain.delete('mfa-seed', name);
  return saved;
}
