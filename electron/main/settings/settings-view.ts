/**
 * The settings as the settings window sees them: no secret, the access key id masked, and whether the
 * keychain actually holds each identity's key and each device's seed (a keychain emptied behind our back
 * shows as missing, not as stored).
 */
import type { SettingsView } from '../../shared/ipc-contract';
import { maskAccessKeyId } from '../../shared/mask';
import type { Settings } from '../../shared/model';
import type { Keychain } from '../../core/keychain/keychain';

export async function settingsView(settings: Settings, keychain: Keychain): Promise<SettingsView> {
  const [secrets, seeds] = await Promise.all([keychain.list('identity'), keychain.list('mfa-seed')]);
  return {
    identities: settings.identities.map(({ name, accessKeyId, region, accountId, arn }) => ({
      name,
      maskedAccessKeyId: maskAccessKeyId(accessKeyId),
      region,
      accountId,
      arn,
      secretStored: secrets.includes(name),
    })),
    mfaDevices: settings.mfaDevices.map((device) => ({ ...device, hasSeed: device.hasSeed && seeds.includes(device.name) })),
    roles: settings.roles,
    preferences: settings.preferences,
  };
}
