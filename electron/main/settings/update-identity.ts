/**
 * Edits an identity in place: its region, and its key (a new access key id comes with its secret; a
 * secret alone replaces a mistyped one). The name stays: sessions, roles and devices refer to it. With
 * `verify`, GetCallerIdentity must accept the key (the new one, or the stored one) before anything is
 * saved, and its account and ARN are recorded; a changed key forgets the ones recorded for the old.
 */
import { LatchkeyError } from '../../shared/errors';
import type { Identity, Settings } from '../../shared/model';
import type { Clock } from '../../core/clock';
import { saveWithSecret, type SetupStores } from '../../core/settings/save-with-secret';
import type { StsApi } from '../../core/sts/sts-api';
import { verifyIdentity } from '../../core/sts/verify-identity';
import { findEntry } from './find-entry';

export interface IdentityChange {
  name: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  verify: boolean;
}

export async function updateIdentity(deps: SetupStores & { sts: StsApi; clock: Clock }, change: IdentityChange): Promise<Settings> {
  const { name, region, accessKeyId, secretAccessKey } = change;
  const current = findEntry((await deps.settings.load()).identities, 'identity', name);
  const newKeyId = accessKeyId !== undefined && accessKeyId !== current.accessKeyId;
  if (newKeyId && secretAccessKey === undefined)
    throw new LatchkeyError('invalid-input', `a new access key id for identity "${name}" needs its secret access key`);

  // The account and ARN "verify" recorded belong to the key they were recorded for.
  const { region: _replaced, accountId, arn, ...kept } = current;
  let identity: Identity = {
    ...kept,
    accessKeyId: accessKeyId ?? current.accessKeyId,
    ...(region === undefined ? {} : { region }),
    ...(newKeyId ? {} : { accountId, arn }),
  };
  if (change.verify) {
    const secret = secretAccessKey ?? (await deps.keychain.get('identity', name));
    if (secret === undefined)
      throw new LatchkeyError('not-found', `identity "${name}": its secret access key is not in the keychain: enter it again`);
    const caller = await verifyIdentity(identity, secret, deps.sts, deps.clock);
    identity = { ...identity, accountId: caller.account, arn: caller.arn };
  }
  return saveWithSecret(deps, secretAccessKey === undefined ? undefined : { kind: 'identity', name, secret: secretAccessKey }, (settings) => {
    settings.identities = settings.identities.map((entry) => (entry.name === name ? identity : entry));
  });
}
