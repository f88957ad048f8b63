/**
 * Undoes what Latchkey wrote in a profile, and nothing else: its session keys in the credentials file,
 * its `credential_process` line in the config file (and the region it added), putting back the lines
 * it had replaced, and the record of both. A section left empty goes too, since Latchkey added it or
 * emptied it. What was changed since Latchkey wrote it (another tool's keys, a long-term key the person
 * put there) is left as it is: only the record goes.
 */
import { LatchkeyError } from '../../shared/errors';
import { awsFilePaths } from '../aws-files/aws-file-path';
import { editAwsFile } from '../aws-files/edit-aws-file';
import { readAwsFile } from '../aws-files/read-aws-file';
import { replacedHeading, type ProfileFilesDeps } from './configure-process';
import { findsCredentials, ownedProfile } from './profile-ownership';
import { clearSessionProfile } from './session-profile';

/** Says what it did, one line each; refuses a profile Latchkey has no record of writing. */
export async function unpublish(deps: Pick<ProfileFilesDeps, 'settings' | 'env'>, profile: string): Promise<string[]> {
  const settings = await deps.settings.load();
  const keysRecord = settings.published.find((entry) => entry.profile === profile);
  const processRecord = settings.processProfiles.find((entry) => entry.profile === profile);
  if (!keysRecord && !processRecord)
    throw new LatchkeyError('not-found', `Latchkey wrote nothing in profile "${profile}" (see \`latchkey status\` for the profiles it writes)`);
  const paths = awsFilePaths(deps.env);
  const done: string[] = [];
  const changed = (path: string) => `profile "${profile}" in ${path} was changed since Latchkey wrote it: left as it is`;

  if (keysRecord) {
    let mine = false;
    await editAwsFile(paths.credentials, 'credentials', (file) => {
      mine = ownedProfile(settings, profile, { credentials: file.profile(profile) }).keys;
      if (!mine) return;
      clearSessionProfile(file, profile);
      file.restoreKeys(profile, replacedHeading(profile));
      file.removeProfileIfEmpty(profile);
    });
    done.push(mine ? `removed the session keys of profile "${profile}" from ${paths.credentials}` : changed(paths.credentials));
  }
  if (processRecord) {
    let mine = false;
    let restored: string[] = [];
    await editAwsFile(paths.config, 'config', (file) => {
      mine = ownedProfile(settings, profile, { config: file.profile(profile) }).process;
      if (!mine) return;
      file.removeKeys(profile, processRecord.addedRegion ? ['credential_process', 'region'] : ['credential_process']);
      restored = file.restoreKeys(profile, replacedHeading(profile));
      file.removeProfileIfEmpty(profile);
    });
    done.push(mine ? `removed the credential_process line of profile "${profile}" from ${paths.config}` : changed(paths.config));
    if (restored.length > 0) done.push(`put back the lines it had replaced there: ${restored.join('; ')}`);
  }
  await deps.settings.update((s) => {
    s.published = s.published.filter((entry) => entry.profile !== profile);
    s.processProfiles = s.processProfiles.filter((entry) => entry.profile !== profile);
  });

  // A profile Latchkey served since import --adopt took its key off the disk now finds none: say so.
  const [credentials, config] = await Promise.all([readAwsFile(paths.credentials, 'credentials'), readAwsFile(paths.config, 'config')]);
  const source = processRecord?.source ?? keysRecord?.source;
  const remains = credentials[profile] !== undefined || config[profile] !== undefined;
  if (processRecord && source !== undefined && remains && !findsCredentials(profile, credentials, config))
    done.push(`profile "${profile}" finds no credentials now (its key is in the keychain, not in ${paths.credentials}): \`latchkey configure-process ${source} --as ${profile}\` serves it from Latchkey again`);
  return done;
}
