/**
 * Undoes what Latchkey wrote in a profile, and nothing else: its session keys in the credentials file,
 * its `credential_process` line in the config file (putting back the lines it replaced there), and the
 * record of both. A section left empty goes too, since Latchkey added it or emptied it of its own keys.
 */
import { LatchkeyError } from '../../shared/errors';
import { awsFilePaths } from '../aws-files/aws-file-path';
import { editAwsFile } from '../aws-files/edit-aws-file';
import { replacedHeading, type ProfileFilesDeps } from './configure-process';
import { ownedProfile } from './profile-ownership';
import { clearSessionProfile } from './session-profile';

/** Says what it removed, one line each; refuses a profile Latchkey wrote nothing in. */
export async function unpublish(deps: Pick<ProfileFilesDeps, 'settings' | 'env'>, profile: string): Promise<string[]> {
  const settings = await deps.settings.load();
  const owned = ownedProfile(settings, profile);
  const record = settings.processProfiles.find((entry) => entry.profile === profile);
  if (!owned.keys && !owned.process)
    throw new LatchkeyError('not-found', `Latchkey wrote nothing in profile "${profile}" (see \`latchkey status\` for the profiles it publishes)`);
  const paths = awsFilePaths(deps.env);
  const done: string[] = [];
  if (owned.keys) {
    await editAwsFile(paths.credentials, 'credentials', (file) => {
      clearSessionProfile(file, profile);
      file.removeProfileIfEmpty(profile);
    });
    done.push(`removed the session keys of profile "${profile}" from ${paths.credentials}`);
  }
  let restored: string[] = [];
  if (owned.process) {
    await editAwsFile(paths.config, 'config', (file) => {
      file.removeKeys(profile, record?.addedRegion ? ['credential_process', 'region'] : ['credential_process']);
      restored = file.restoreKeys(profile, replacedHeading(profile));
      file.removeProfileIfEmpty(profile);
    });
    done.push(`removed the credential_process line of profile "${profile}" from ${paths.config}`);
    if (restored.length > 0) done.push(`put back the lines it had replaced there: ${restored.join('; ')}`);
  }
  await deps.settings.update((s) => {
    s.published = s.published.filter((entry) => entry.profile !== profile);
    s.processProfiles = s.processProfiles.filter((entry) => entry.profile !== profile);
  });
  // An identity's own profile served by Latchkey (import --adopt) has no key on disk any more.
  const identity = settings.identities.find((entry) => record !== undefined && entry.name === record.source && record.source === profile);
  if (identity && restored.length === 0)
    done.push(`profile "${profile}" has no credentials now: its key stays in the keychain as identity "${identity.name}" (\`latchkey configure-process ${identity.name}\` serves it again)`);
  return done;
}
