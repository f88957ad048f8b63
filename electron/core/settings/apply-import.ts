/**
 * Carries out an import plan: secrets to the keychain, then the settings, all or nothing (a refused
 * settings change takes back the secrets this import stored). With `scrub`, the imported key pairs then
 * leave the credentials file (only those two lines each; every other byte stays), and so do keys
 * imported earlier, but only where the keychain holds that very secret.
 */
import type { Settings } from '../../shared/model';
import { editAwsFile } from '../aws-files/edit-aws-file';
import type { ImportPlan } from './import-plan';
import type { ImportSource } from './read-import-plan';
import type { SetupStores } from './save-with-secret';

export async function applyImport(
  { settings, keychain }: SetupStores,
  { plan, credentialsPath }: ImportSource,
  { scrub }: { scrub: boolean },
): Promise<{ settings: Settings; scrubbed: string[] }> {
  const stored: string[] = [];
  let saved: Settings;
  try {
    for (const { identity, secretAccessKey } of plan.identities) {
      await keychain.set('identity', identity.name, secretAccessKey);
      stored.push(identity.name);
    }
    saved = await settings.update((s) => {
      s.identities.push(...plan.identities.map((entry) => entry.identity));
      s.mfaDevices.push(...plan.mfaDevices);
      s.roles.push(...plan.roles);
    });
  } catch (error) {
    await Promise.all(stored.map((name) => keychain.delete('identity', name).catch(() => undefined)));
    throw error;
  }
  const scrubbed = scrub ? [...plan.identities.map(({ identity }) => identity.name), ...(await safelyStored(plan, keychain))] : [];
  if (scrubbed.length > 0)
    await editAwsFile(credentialsPath, 'credentials', (file) => {
      for (const profile of scrubbed) file.removeKeys(profile, ['aws_access_key_id', 'aws_secret_access_key']);
    });
  return { settings: saved, scrubbed };
}

/** Profiles imported earlier whose secret the keychain holds: their plaintext copy can go. */
async function safelyStored(plan: ImportPlan, keychain: SetupStores['keychain']): Promise<string[]> {
  const held = await Promise.all(plan.alreadyImported.map(async ({ profile, secretAccessKey }) => (await keychain.get('identity', profile)) === secretAccessKey));
  return plan.alreadyImported.filter((_, i) => held[i]).map(({ profile }) => profile);
}
