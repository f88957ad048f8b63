/**
 * What `latchkey import` (and the settings window's import) would take from ~/.aws: long-term keys in
 * the credentials file become identities (their secret for the keychain), `mfa_serial` becomes an MFA
 * device, and role profiles in the config file (`role_arn` + `source_profile`) become roles. Pure: it
 * reads parsed files and the current settings and says what to add and what it passed over, and why.
 */
import type { Identity, MfaDevice, Role, Settings } from '../../shared/model';
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
import type { AwsProfile } from '../aws-files/aws-file';

export interface ImportPlan {
  /** The secret stays in the main process: it goes to the keychain, never to a renderer or a log. */
  identities: { identity: Identity; secretAccessKey: string }[];
  mfaDevices: MfaDevice[];
  roles: Role[];
  /** Profiles whose key an identity of the same name already has: nothing to add, but --scrub may remove them. */
  alreadyImported: { profile: string; secretAccessKey: string }[];
  skipped: { profile: string; reason: string }[];
}

const text = (profile: AwsProfile | undefined, key: string): string | undefined => {
  const value = profile?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

export function planImport(credentials: Record<string, AwsProfile>, config: Record<string, AwsProfile>, settings: Settings): ImportPlan {
  const plan: ImportPlan = { identities: [], mfaDevices: [], roles: [], alreadyImported: [], skipped: [] };
  const taken = new Set([...settings.identities, ...settings.roles].map((entry) => entry.name));
  const deviceNames = new Set(settings.mfaDevices.map((device) => device.name));
  const skip = (profile: string, reason: string) => plan.skipped.push({ profile, reason });
  const nameProblem = (profile: string) =>
    validateName('profile name')(profile) ?? (taken.has(profile) ? `Latchkey already has an identity or role named "${profile}"` : undefined);

  for (const [profile, keys] of Object.entries(credentials)) {
    const accessKeyId = text(keys, 'aws_access_key_id');
    const secretAccessKey = text(keys, 'aws_secret_access_key');
    if (accessKeyId === undefined && secretAccessKey === undefined) continue;
    if (text(keys, 'aws_session_token') !== undefined) continue; // a session, not a long-term key
    if (secretAccessKey !== undefined && settings.identities.some((i) => i.name === profile && i.accessKeyId === accessKeyId)) {
      plan.alreadyImported.push({ profile, secretAccessKey });
      continue;
    }
    if (text(config[profile], 'role_arn') !== undefined) {
      skip(profile, 'its config profile assumes a role (role_arn), which AWS tools use instead of these keys');
      continue;
    }
    const problem =
      nameProblem(profile) ??
      (accessKeyId === undefined || secretAccessKey === undefined ? 'it has only half of a key pair' : undefined) ??
      validateAccessKeyId(accessKeyId ?? '') ??
      validateSecretAccessKey(secretAccessKey ?? '');
    if (problem !== undefined) {
      skip(profile, problem);
      continue;
    }
    const region = text(config[profile], 'region');
    plan.identities.push({
      identity: { name: profile, accessKeyId: accessKeyId as string, ...(region && !validateRegion(region) ? { region } : {}) },
      secretAccessKey: secretAccessKey as string,
    });
    taken.add(profile);
    const serial = text(config[profile], 'mfa_serial');
    if (serial !== undefined && !validateMfaSerial(serial) && !deviceNames.has(profile)) {
      plan.mfaDevices.push({ name: profile, serial, identity: profile, hasSeed: false, autoMfa: false });
      deviceNames.add(profile);
    }
  }

  // Roles may come from roles: take them in passes until none is left whose source is known.
  const identities = new Map([...settings.identities, ...plan.identities.map((entry) => entry.identity)].map((i) => [i.name, i]));
  const roles = new Map(settings.roles.map((role) => [role.name, role]));
  let pending = Object.entries(config).filter(([, keys]) => text(keys, 'role_arn') !== undefined);
  for (let progress = true; progress; ) {
    progress = false;
    pending = pending.filter(([profile, keys]) => {
      const source = text(keys, 'source_profile');
      if (source === undefined) {
        skip(profile, 'it has no source_profile (credential_source and web identity roles are not imported)');
        return false;
      }
      if (!identities.has(source) && !roles.has(source)) return true; // maybe a later pass
      const clash = nameProblem(profile);
      const role = clash === undefined ? roleFrom(profile, keys, source, identities, roles, settings.mfaDevices, plan, deviceNames) : undefined;
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
): { role: Role; problem?: string } {
  const roleArn = text(keys, 'role_arn') ?? '';
  const externalId = text(keys, 'external_id');
  const sessionName = text(keys, 'role_session_name');
  const region = text(keys, 'region');
  const duration = text(keys, 'duration_seconds');
  const serial = text(keys, 'mfa_serial');
  const durationSeconds = duration === undefined ? undefined : Number(duration);
  const problem =
    validateRoleArn(roleArn) ??
    (externalId === undefined ? undefined : validateExternalId(externalId)) ??
    (sessionName === undefined ? undefined : validateSessionName(sessionName)) ??
    (region === undefined ? undefined : validateRegion(region)) ??
    (durationSeconds === undefined ? undefined : validateAssumeRoleDuration(durationSeconds)) ??
    (serial === undefined ? undefined : validateMfaSerial(serial));

  // The MFA device belongs to the identity at the root of the chain.
  let root = source;
  for (let hops = 0; roles.has(root) && hops <= roles.size; hops++) root = roles.get(root)?.source ?? root;
  let mfaDevice: string | undefined;
  if (serial !== undefined && problem === undefined) {
    const known = [...existingDevices, ...plan.mfaDevices].find((device) => device.serial === serial && device.identity === root);
    mfaDevice = known?.name;
    if (!mfaDevice && identities.has(root)) {
      mfaDevice = deviceNames.has(root) ? `${root}-${profile}` : root;
      plan.mfaDevices.push({ name: mfaDevice, serial, identity: root, hasSeed: false, autoMfa: false });
      deviceNames.add(mfaDevice);
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
    ...(region ? { region } : {}),
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
  };
  return { role, problem };
}
