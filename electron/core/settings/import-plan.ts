/**
 * What `latchkey import` (and the settings window's import) would take from ~/.aws, decided as botocore
 * and the AWS SDK for JavaScript decide what a profile means:
 * - a long-term key in the credentials file becomes an identity (its secret for the keychain), with the
 *   `region` and `mfa_serial` of its config profile;
 * - a role profile (`role_arn` + `source_profile`) becomes a role. Its source is the source profile's
 *   static key when it has one, even if that profile assumes a role itself (both AWS readers use a
 *   source profile's static keys first), so such a key is imported as an identity of its own,
 *   `NAME-key`, beside the role NAME; a profile that is its own source works the same way.
 * Every other profile is left alone with the reason. Pure: it reads parsed files and the settings.
 */
import type { Identity, MfaDevice, Role, Settings } from '../../shared/model';
import { walkChain } from '../../shared/role-chain';
import {
  validateAccessKeyId,
  validateAssumeRoleDuration,
  validateExternalId,
  validateMfaSerial,
  validateName,
  validateRegion,
  validateRoleArn,
  validateSecretAccessKey,
  validateSessionName,
} from '../../shared/validation';
import { profileText as text, type AwsProfile } from '../aws-files/aws-file';

export interface ImportPlan {
  /** The secret stays in the main process: it goes to the keychain, never to a renderer or a log. */
  identities: { identity: Identity; secretAccessKey: string; profile: string }[];
  mfaDevices: MfaDevice[];
  roles: Role[];
  /** Role profiles Latchkey already has as roles (same name and ARN): nothing to add, but --adopt may serve them. */
  alreadyRoles: string[];
  /** Keys an identity already holds (same key id): nothing to add, but --scrub may remove them. */
  alreadyImported: { profile: string; name: string; secretAccessKey: string }[];
  /** Config profiles that `--adopt` turns into `credential_process NAME`, the name being Latchkey's. */
  adoptable: { profile: string; name: string }[];
  /** Imported, with something the person should know (a value AWS tools ignore, say). */
  notes: { profile: string; note: string }[];
  /** Every profile left alone, and why. */
  skipped: { profile: string; reason: string }[];
}

/** Python's int() on a string: what botocore makes of duration_seconds (it ignores a value int() refuses). */
export function pythonInt(value: string): number | undefined {
  return /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(value) ? Number(value.replaceAll('_', '')) : undefined;
}

/** Why a config profile that is neither an identity's nor an importable role is left alone. */
function configReason(keys: AwsProfile, processOwned: boolean): string | undefined {
  const has = (key: string) => keys[key] !== undefined;
  if (Object.keys(keys).some((key) => key.startsWith('sso_'))) return 'it signs in through IAM Identity Center (sso_*), which AWS tools do themselves';
  if (has('credential_process'))
    return processOwned ? 'Latchkey already serves it (credential_process)' : 'it gets its credentials from another tool (credential_process)';
  if (has('login_session')) return 'it signs in with `aws login` (login_session)';
  if (has('web_identity_token_file')) return 'it assumes a role with a web identity token (web_identity_token_file)';
  if (has('credential_source')) return 'it assumes a role from credential_source (an instance, container or environment role)';
  if (has('aws_access_key_id') || has('aws_secret_access_key'))
    return 'its keys are in the config file; move them to the credentials file to import them';
  if (has('role_arn')) return 'it has no source_profile';
  return undefined;
}

