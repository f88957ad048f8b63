/**
 * Carries out an import plan: secrets to the keychain, then the settings, all or nothing (a refused
 * settings change takes back the secrets this import stored). Then, with `adopt`, each adoptable config
 * profile gets `credential_process` for its Latchkey entry under its own name (the lines that made it
 * work kept as a comment above), so every `--profile NAME` and `source_profile` that worked keeps
 * working; and with `scrub`, the imported key pairs leave the credentials file (only those two lines
 * each), and so do keys imported earlier, but only where the keychain holds that very secret.
 * `scrub` without `adopt` is refused, before anything is written, where it would leave a profile that
 * worked without credentials.
 */
import { LatchkeyError } from '../../shared/errors';
import type { PublishedProfile, Settings } from '../../shared/model';
import { editAwsFile } from '../aws-files/edit-aws-file';
import type { AwsProfile } from '../aws-files/aws-file';
import { processRecord, recordProcessProfiles, writeProcessProfile } from '../sessions/configure-process';
import { findsCredentials } from '../sessions/profile-ownership';
import type { ImportPlan } from './import-plan';
import type { ImportSource } from './read-import-plan';
import type { SetupStores } from './save-with-secret';

export interface ImportChoices {
  scrub: boolean;
  /** The `credential_process` value for a name (the latchkey command); present when adopting. */
  adopt?: (name: string) => string;
}

export interface ImportResult {
  settings: Settings;
  scrubbed: string[];
  adopted: { profile: string; replaced: string[] }[];
}

export async function applyImport({ settings, keychain }: SetupStores, source: ImportSource, { scrub, adopt }: ImportChoices): Promise<ImportResult> {
  const { plan } = source;
  const toScrub = scrub ? [...plan.identities.map(({ profile }) => profile), ...(await safelyStored(plan, keychain))] : [];
  const refusal = adopt ? undefined : scrubRefusal(source, toScrub);
  if (refusal !== undefined) throw new LatchkeyError('invalid-input', refusal);

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

  // Adopted before the keys go, so a failure leaves every profile working as it did.
  const adopted: ImportResult['adopted'] = [];
  if (adopt && plan.adoptable.length > 0) {
    const records: PublishedProfile[] = [];
    await editAwsFile(source.configPath, 'config', (file) => {
      // The edit runs again if another program changed the file meanwhile: start from nothing each time.
      adopted.length = 0;
      records.length = 0;
      for (const { profile, name } of plan.adoptable) {
        const target = { name, profile, command: adopt(name), replace: true };
        // No region is added: the profile keeps the region it had, as it keeps everything else.
        const written = writeProcessProfile(file, target, false, undefined, source.configPath);
        adopted.push({ profile, replaced: written.replaced });
        records.push(processRecord(target, written));
      }
    });
    saved = await recordProcessProfiles(settings, records);
  }

  if (toScrub.length > 0)
    await editAwsFile(source.credentialsPath, 'credentials', (file) => {
      for (const profile of toScrub) {
        file.removeKeys(profile, ['aws_access_key_id', 'aws_secret_access_key']);
        file.removeProfileIfEmpty(profile); // a header with nothing under it would only puzzle the next reader
      }
    });
  return { settings: saved, scrubbed: toScrub, adopted };
}

/** Profiles imported earlier whose secret the keychain holds: their plaintext copy can go. */
async function safelyStored(plan: ImportPlan, keychain: SetupStores['keychain']): Promise<string[]> {
  const held = await Promise.all(plan.alreadyImported.map(async ({ name, secretAccessKey }) => (await keychain.get('identity', name)) === secretAccessKey));
  return plan.alreadyImported.filter((_, i) => held[i]).map(({ profile }) => profile);
}

/** Why --scrub without --adopt must not remove the keys of `scrubbed`, or undefined when it may. */
export function scrubRefusal(source: ImportSource, scrubbed: readonly string[]): string | undefined {
  const broken = leftWithoutCredentials(source, scrubbed);
  if (broken.length === 0) return undefined;
  return `--scrub would leave ${broken.length === 1 ? 'profile' : 'profiles'} ${broken.map((p) => `"${p}"`).join(', ')} without credentials (they use the keys it removes): add --adopt so they get their sessions from Latchkey under the same names, or leave out --scrub`;
}

/** The profiles that find credentials now but would not once `scrubbed` lose their key pairs. */
function leftWithoutCredentials({ credentials, config }: ImportSource, scrubbed: readonly string[]): string[] {
  const after = Object.fromEntries(
    Object.entries(credentials).map(([profile, keys]) => [profile, scrubbed.includes(profile) ? withoutKeys(keys) : keys]),
  );
  const profiles = [...new Set([...Object.keys(credentials), ...Object.keys(config)])];
  return profiles.filter((profile) => findsCredentials(profile, credentials, config) && !findsCredentials(profile, after, config));
}

function withoutKeys(keys: AwsProfile): AwsProfile {
  const { aws_access_key_id: _id, aws_secret_access_key: _secret, ...rest } = keys;
  return rest;
}
