/**
 * Adds an MFA device to an identity, with its TOTP seed in the keychain if the person opted in: kept
 * next to the key it protects, a seed makes MFA one factor on this machine (SPEC §7).
 */
import { LatchkeyError } from '../../shared/errors';
import type { MfaDevice, Settings } from '../../shared/model';
import { saveWithSecret, type SetupStores } from './save-with-secret';

/** What every front end says when a seed is stored. */
export const SEED_WARNING =
  'the TOTP seed is stored in the keychain next to the key it protects: anyone who can unlock this keychain now has both factors';

export async function addMfaDevice(stores: SetupStores, device: Omit<MfaDevice, 'hasSeed'>, seed: string | undefined): Promise<Settings> {
  assertAutoMfaSeeded({ ...device, hasSeed: seed !== undefined });
  assertDeviceFits(await stores.settings.load(), device);
  return saveWithSecret(stores, seed === undefined ? undefined : { kind: 'mfa-seed', name: device.name, secret: seed }, (s) => {
    s.mfaDevices.push({ ...device, hasSeed: seed !== undefined });
  });
}

/** The device's identity exists and its name is free. */
export function assertDeviceFits(settings: Settings, device: Pick<MfaDevice, 'name' | 'identity'>): void {
  if (!settings.identities.some((identity) => identity.name === device.identity))
    throw new LatchkeyError('not-found', `no identity is named "${device.identity}": add it first`);
  if (settings.mfaDevices.some((existing) => existing.name === device.name))
    throw new LatchkeyError('already-exists', `an MFA device is already named "${device.name}": pick another name, or remove that device first`);
}

/** Auto-MFA answers from the stored seed, so it cannot be on without one. */
export function assertAutoMfaSeeded(device: Pick<MfaDevice, 'name' | 'autoMfa' | 'hasSeed'>): void {
  if (device.autoMfa && !device.hasSeed) throw new LatchkeyError('invalid-input', `auto-MFA for "${device.name}" needs the device's TOTP seed`);
}
