/**
 * Key rotation through IAM, with the identity never left without a working key:
 *
 * 1. ListAccessKeys: the identity's key must be one of its user's, and the user must have room for a
 *    second one (AWS allows two); with two already, nothing is done and the refusal lists them.
 * 2. CreateAccessKey, and the new secret straight into the keychain with the new key id and its creation
 *    date in the settings (one save, as `identity update` saves a key: save-with-secret), so a crash
 *    from here on cannot lose the secret IAM shows only once.
 * 3. Verify: GetCallerIdentity with the new key, retried while IAM makes the key known to STS (seconds,
 *    usually), and it must sign as the same user. If it does not, the old key and secret go back into
 *    the settings and keychain, and the new key is deleted.
 * 4. Deactivate the old key, then delete it (`keepOld` leaves it inactive), signed with the identity's
 *    MFA session or the new key.
 *
 * Sessions made from the old key stay valid until they expire: AWS does not revoke them, and Latchkey
 * leaves published profiles alone. New sessions are made from the new key, since cached ones are keyed
 * by the key that made them.
 */
import { LatchkeyError, isLatchkeyError } from '../../shared/errors';
import { maskAccessKeyId } from '../../shared/mask';
import type { Identity, Settings } from '../../shared/model';
import type { Clock } from '../clock';
import { saveWithSecret, type SetupStores } from '../settings/save-with-secret';
import type { StsApi } from '../sts/sts-api';
import { verifyIdentity } from '../sts/verify-identity';
import type { AccessKeyInfo, IamApi, IamCaller } from './iam-api';
import { iamError, type IamAction } from './iam-errors';
import { iamSigner, type IamSigner, type IamSignerDeps } from './iam-signer';

export interface RotateKeyDeps extends SetupStores, IamSignerDeps {
  iam: IamApi;
  sts: StsApi;
  clock: Clock;
}

export interface RotateKeyRequest {
  name: string;
  /** Leave the old key inactive rather than delete it. */
  keepOld: boolean;
  /** Told what is going on while it takes a while (waiting for IAM to make the new key known). */
  progress?: (message: string) => void;
}

export interface RotatedKey {
  settings: Settings;
  userName: string;
  oldAccessKeyId: string;
  newAccessKeyId: string;
  /** What became of the old key. */
  oldKey: 'deleted' | 'inactive';
}

/** How long a new key may take to be accepted (IAM is eventually consistent), and the waits between tries. */
export const KEY_PROPAGATION_MS = 30_000;
const FIRST_WAIT_MS = 1_000;
const LONGEST_WAIT_MS = 5_000;

export async function rotateAccessKey(deps: RotateKeyDeps, { name, keepOld, progress }: RotateKeyRequest): Promise<RotatedKey> {
  const signer = await iamSigner(deps, await deps.settings.load(), name);
  const { identity, userName } = signer;
  const oldSecret = await deps.keychain.get('identity', name);
  if (oldSecret === undefined)
    throw new LatchkeyError('not-found', `identity "${name}": its secret access key is not in the keychain: enter it again with \`latchkey identity update\` before rotating`);
  const call = iamCalls(signer);

  const keys = await call('ListAccessKeys', (caller) => deps.iam.listAccessKeys({ ...caller, userName }));
  assertRoomForNewKey(identity, userName, keys);

  const created = await call('CreateAccessKey', (caller) => deps.iam.createAccessKey({ ...caller, userName }));
  const rotated: Identity = { ...identity, accessKeyId: created.accessKeyId, arn: signer.userArn, keyCreated: new Date(created.created ?? deps.clock.now()).toISOString() };
  const deleteNewKey = () => call('DeleteAccessKey', (caller) => deps.iam.deleteAccessKey({ ...caller, userName, accessKeyId: created.accessKeyId }));
  try {
    await saveWithSecret(deps, { kind: 'identity', name, secret: created.secretAccessKey }, (s) => replaceIdentity(s, identity, rotated));
  } catch (error) {
    await deleteNewKey().catch(() => undefined);
    throw error;
  }

  try {
    await verifyNewKey(deps, rotated, created.secretAccessKey, progress);
  } catch (error) {
    // Back to the old key, which was never touched, and the new one gone.
    await saveWithSecret(deps, { kind: 'identity', name, secret: oldSecret }, (s) => replaceIdentity(s, rotated, identity));
    const deleted = await deleteNewKey().then(
      () => 'it was deleted',
      () => `delete it in IAM (aws iam delete-access-key --user-name ${userName} --access-key-id ${created.accessKeyId})`,
    );
    throw new LatchkeyError(
      isLatchkeyError(error) ? error.code : 'sts-failure',
      `the new access key ${maskAccessKeyId(created.accessKeyId)} did not work (${isLatchkeyError(error) ? error.message : String(error)}): ${deleted}, and identity "${name}" keeps its key ${maskAccessKeyId(identity.accessKeyId)}`,
    );
  }

  // The old key is done with: the MFA session (made from it, still valid), or the new key, signs from here.
  const after = signer.signedWithMfa ? call : iamCalls({ ...signer, caller: { ...signer.caller, credentials: { accessKeyId: created.accessKeyId, secretAccessKey: created.secretAccessKey } } });
  const retired = (action: IamAction, run: (caller: IamCaller) => Promise<void>) =>
    whileKeyPropagates(deps.clock, () => after(action, run)).catch((error: unknown) => {
      throw new LatchkeyError(
        isLatchkeyError(error) ? error.code : 'sts-failure',
        `identity "${name}" now uses its new key ${maskAccessKeyId(created.accessKeyId)}, but the old key ${identity.accessKeyId} is still ${action === 'UpdateAccessKey' ? 'active' : 'there, inactive'}: ${isLatchkeyError(error) ? error.message : String(error)}; ${action === 'UpdateAccessKey' ? 'deactivate' : 'delete'} it in IAM`,
      );
    });
  await retired('UpdateAccessKey', (caller) => deps.iam.updateAccessKey({ ...caller, userName, accessKeyId: identity.accessKeyId, status: 'Inactive' }));
  if (!keepOld) await retired('DeleteAccessKey', (caller) => deps.iam.deleteAccessKey({ ...caller, userName, accessKeyId: identity.accessKeyId }));

  return { settings: await deps.settings.load(), userName, oldAccessKeyId: identity.accessKeyId, newAccessKeyId: created.accessKeyId, oldKey: keepOld ? 'inactive' : 'deleted' };
}

