/**
 * `credential_process` for a Latchkey name in a config profile, recorded as Latchkey's. It never replaces
 * a way the profile already gets credentials unless asked (`replace`, which `import --adopt` implies for
 * the profiles it imports); the lines it replaces stay in the file as a comment block above the new
 * line, which `unpublish` puts back. A long-term key in the config file is never touched.
 */
import { LatchkeyError } from '../../shared/errors';
import { maskAccessKeyId } from '../../shared/mask';
import { awsFilePaths } from '../aws-files/aws-file-path';
import type { AwsFile } from '../aws-files/aws-file';
import { editAwsFile } from '../aws-files/edit-aws-file';
import { readAwsProfile } from '../aws-files/read-aws-file';
import type { SettingsStore } from '../settings/settings-store';
import type { PublishedProfile, Settings } from '../../shared/model';
import { chainRegion, roleChain } from '../../shared/role-chain';
import { checkProcessTarget, credentialSources, fingerprint, isLongTermKey, ownedProfile } from './profile-ownership';

export interface ProfileFilesDeps {
  settings: SettingsStore;
  /** Where the AWS files are (AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE, HOME). */
  env: NodeJS.ProcessEnv;
  notice: (message: string) => void;
}

/** The heading of the comment block that keeps replaced lines; `unpublish` finds the block by it. */
export const REPLACED_HEADING = '# Replaced by Latchkey; `latchkey unpublish PROFILE` puts these lines back:';

export interface ProcessTarget {
  name: string;
  profile: string;
  /** The whole `credential_process` value: the latchkey command, quoted for the AWS tools. */
  command: string;
  replace: boolean;
}

/** Returns the lines it replaced (as they were in the file). */
export async function configureProcess(deps: ProfileFilesDeps, target: ProcessTarget): Promise<string[]> {
  const { name, profile } = target;
  const settings = await deps.settings.load();
  if (![...settings.identities, ...settings.roles].some((entry) => entry.name === name))
    throw new LatchkeyError('not-found', `no identity or role is named "${name}": add it first`);
  const paths = awsFilePaths(deps.env);
  // Keys in the credentials file win over credential_process for every AWS tool: a long-term key there
  // would make the line useless (and the person would think the key is no longer used).
  const credentials = await readAwsProfile(paths.credentials, 'credentials', profile);
  if (isLongTermKey(credentials))
    throw new LatchkeyError(
      'long-term-key',
      `profile "${profile}" in ${paths.credentials} holds a long-term access key, which AWS tools use before any credential_process: run \`latchkey import --scrub --adopt\` to move it into the keychain and serve the profile from Latchkey, or choose another profile name with --as`,
    );
  const region = chainRegion(roleChain(settings, name));
  let written: ProcessWrite = { replaced: [] };
  await editAwsFile(
    paths.config,
    'config',
    (file) => {
      written = writeProcessProfile(file, target, ownedProfile(settings, profile, { config: file.profile(profile) }).process, region, paths.config);
    },
    { warn: deps.notice },
  );
  await recordProcessProfiles(deps.settings, [processRecord(target, written)]);
  if (credentials?.aws_access_key_id !== undefined)
    deps.notice(`profile "${profile}" also has session keys in ${paths.credentials}, which AWS tools read before credential_process: \`latchkey unpublish ${profile}\` removes them if Latchkey wrote them`);
  return written.replaced;
}

/** What settings record of a credential_process Latchkey wrote. */
export function processRecord({ name, profile, command }: ProcessTarget, { addedRegion }: ProcessWrite): PublishedProfile {
  return { profile, source: name, fingerprint: fingerprint(command), ...(addedRegion ? { addedRegion } : {}) };
}

/** Records profiles as holding Latchkey's credential_process (keeping an earlier record's addedRegion). */
export async function recordProcessProfiles(store: SettingsStore, entries: readonly PublishedProfile[]): Promise<Settings> {
  return store.update((s) => {
    const earlier = new Map(s.processProfiles.map((entry) => [entry.profile, entry]));
    const fresh = entries.map((entry) => (earlier.get(entry.profile)?.addedRegion ? { ...entry, addedRegion: true as const } : entry));
    s.processProfiles = [...s.processProfiles.filter((entry) => !fresh.some((e) => e.profile === entry.profile)), ...fresh];
  });
}

export interface ProcessWrite {
  /** The lines replaced, as they may be shown. */
  replaced: string[];
  addedRegion?: boolean;
}

/** The edit itself, shared with import --adopt, which makes several in one write. */
export function writeProcessProfile(file: AwsFile, target: ProcessTarget, owned: boolean, region: string | undefined, path: string): ProcessWrite {
  const { profile, command, replace } = target;
  const existing = file.profile(profile);
  if (isLongTermKey(existing))
    throw new LatchkeyError(
      'long-term-key',
      `profile "${profile}" in ${path} holds a long-term access key (${maskAccessKeyId(String(existing?.aws_access_key_id))}), which Latchkey never overwrites: move it to the credentials file and run \`latchkey import\`, or choose another profile name with --as`,
    );
  checkProcessTarget(profile, existing, { keys: false, process: owned }, path, replace);
  const doomed = credentialSources(existing).filter((key) => !(key === 'credential_process' && owned));
  // A region only for a profile Latchkey creates: an existing one keeps the region it had (or none).
  const addedRegion = region !== undefined && existing === undefined;
  const values = { credential_process: command, ...(addedRegion ? { region } : {}) };
  return { replaced: file.replaceKeys(profile, doomed, replacedHeading(profile), values).map(masked), ...(addedRegion ? { addedRegion } : {}) };
}

/** A replaced line as it may be shown: a secret's value hidden (the file keeps it). */
function masked(line: string): string {
  return line.replace(/^(\s*aws_(?:secret_access_key|session_token|security_token)\s*[=:]).*$/i, '$1 …');
}

export const replacedHeading = (profile: string): string => REPLACED_HEADING.replace('PROFILE', profile);
