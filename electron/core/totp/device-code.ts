/** The current code of a saved MFA device, from its stored seed (the person asked to see it). */
import { LatchkeyError } from '../../shared/errors';
import type { SetupStores } from '../settings/save-with-secret';
import { totpCode, type TotpCode } from './totp-code';

export async function deviceCode({ settings, keychain }: SetupStores, name: string, nowMs: number): Promise<TotpCode> {
  const device = (await settings.load()).mfaDevices.find((d) => d.name === name);
  if (!device) throw new LatchkeyError('not-found', `no MFA device is named "${name}"`);
  const seed = device.hasSeed ? await keychain.get('mfa-seed', name) : undefined;
  if (seed === undefined)
    throw new LatchkeyError('not-found', `MFA device "${name}" has no stored seed: store its seed first, or read the code from the device`);
  return totpCode(seed, nowMs);
}
