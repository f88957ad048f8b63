/**
 * Stores a secret, then the settings change that refers to it; if the settings refuse the change, the
 * secret is put back as it was, so a failed save leaves the keychain and the file unchanged.
 */
import type { Settings } from '../../shared/model';
import type { Keychain, SecretKind } from '../keychain/keychain';
import type { SettingsStore } from './settings-store';

export interface SetupStores {
  settings: SettingsStore;
  keychain: Keychain;
}

export interface Secret {
  kind: SecretKind;
  name: string;
  secret: string;
}

export async function saveWithSecret(
  { settings, keychain }: SetupStores,
  secret: Secret | undefined,
  change: (settings: Settings) => void,
): Promise<Settings> {
  if (!secret) return settings.update(change);
  const previous = await keychain.get(secret.kind, secret.name);
  await keychain.set(secret.kind, secret.name, secret.secret);
  try {
    return await settings.update(change);
  } catch (error) {
    if (previous === undefined) await keychain.delete(secret.kind, secret.name);
    else await keychain.set(secret.kind, secret.name, previous);
    throw error;
  }
}
