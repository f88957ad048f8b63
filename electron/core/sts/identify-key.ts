/**
 * Who a long-term key belongs to, for "verify": GetCallerIdentity, signed with the key. Where the key may
 * not call it (an endpoint policy that denies it), GetAccessKeyInfo still names the key's account, so the
 * identity gets its account id and the ARN stays unknown. A key AWS refuses is refused either way.
 */
import { isLatchkeyError } from '../../shared/errors';
import type { Identity } from '../../shared/model';
import type { Clock } from '../clock';
import type { StsApi, StsHelperApi } from './sts-api';
import { DEFAULT_STS_REGION } from './sts-endpoint';
import { verifyIdentity } from './verify-identity';

export interface KeyOwner {
  account: string;
  /** Absent when only the account could be learnt (GetAccessKeyInfo). */
  arn?: string;
}

export async function identifyKey(
  identity: Identity,
  secretAccessKey: string,
  sts: StsApi & Partial<StsHelperApi>,
  clock: Clock,
  options: { secretEntered?: boolean } = {},
): Promise<KeyOwner> {
  try {
    const { account, arn } = await verifyIdentity(identity, secretAccessKey, sts, clock, options);
    return { account, arn };
  } catch (error) {
    if (!isLatchkeyError(error) || error.code !== 'sts-denied' || sts.getAccessKeyInfo === undefined) throw error;
    const credentials = { accessKeyId: identity.accessKeyId, secretAccessKey };
    const info = await sts
      .getAccessKeyInfo({ credentials, region: identity.region ?? DEFAULT_STS_REGION, stsEndpoint: identity.stsEndpoint, accessKeyId: identity.accessKeyId })
      .catch(() => undefined);
    // The key signed an answer, so it works; without the account either, the refusal stands.
    if (info === undefined) throw error;
    return { account: info.account };
  }
}
