/**
 * The settings as the settings window sees them: no secret, the access key id masked, and whether the
 * keychain actually holds each identity's key (a key deleted behind our back shows as missing, not as
 * stored). A device's `hasSeed` is the settings' own record, the one every layer reads: it is written in
 * the same step as the seed (save-with-secret).
 */
import type { SettingsView } from '../../shared/ipc-contract';
import { maskAccessKeyId } from '../../shared/mask';
import type { Settings } from '../../shared/model';
import type { Keychain } from '../../core/keychain/keychain';

export async function settingsView(settings: Settings, keychain: Keychain): Promise<SettingsView> {
  const secrets = await keychain.list('identity');
  return {
    identities: settings.identities.map(({ name, accessKeyId, region, accountId, arn }) => ({
      name,
      maskedAccessKeyId: maskAccessKeyId(accessKeyId),
      region,
      accountId,
      arn,
      secretStored: secrets.includes(name),
    })),
    mfaDevices: settings.mfaDevices,
    roles: settings.roles,
    preferences: settings.preferences,
  };
}