/**
 * AWS allows an IAM user two access keys: with two, one must go before a new one can come, and which
 * one is the person's call (the other may serve a machine somewhere).
 */
function assertRoomForNewKey(identity: Identity, userName: string, keys: AccessKeyInfo[]): void {
  const listed = keys.map((key) => `${key.accessKeyId} (${key.status.toLowerCase()}${key.created ? `, created ${key.created.toISOString().slice(0, 10)}` : ''}${key.accessKeyId === identity.accessKeyId ? `, identity "${identity.name}"'s` : ''})`);
  if (!keys.some((key) => key.accessKeyId === identity.accessKeyId))
    throw new LatchkeyError(
      'invalid-input',
      `identity "${identity.name}" uses access key ${maskAccessKeyId(identity.accessKeyId)}, which is not one of IAM user "${userName}"'s keys (${listed.join(', ') || 'none'}): update the identity with a key of its user first`,
    );
  const other = keys.find((key) => key.accessKeyId !== identity.accessKeyId);
  if (other)
    throw new LatchkeyError(
      'already-exists',
      `IAM user "${userName}" already has two access keys, the most AWS allows: ${listed.join(' and ')}. Nothing was changed. If nothing uses the other key any more, delete it (aws iam delete-access-key --user-name ${userName} --access-key-id ${other.accessKeyId}), then rotate again`,
    );
}

/** GetCallerIdentity with the new key until STS knows it, and as the same IAM user; its account is recorded. */
async function verifyNewKey(deps: RotateKeyDeps, rotated: Identity, secret: string, progress?: (message: string) => void): Promise<void> {
  let told = false;
  const caller = await whileKeyPropagates(deps.clock, () => verifyIdentity(rotated, secret, deps.sts, deps.clock, { secretEntered: false }), () => {
    if (!told) progress?.('waiting for AWS to accept the new key (IAM takes a few seconds to make a new key known)…');
    told = true;
  });
  if (caller.arn !== rotated.arn) throw new LatchkeyError('invalid-input', `the new key signs as ${caller.arn}, not as ${rotated.arn}`);
  if (rotated.accountId !== caller.account) await deps.settings.update((s) => replaceIdentity(s, rotated, { ...rotated, accountId: caller.account }));
}

/**
 * Runs `attempt` again while AWS refuses a key it does not know yet (a new key, for a few seconds), with
 * growing waits, for at most KEY_PROPAGATION_MS; any other failure, or the last, is thrown.
 */
async function whileKeyPropagates<T>(clock: Clock, attempt: () => Promise<T>, waiting?: () => void): Promise<T> {
  const deadline = clock.now() + KEY_PROPAGATION_MS;
  for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, LONGEST_WAIT_MS)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isLatchkeyError(error) || error.code !== 'sts-credentials-invalid' || clock.now() + wait > deadline) throw error;
      waiting?.();
      await clock.sleep(wait);
    }
  }
}

/** IAM calls signed as `signer`, their failures in words. */
function iamCalls(signer: IamSigner) {
  return <T>(action: IamAction, run: (caller: IamCaller) => Promise<T>): Promise<T> =>
    run(signer.caller).catch((error: unknown) => {
      throw iamError(error, { action, identity: signer.identity, userName: signer.userName, signedWithMfa: signer.signedWithMfa });
    });
}

/** Puts `next` where `expected` is, refusing when the identity changed meanwhile (another process). */
function replaceIdentity(settings: Settings, expected: Identity, next: Identity): void {
  const current = settings.identities.find((entry) => entry.name === expected.name);
  if (current?.accessKeyId !== expected.accessKeyId)
    throw new LatchkeyError('invalid-input', `identity "${expected.name}" was changed meanwhile (its key is no longer ${maskAccessKeyId(expected.accessKeyId)}): try again`);
  settings.identities = settings.identities.map((entry) => (entry.name === expected.name ? next : entry));
}
