/**
 * Latchkey never destroys or hijacks what it did not write (SPEC §4). Every writer of a profile — publish,
 * use, configure-process, import --adopt, the tray, the reminders — asks these rules first, with the
 * profile as AWS tools read it from both files. A refusal is a LatchkeyError that writes nothing:
 * 'long-term-key' can never be overridden; 'not-owned' can, by the person (--replace, or a confirmation).
 */
import { createHash } from 'node:crypto';
import { LatchkeyError } from '../../shared/errors';
import { maskAccessKeyId } from '../../shared/mask';
import type { PublishedProfile, Settings } from '../../shared/model';
import { profileText as text, type AwsProfile } from '../aws-files/aws-file';

/** The keys a session occupies in a credentials-file profile (aws_security_token is botocore's old name). */
export const CREDENTIAL_KEYS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token', 'x_security_token_expires'];

/**
 * Config keys that make AWS tools get a profile's credentials some other way. Static keys written for
 * such a profile in the credentials file would either be ignored or win over that way (the JS SDK takes
 * static keys before SSO and credential_process, botocore the credentials file before
 * credential_process; and a role profile's keys are what profiles sourcing it would then use).
 */
const CREDENTIAL_SOURCES = ['role_arn', 'source_profile', 'credential_source', 'web_identity_token_file', 'credential_process', 'login_session', 'sso_session'];

/** A long-term access key: an id without a session token, or an AKIA… id whatever sits beside it. */
export function isLongTermKey(profile: AwsProfile | undefined): boolean {
  const id = text(profile, 'aws_access_key_id');
  if (id === undefined) return false;
  return id.startsWith('AKIA') || (text(profile, 'aws_session_token') === undefined && text(profile, 'aws_security_token') === undefined);
}

/** The config keys by which a profile already gets credentials: what makes AWS tools use something else. */
export function credentialSources(config: AwsProfile | undefined): string[] {
  if (!config) return [];
  return Object.keys(config).filter((key) => CREDENTIAL_SOURCES.includes(key) || key.startsWith('sso_') || CREDENTIAL_KEYS.includes(key));
}

/** The digest settings keep of what Latchkey wrote (see PublishedProfileSchema.fingerprint). */
export function fingerprint(written: string): string {
  return createHash('sha256').update(written).digest('hex').slice(0, 16);
}

export interface Owned {
  /** Latchkey wrote this profile's session keys in the credentials file (settings.published). */
  keys: boolean;
  /** Latchkey wrote this profile's credential_process line in the config file (settings.processProfiles). */
  process: boolean;
}

/**
 * What Latchkey wrote in a profile and is still there as it wrote it: recorded in its settings, and the
 * file still holds the same key id or credential_process line (a record from before fingerprints were
 * kept is believed, unless the section now holds a long-term key).
 */
export function ownedProfile(settings: Settings, profile: string, found: { credentials?: AwsProfile; config?: AwsProfile }): Owned {
  const unchanged = (entry: PublishedProfile | undefined, value: string | undefined) =>
    entry !== undefined && (entry.fingerprint === undefined || (value !== undefined && fingerprint(value) === entry.fingerprint));
  return {
    keys: !isLongTermKey(found.credentials) && unchanged(settings.published.find((entry) => entry.profile === profile), text(found.credentials, 'aws_access_key_id')),
    process: unchanged(settings.processProfiles.find((entry) => entry.profile === profile), text(found.config, 'credential_process')),
  };
}

/** Where the files are, for messages. */
export interface ProfilePaths {
  credentials: string;
  config: string;
}

/** Refuses, writing nothing, to put session keys into `profile` unless that destroys and hijacks nothing. */
export function checkSessionTarget(
  profile: string,
  found: { credentials?: AwsProfile; config?: AwsProfile },
  owned: Owned,
  paths: ProfilePaths,
  replace: boolean,
): void {
  const keys = found.credentials;
  if (isLongTermKey(found.config))
    throw new LatchkeyError(
      'long-term-key',
      `profile "${profile}" in ${paths.config} holds a long-term access key (${maskAccessKeyId(text(found.config, 'aws_access_key_id') ?? '')}), which session keys written for it would hide: choose another profile name`,
    );
  if (isLongTermKey(keys))
    throw new LatchkeyError(
      'long-term-key',
      `profile "${profile}" in ${paths.credentials} holds a long-term access key (${maskAccessKeyId(text(keys, 'aws_access_key_id') ?? '')}), which Latchkey never overwrites: run \`latchkey import --scrub --adopt\` to move it into the keychain (every profile using it keeps working), or write the session elsewhere with \`latchkey publish NAME --as OTHER\``,
    );
  const held = CREDENTIAL_KEYS.filter((key) => keys?.[key] !== undefined);
  if (!replace && !owned.keys && held.length > 0)
    throw new LatchkeyError(
      'not-owned',
      `profile "${profile}" in ${paths.credentials} holds credentials Latchkey did not write (${held.join(', ')}): choose another profile name, or pass --replace to overwrite them`,
    );
  const sources = credentialSources(found.config).filter((key) => !(key === 'credential_process' && owned.process));
  if (!replace && sources.length > 0)
    throw new LatchkeyError(
      'not-owned',
      `profile "${profile}" gets its credentials from ${sources.join(', ')} in ${paths.config}; session keys written for it would change what it and the profiles that use it get: choose another profile name, or pass --replace`,
    );
}

/**
 * Refuses, writing nothing, to add `credential_process` to a config profile that gets its credentials
 * another way, unless asked to replace (then those lines are kept as a comment, see adopt-profile).
 */
export function checkProcessTarget(profile: string, config: AwsProfile | undefined, owned: Owned, path: string, replace: boolean): void {
  const sources = credentialSources(config).filter((key) => !(key === 'credential_process' && owned.process));
  if (!replace && sources.length > 0)
    throw new LatchkeyError(
      'not-owned',
      `profile "${profile}" in ${path} already gets its credentials from ${sources.join(', ')}, which Latchkey did not write: choose another profile name with --as, or pass --replace (the lines it replaces are kept as comments)`,
    );
}

/**
 * Whether AWS tools find credentials for a profile in these files, as botocore resolves them: static
 * keys; a way of its own (credential_process, SSO, web identity, `aws login`, credential_source); or a
 * role whose source_profile finds them (a profile that is its own source needs its own static keys).
 */
export function findsCredentials(profile: string, credentials: Record<string, AwsProfile>, config: Record<string, AwsProfile>, seen = new Set<string>()): boolean {
  const keys = { ...config[profile], ...credentials[profile] };
  if (text(keys, 'aws_access_key_id') !== undefined && text(keys, 'aws_secret_access_key') !== undefined) return true;
  const own = config[profile] ?? {};
  if (['credential_process', 'web_identity_token_file', 'login_session', 'credential_source', 'sso_session'].some((key) => own[key] !== undefined)) return true;
  if (Object.keys(own).some((key) => key.startsWith('sso_'))) return true;
  const source = text(own, 'source_profile');
  if (text(own, 'role_arn') === undefined || source === undefined || source === profile || seen.has(source)) return false;
  return findsCredentials(source, credentials, config, new Set([...seen, profile]));
}
