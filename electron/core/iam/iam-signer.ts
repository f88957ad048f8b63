/**
 * Who signs an identity's IAM calls, and for which IAM user. An identity with an MFA device signs with
 * its MFA session (the engine's identity session: GetSessionToken with the device's code), because
 * policies that require MFA for managing one's own keys and devices accept nothing else, and AWS lets a
 * GetSessionToken session call IAM only when it carries MFA. An identity without a device signs with its
 * long-term key. The user is the one the recorded ARN names, or else the one STS says signs.
 */
import { LatchkeyError } from '../../shared/errors';
import { iamUserName } from '../../shared/iam-user-name';
import type { Identity, Settings } from '../../shared/model';
import type { Clock } from '../clock';
import type { Keychain } from '../keychain/keychain';
import { findEntry } from '../settings/find-entry';
import { identityDevice } from '../settings/identity-device';
import type { Credentials, Session } from '../sts/credentials';
import { IdentityProvider } from '../sts/identity-provider';
import type { StsApi } from '../sts/sts-api';
import { DEFAULT_STS_REGION } from '../sts/sts-endpoint';
import { stsError } from '../sts/sts-errors';
import type { IamCaller } from './iam-api';

export interface IamSignerDeps {
  keychain: Keychain;
  sts: StsApi;
  clock: Clock;
  /**
   * The identity's own session, as the session engine makes and caches it (the CLI asks a running broker
   * first): with a device, GetSessionToken with its MFA code.
   */
  identitySession: (identity: string) => Promise<Session>;
}

export interface IamSigner {
  identity: Identity;
  /** The IAM user the identity's key belongs to, and its ARN. */
  userName: string;
  userArn: string;
  caller: IamCaller;
  /** Signed with the identity's MFA session rather than its long-term key. */
  signedWithMfa: boolean;
}

export async function iamSigner(deps: IamSignerDeps, settings: Settings, name: string): Promise<IamSigner> {
  const identity = findEntry(settings.identities, 'identity', name);
  const signedWithMfa = identityDevice(settings, name) !== undefined;
  const credentials: Credentials = signedWithMfa ? await deps.identitySession(name) : await new IdentityProvider(identity, deps.keychain).retrieve();
  const caller = { credentials, region: identity.region ?? DEFAULT_STS_REGION };
  const userArn = identity.arn ?? (await signingUser(identity, caller, deps, signedWithMfa));
  const userName = iamUserName(userArn);
  if (userName === undefined)
    throw new LatchkeyError('invalid-input', `identity "${identity.name}" signs as ${userArn}, which is not an IAM user: only an IAM user's keys and MFA devices are managed through IAM`);
  return { identity, userName, userArn, caller, signedWithMfa };
}

/** The ARN of the IAM user STS says signs: the key's or the MFA session's own user. */
async function signingUser(identity: Identity, caller: IamCaller, { sts, clock }: IamSignerDeps, signedWithSession: boolean): Promise<string> {
  const answer = await sts.getCallerIdentity({ ...caller, stsEndpoint: identity.stsEndpoint }).catch((error: unknown) => {
    throw stsError(error, { action: 'GetCallerIdentity', subject: `identity "${identity.name}"`, identity, signedWithSession, secretEntered: false, nowMs: clock.now() });
  });
  return answer.arn;
}
