/**
 * Edits an identity in place: its region, its key (a new access key id comes with its secret; a
 * secret alone replaces a mistyped one) and its own MFA device (a new serial, or none). The name stays:
 * sessions, roles and devices refer to it. With `verify`, GetCallerIdentity must accept the key (the
 * new one, or the stored one) before anything is saved, and its account and ARN are recorded (and, given
 * IAM, when the key was created); a changed key forgets the ones recorded for the old. Either all of the change is saved or none of it.
 */
import { LatchkeyError } from '../../shared/errors';
import type { Identity, Settings } from '../../shared/model';
import { check, validateSecretAccessKey } from '../../shared/validation';
import type { Clock } from '../clock';
import type { IamApi } from '../iam/iam-api';
import { keyCreationDate } from '../iam/key-created';
import type { StsApi } from '../sts/sts-api';
import { verifyIdentity } from '../sts/verify-identity';
import { findEntry } from './find-entry';
import { deviceNamedAfter, identityDevice } from './identity-device';
import { saveWithSecret, type SetupStores } from './save-with-secret';
import { supersededSessions, type SettingsEdit } from './superseded-sessions';

export interface IdentityChange {
  name: string;
  /** Left out, the region is removed: the settings window sends the whole form. */
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** The identity's own MFA device: a serial (the device is added if there is none), or none at all; left out, it stays. */
  mfa?: { serial: string } | 'none';
  verify: boolean;
}

export async function updateIdentity(deps: SetupStores & { sts: StsApi; clock: Clock; iam?: IamApi }, change: IdentityChange): Promise<SettingsEdit> {
  const { name, region, accessKeyId, secretAccessKey, mfa } = change;
  const current = assertIdentityChangeFits(await deps.settings.load(), change);
  const newKeyId = accessKeyId !== undefined && accessKeyId !== current.accessKeyId;
  if (newKeyId && secretAccessKey === undefined)
    throw new LatchkeyError('invalid-input', `a new access key id for identity "${name}" needs its secret access key`);
  if (secretAccessKey !== undefined) check(validateSecretAccessKey, secretAccessKey);

  // The account, ARN and creation date recorded belong to the key they were recorded for.
  const { region: _replaced, accountId, arn, keyCreated, ...kept } = current;
  let identity: Identity = {
    ...kept,
    accessKeyId: accessKeyId ?? current.accessKeyId,
    ...(region === undefined ? {} : { region }),
    ...(newKeyId ? {} : { accountId, arn, keyCreated }),
  };
  if (change.verify) {
    const secret = secretAccessKey ?? (await deps.keychain.get('identity', name));
    if (secret === undefined)
      throw new LatchkeyError('not-found', `identity "${name}": its secret access key is not in the keychain: enter it again`);
    const caller = await verifyIdentity(identity, secret, deps.sts, deps.clock, { secretEntered: secretAccessKey !== undefined });
    // A new key of another IAM user would silently turn every role of this identity into that user's.
    if (arn !== undefined && caller.arn !== arn)
      throw new LatchkeyError(
        'invalid-input',
        `the new key of identity "${name}" belongs to ${caller.arn}, not to ${arn}: add it as an identity of its own with \`latchkey identity add\``,
      );
    identity = { ...identity, accountId: caller.account, arn: caller.arn };
    // When the verified key was created, for the key-age reminder (best effort, given IAM).
    const created = deps.iam ? await keyCreationDate(deps.iam, identity, secret) : undefined;
    if (created !== undefined) identity = { ...identity, keyCreated: created };
  }

  const outcome: { device?: DeviceChange } = {};
  const settings = await saveWithSecret(deps, secretAccessKey === undefined ? undefined : { kind: 'identity', name, secret: secretAccessKey }, (s) => {
    // Checked again on the settings being saved: another process may have changed them meanwhile.
    assertIdentityChangeFits(s, change);
    s.identities = s.identities.map((entry) => (entry.name === name ? identity : entry));
    outcome.device = mfa === undefined ? undefined : changeOwnDevice(s, name, mfa);
  });
  const { device } = outcome;
  // Only once the settings no longer say there is one.
  if (device?.removed) await deps.keychain.delete('mfa-seed', device.name);

  const keyChanged = newKeyId || secretAccessKey !== undefined;
  const usersOfDevice = device ? settings.roles.filter((role) => role.mfaDevice === device.name).map((role) => role.name) : [];
  return {
    settings,
    superseded: [
      ...new Set([
        ...(keyChanged ? supersededSessions(settings, [name]) : []),
        ...(device ? [name, ...supersededSessions(settings, usersOfDevice)] : []),
      ]),
    ],
  };
}

/**
 * What can be refused before a secret is asked for, or STS asked: the identity exists, and a device to
 * remove is used by no role. Returns the identity as it is.
 */
export function assertIdentityChangeFits(settings: Settings, { name, mfa }: Pick<IdentityChange, 'name' | 'mfa'>): Identity {
  const current = findEntry(settings.identities, 'identity', name);
  const device = identityDevice(settings, name);
  if (mfa === 'none' && device) {
    const users = settings.roles.filter((role) => role.mfaDevice === device.name).map((role) => `role "${role.name}"`);
    if (users.length > 0)
      throw new LatchkeyError('invalid-input', `MFA device "${device.name}" of identity "${name}" is still used by ${users.join(', ')}: remove those first`);
  }
  return current;
}

interface DeviceChange {
  name: string;
  removed: boolean;
}

/** Sets or removes the identity's own device in `settings`; says which device changed, if any did. */
function changeOwnDevice(settings: Settings, identity: string, mfa: { serial: string } | 'none'): DeviceChange | undefined {
  const device = identityDevice(settings, identity);
  if (mfa === 'none') {
    if (!device) return undefined;
    settings.mfaDevices = settings.mfaDevices.filter((entry) => entry.name !== device.name);
    return { name: device.name, removed: true };
  }
  if (!device) {
    const added = deviceNamedAfter(identity, mfa.serial);
    settings.mfaDevices.push(added);
    return { name: added.name, removed: false };
  }
  if (device.serial === mfa.serial) return undefined;
  settings.mfaDevices = settings.mfaDevices.map((entry) => (entry.name === device.name ? { ...entry, serial: mfa.serial } : entry));
  return { name: device.name, removed: false };
}