export function planImport(credentials: Record<string, AwsProfile>, config: Record<string, AwsProfile>, settings: Settings): ImportPlan {
  const plan: ImportPlan = { identities: [], mfaDevices: [], roles: [], alreadyRoles: [], alreadyImported: [], adoptable: [], notes: [], skipped: [] };
  const taken = new Set([...settings.identities, ...settings.roles].map((entry) => entry.name));
  const deviceNames = new Set(settings.mfaDevices.map((device) => device.name));
  const knownSerials = new Set(settings.mfaDevices.map((device) => device.serial));
  const processOwned = new Set(settings.processProfiles.map((entry) => entry.profile));
  const skip = (profile: string, reason: string) => plan.skipped.push({ profile, reason });
  const note = (profile: string, message: string) => plan.notes.push({ profile, note: message });
  const nameProblem = (name: string) =>
    validateName('profile name')(name) ?? (taken.has(name) ? `Latchkey already has an identity or role named "${name}"` : undefined);
  /** The identity name holding each credentials profile's key, imported now or before. */
  const keyOwner = new Map<string, string>();

  for (const [profile, keys] of Object.entries(credentials)) {
    const accessKeyId = text(keys, 'aws_access_key_id');
    const secretAccessKey = text(keys, 'aws_secret_access_key');
    if (accessKeyId === undefined && secretAccessKey === undefined) {
      if (!config[profile]) skip(profile, 'it holds no access key');
      continue;
    }
    if (text(keys, 'aws_session_token') !== undefined || text(keys, 'aws_security_token') !== undefined) {
      skip(profile, 'it holds a session (aws_session_token), not a long-term key');
      continue;
    }
    const known = settings.identities.find((identity) => identity.accessKeyId === accessKeyId);
    if (known && secretAccessKey !== undefined) {
      plan.alreadyImported.push({ profile, name: known.name, secretAccessKey });
      keyOwner.set(profile, known.name);
      continue;
    }
    // A profile that assumes a role is the role; its key is what profiles sourcing it use.
    const assumesRole = text(config[profile], 'role_arn') !== undefined;
    const name = assumesRole ? `${profile}-key` : profile;
    const problem =
      nameProblem(name) ??
      (accessKeyId === undefined || secretAccessKey === undefined ? 'it has only half of a key pair' : undefined) ??
      validateAccessKeyId(accessKeyId ?? '') ??
      validateSecretAccessKey(secretAccessKey ?? '');
    if (problem !== undefined) {
      skip(profile, problem);
      continue;
    }
    const region = assumesRole ? undefined : text(config[profile], 'region');
    const regionProblem = region === undefined ? undefined : validateRegion(region);
    if (regionProblem !== undefined) note(profile, `its region "${region}" was not imported: ${regionProblem}`);
    plan.identities.push({
      identity: { name, accessKeyId: accessKeyId as string, ...(region !== undefined && regionProblem === undefined ? { region } : {}) },
      secretAccessKey: secretAccessKey as string,
      profile,
    });
    taken.add(name);
    keyOwner.set(profile, name);
    if (assumesRole) note(profile, `its key became identity "${name}": the profile itself assumes a role, and profiles using it as source_profile use its key`);
    const serial = text(config[profile], 'mfa_serial');
    if (!assumesRole && serial !== undefined && !validateMfaSerial(serial) && !deviceNames.has(name) && !knownSerials.has(serial)) {
      plan.mfaDevices.push({ name, serial, identity: name, hasSeed: false, autoMfa: false });
      deviceNames.add(name);
      knownSerials.add(serial);
      note(profile, `its mfa_serial became MFA device "${name}": served by Latchkey (--adopt), the profile asks for a code, which AWS tools did not for the key alone`);
    }
  }

  // Roles may come from roles: take them in passes until none is left whose source is known.
  const roles = new Map(settings.roles.map((role) => [role.name, role]));
  const identities = new Map([...settings.identities, ...plan.identities.map((entry) => entry.identity)].map((i) => [i.name, i]));
  const alreadyRoles = new Set<string>(); // a Set while planning: a profile is seen once per pass
  let pending = Object.entries(config).filter(([, keys]) => text(keys, 'role_arn') !== undefined && text(keys, 'source_profile') !== undefined);
  for (let progress = true; progress; ) {
    progress = false;
    pending = pending.filter(([profile, keys]) => {
      const sourceProfile = text(keys, 'source_profile') as string;
      const existing = roles.get(profile);
      if (existing && existing.roleArn === text(keys, 'role_arn') && settings.roles.includes(existing)) {
        alreadyRoles.add(profile);
        progress = true;
        return false;
      }
      // The source profile's static key first, as botocore and the JS SDK do; then its role.
      const source = keyOwner.get(sourceProfile) ?? (sourceProfile !== profile && roles.has(sourceProfile) ? sourceProfile : undefined);
      if (source === undefined) return true; // maybe a later pass
      const clash = nameProblem(profile);
      const role = clash === undefined ? roleFrom(profile, keys, source, identities, roles, settings.mfaDevices, plan, deviceNames, knownSerials) : undefined;
      const problem = clash ?? role?.problem;
      if (problem !== undefined || !role) skip(profile, problem ?? '');
      else {
        plan.roles.push(role.role);
        roles.set(profile, role.role);
        taken.add(profile);
      }
      progress = true;
      return false;
    });
  }
  for (const [profile, keys] of pending) skip(profile, `its source_profile "${text(keys, 'source_profile')}" has no long-term key or role to import`);

  const importedProfiles = new Set([...plan.identities.map((entry) => entry.profile), ...plan.alreadyImported.map((entry) => entry.profile)]);
  for (const [profile, keys] of Object.entries(config)) {
    if (importedProfiles.has(profile) || plan.roles.some((role) => role.name === profile) || plan.skipped.some((entry) => entry.profile === profile)) continue;
    if (alreadyRoles.has(profile)) continue;
    skip(profile, configReason(keys, processOwned.has(profile)) ?? 'it holds no credentials (only settings such as region)');
  }

  // With --adopt each profile keeps its name and gets its credentials from the entry made of it.
  for (const { profile, name } of [...plan.identities.map(({ profile, identity }) => ({ profile, name: identity.name })), ...plan.alreadyImported])
    if (name === profile && !processOwned.has(profile)) plan.adoptable.push({ profile, name });
  plan.alreadyRoles = [...alreadyRoles];
  for (const profile of [...plan.roles.map((role) => role.name), ...alreadyRoles])
    if (!processOwned.has(profile)) plan.adoptable.push({ profile, name: profile });
  return plan;
}

