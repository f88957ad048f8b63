/**
 * When IAM created an identity's access key, from ListAccessKeys signed with that key, for the key-age
 * reminder. Best effort: a user whose policies do not let them list their own keys (or require MFA for
 * it), or an IAM that does not answer, leaves the date unknown until a rotation records it.
 */
import { iamUserName } from '../../shared/iam-user-name';
import type { Identity } from '../../shared/model';
import { DEFAULT_STS_REGION } from '../sts/sts-endpoint';
import type { IamApi } from './iam-api';

export async function keyCreationDate(iam: IamApi, identity: Identity, secretAccessKey: string): Promise<string | undefined> {
  const userName = iamUserName(identity.arn);
  if (userName === undefined) return undefined;
  try {
    const keys = await iam.listAccessKeys({
      credentials: { accessKeyId: identity.accessKeyId, secretAccessKey },
      region: identity.region ?? DEFAULT_STS_REGION,
      userName,
    });
    return keys.find((key) => key.accessKeyId === identity.accessKeyId)?.created?.toISOString();
  } catch {
    return undefined;
  }
}
