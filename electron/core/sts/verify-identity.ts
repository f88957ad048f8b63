/**
 * "Verify" for a new or edited identity: GetCallerIdentity signed with its long-term key, so a mistyped
 * or disabled key is caught when it is entered rather than at the first role switch.
 */
import type { Identity } from '../../shared/model';
import type { Clock } from '../clock';
import type { CallerIdentity, StsApi } from './sts-api';
import { DEFAULT_STS_REGION } from './sts-endpoint';
import { stsError } from './sts-errors';

/**
 * `secretEntered` is false when the secret was read from the keychain rather than just typed (adding an
 * identity always types it), so a refusal names the right one.
 */
export async function verifyIdentity(
  identity: Identity,
  secretAccessKey: string,
  sts: StsApi,
  clock: Clock,
  { secretEntered = true } = {},
): Promise<CallerIdentity> {
  try {
    return await sts.getCallerIdentity({
      credentials: { accessKeyId: identity.accessKeyId, secretAccessKey },
      region: identity.region ?? DEFAULT_STS_REGION,
      stsEndpoint: identity.stsEndpoint,
    });
  } catch (error) {
    throw stsError(error, {
      action: 'GetCallerIdentity',
      subject: `identity "${identity.name}"`,
      identity,
      signedWithSession: false,
      secretEntered,
      nowMs: clock.now(),
    });
  }
}
