/**
 * Adds an identity: its secret access key to the keychain, the rest to the settings, and optionally
 * its MFA device under the same name (one virtual MFA device per IAM user is the common case). With
 * `verify`, GetCallerIdentity must accept the key first and its account and ARN are recorded (the
 * account alone, from GetAccessKeyInfo, where the key may not call GetCallerIdentity), and, given IAM,
 * when the key was created (for the key-age reminder); a key AWS refuses is not stored.
 */
import type { Identity, Settings } from '../../shared/model';
import { check, validateSecretAccessKey } from '../../shared/validation';
import type { KeyOwner } from '../sts/identify-key';
import { assertNameFree } from './assert-name-free';
import { identifyIdentity, type IdentifyDeps } from './identify-identity';
import { deviceNamedAfter } from './identity-device';
import { saveWithSecret, type SetupStores } from './save-with-secret';

export type AddIdentityDeps = SetupStores & IdentifyDeps;

export interface NewIdentity {
  identity: Identity;
  secretAccessKey: string;
  mfaSerial?: string;
  verify: boolean;
}

export async function addIdentity(deps: AddIdentityDeps, request: NewIdentity): Promise<{ settings: Settings; caller?: KeyOwner }> {
  const { name } = request.identity;
  const secret = check(validateSecretAccessKey, request.secretAccessKey);
  assertNameFree(await deps.settings.load(), name);
  const identified = request.verify ? await identifyIdentity(deps, request.identity, secret) : undefined;
  const identity: Identity = { ...request.identity, ...identified?.facts };
  const settings = await saveWithSecret(deps, { kind: 'identity', name, secret }, (s) => {
    s.identities.push(identity);
    if (request.mfaSerial !== undefined) s.mfaDevices.push(deviceNamedAfter(name, request.mfaSerial));
  });
  return { settings, caller: identified?.owner };
}
