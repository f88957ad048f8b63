/**
 * What AWS says about an identity's key, as the identity records it: the account and ARN (GetCallerIdentity,
 * or the account alone from GetAccessKeyInfo where the key may not call it) and, given IAM, when the key
 * was created (for the key-age reminder; best effort). `identity add --verify` and `import` both learn
 * these facts here, so an identity records the same facts whichever way it came in.
 */
import type { Identity } from '../../shared/model';
import type { Clock } from '../clock';
import type { IamApi } from '../iam/iam-api';
import { keyCreationDate } from '../iam/key-created';
import { identifyKey, type KeyOwner } from '../sts/identify-key';
import type { StsApi, StsHelperApi } from '../sts/sts-api';

export interface IdentifyDeps {
  sts: StsApi & Partial<StsHelperApi>;
  clock: Clock;
  /** Asked, when given, when the key was created. */
  iam?: IamApi;
}

/** The recorded facts about a key; each is present only when AWS said it. */
export type KeyFacts = Pick<Identity, 'accountId' | 'arn' | 'keyCreated'>;

/** Throws as identifyKey does when AWS refuses the key or cannot be asked; the creation date never fails it. */
export async function identifyIdentity(
  deps: IdentifyDeps,
  identity: Identity,
  secretAccessKey: string,
  options: { secretEntered?: boolean } = {},
): Promise<{ owner: KeyOwner; facts: KeyFacts }> {
  const owner = await identifyKey(identity, secretAccessKey, deps.sts, deps.clock, options);
  const facts: KeyFacts = { accountId: owner.account, ...(owner.arn ? { arn: owner.arn } : {}) };
  // The ARN names the IAM user whose keys are listed.
  const created = deps.iam ? await keyCreationDate(deps.iam, { ...identity, ...facts }, secretAccessKey) : undefined;
  return { owner, facts: created === undefined ? facts : { ...facts, keyCreated: created } };
}
