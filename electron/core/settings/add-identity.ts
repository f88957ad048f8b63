/**
 * Adds an identity: its secret access key to the keychain, the rest to the settings, and optionally
 * its MFA device under the same name (one virtual MFA device per IAM user is the common case). With
 * `verify`, GetCallerIdentity must accept the key first and its account and ARN are recorded; a key
 * AWS refuses is not stored.
 */
import type { Identity, Settings } from '../../shared/model';
import { check, validateSecretAccessKey } from '../../shared/validation';
import type { Clock } from '../clock';
import type { CallerIdentity, StsApi } from '../sts/sts-api';
import { verifyIdentity } from '../sts/verify-identity';
import { assertNameFree } from './assert-name-free';
import { deviceNamedAfter } from './identity-device';
import { saveWithSecret, type SetupStores } from './save-with-secret';

export interface AddIdentityDeps extends SetupStores {
  sts: StsApi;
  clock: Clock;
}

export interface NewIdentity {
  identity: Identity;
  secretAccessKey: string;
  mfaSerial?: string;
  verify: boolean;
}

export async function addIdentity(deps: AddIdentityDeps, request: NewIdentity): Promise<{ settings: Settings; caller?: CallerIdentity }> {
  const { name } = request.identity;
  const secret = check(validateSecretAccessKey, request.secretAccessKey);
  assertNameFree(await deps.settings.load(), name);
  const caller = request.verify ? await verifyIdentity(request.identity, secret, deps.sts, deps.clock) : undefined;
  const identity: Identity = caller ? { ...request.identity, accountId: caller.account, arn: caller.arn } : request.identity;
  const settings = await saveWithSecret(deps, { kind: 'identity', name, secret }, (s) => {
    s.identities.push(identity);
    if (request.mfaSerial !== undefined) s.mfaDevices.push(deviceNamedAfter(name, request.mfaSerial));
  });
  return { settings, caller };
}