function roleFrom(
  profile: string,
  keys: AwsProfile,
  source: string,
  identities: Map<string, Identity>,
  roles: Map<string, Role>,
  existingDevices: readonly MfaDevice[],
  plan: ImportPlan,
  deviceNames: Set<string>,
  knownSerials: Set<string>,
): { role: Role; problem?: string } {
  const roleArn = text(keys, 'role_arn') ?? '';
  const externalId = text(keys, 'external_id');
  const sessionName = text(keys, 'role_session_name');
  const region = text(keys, 'region');
  const duration = text(keys, 'duration_seconds');
  const serial = text(keys, 'mfa_serial');
  const problem =
    validateRoleArn(roleArn) ??
    (externalId === undefined ? undefined : validateExternalId(externalId)) ??
    (sessionName === undefined ? undefined : validateSessionName(sessionName)) ??
    (serial === undefined ? undefined : validateMfaSerial(serial));

  // As botocore reads them: a duration int() refuses is ignored, and so the default applies.
  let durationSeconds = duration === undefined ? undefined : pythonInt(duration);
  if (duration !== undefined && durationSeconds === undefined)
    plan.notes.push({ profile, note: `its duration_seconds "${duration}" is not a whole number, which AWS tools ignore: the default duration applies` });
  const durationProblem = durationSeconds === undefined ? undefined : validateAssumeRoleDuration(durationSeconds);
  if (durationProblem !== undefined) {
    plan.notes.push({ profile, note: `its duration_seconds was not imported: ${durationProblem}` });
    durationSeconds = undefined;
  }
  const regionProblem = region === undefined ? undefined : validateRegion(region);
  if (regionProblem !== undefined) plan.notes.push({ profile, note: `its region "${region}" was not imported: ${regionProblem}` });

  // The MFA device belongs to the identity at the root of the chain.
  const root = walkChain({ identities: [...identities.values()], roles: [...roles.values()] }, source).end;
  let mfaDevice: string | undefined;
  if (serial !== undefined && problem === undefined) {
    const known = [...existingDevices, ...plan.mfaDevices].find((device) => device.serial === serial && device.identity === root);
    mfaDevice = known?.name;
    if (!mfaDevice && identities.has(root) && !knownSerials.has(serial)) {
      mfaDevice = deviceNames.has(root) ? `${root}-${profile}` : root;
      plan.mfaDevices.push({ name: mfaDevice, serial, identity: root, hasSeed: false, autoMfa: false });
      deviceNames.add(mfaDevice);
      knownSerials.add(serial);
    }
  }
  const role: Role = {
    name: profile,
    roleArn,
    source,
    directMfa: false,
    ...(mfaDevice ? { mfaDevice } : {}),
    ...(externalId ? { externalId } : {}),
    ...(sessionName ? { sessionName } : {}),
    ...(region && regionProblem === undefined ? { region } : {}),
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
  };
  return { role, problem };
}

/** One line per profile: what import does with it, or why it leaves it alone (the CLI's dry run and the window's preview). */
export function describeImportPlan(plan: ImportPlan): { profile: string; outcome: string; imported: boolean }[] {
  const lines: { profile: string; outcome: string; imported: boolean }[] = [];
  const devices = (identity: string) => plan.mfaDevices.filter((device) => device.identity === identity).map((device) => ` with MFA device "${device.name}"`).join('');
  for (const { profile, identity } of plan.identities)
    lines.push({ profile, outcome: `identity "${identity.name}"${devices(identity.name)}: its key moves to the keychain`, imported: true });
  for (const { profile, name } of plan.alreadyImported) lines.push({ profile, outcome: `already imported as identity "${name}"`, imported: true });
  for (const profile of plan.alreadyRoles) lines.push({ profile, outcome: `already imported as role "${profile}"`, imported: true });
  for (const role of plan.roles) lines.push({ profile: role.name, outcome: `role "${role.name}" (${role.roleArn}) from "${role.source}"${role.mfaDevice ? ` with MFA device "${role.mfaDevice}"` : ''}`, imported: true });
  for (const { profile, note } of plan.notes) lines.push({ profile, outcome: `note: ${note}`, imported: true });
  for (const { profile, reason } of plan.skipped) lines.push({ profile, outcome: `left alone: ${reason}`, imported: false });
  return lines;
}
