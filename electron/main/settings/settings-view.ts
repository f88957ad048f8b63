/**
 * The settings as the settings window sees them: no secret, the access key id masked, and whether the
 * keychain actually holds each identity's key (a key deleted behind our back shows as missing, not as
 * stored). A device's `hasSeed` is the settings' own record, the one every layer reads: it is written in
 * the same step as the seed (save-with-secret). A key's age is counted here, by core's rules, at the time
 * the view is made: the window reads a new view whenever something changes.
 */
import type { IdentityView, SettingsView } from '../../shared/ipc-contract';
import { maskAccessKeyId } from '../../shared/mask';
import type { Identity, Settings } from '../../shared/model';
import type { Keychain } from '../../core/keychain/keychain';
import { keyAgeDays, keyOverLimit } from '../../core/settings/key-age';

export async function settingsView(settings: Settings, keychain: Keychain, nowMs: number): Promise<SettingsView> {
  const secrets = await keychain.list('identity');
  return {
    identities: settings.identities.map(({ name, accessKeyId, region, accountId, arn, keyCreated }) => ({
      name,
      maskedAccessKeyId: maskAccessKeyId(accessKeyId),
      region,
      accountId,
      arn,
      secretStored: secrets.includes(name),
      ...keyAge(keyCreated, settings.preferences.keyAgeDays, nowMs),
    })),
    mfaDevices: settings.mfaDevices,
    roles: settings.roles,
    preferences: settings.preferences,
  };
}

/** Over the limit by the rule the key-age reminder and `latchkey status` follow (keyOverLimit). */
function keyAge(keyCreated: Identity['keyCreated'], limitDays: number, nowMs: number): Pick<IdentityView, 'keyAge'> {
  if (keyCreated === undefined || Number.isNaN(Date.parse(keyCreated))) return {};
  const overLimit = keyOverLimit(keyCreated, limitDays, nowMs);
  return { keyAge: { created: new Date(keyCreated).toISOString(), days: keyAgeDays(keyCreated, nowMs), overLimit } };
}
