/**
 * A role's session from AssumeRole, signed by a source: an identity's long-term key, its MFA session,
 * or another role's session (a chain). With an MFA device the code goes on AssumeRole itself ("direct
 * MFA"). AWS caps a session assumed from another role's session at one hour; a longer duration is
 * clamped, and the person is told, rather than sent to fail.
 */
import type { Session, CredentialProvider } from './credentials';
import type { Identity } from '../../shared/model';
import {
  LIMITS,
  validateAssumeRoleDuration,
  validateExternalId,
  validateMfaSerial,
  validateRoleArn,
  validateSessionName,
} from '../../shared/validation';
import type { Clock } from '../clock';
import { checkInput } from './check-input';
import { checkedSession } from './checked-session';
import type { MfaCodeRequest, MfaCodeSource } from './mfa-code-source';
import { providerKey } from './provider-key';
import type { MfaCode, StsApi } from './sts-api';
import { stsError } from './sts-errors';

export interface AssumeRoleOptions {
  /** The role's name in Latchkey, for messages. */
  name: string;
  roleArn: string;
  roleSessionName: string;
  durationSeconds: number;
  externalId?: string;
  region: string;
  /** The identity at the root of the source, for its endpoint setting and for messages. */
  identity: Identity;
  source: CredentialProvider;
  /** The source is another role's session. */
  chained: boolean;
  /** Direct MFA: the device and who is asking. */
  mfa?: MfaCodeRequest;
  /** Tells the person something they should know but that is not an error. */
  notice: (message: string) => void;
  sts: StsApi;
  codes: MfaCodeSource;
  clock: Clock;
}

export class AssumeRoleProvider implements CredentialProvider {
  readonly key: string;
  private readonly subject: string;
  private readonly durationSeconds: number;

  constructor(private readonly options: AssumeRoleOptions) {
    const { name, roleArn, roleSessionName, durationSeconds, externalId, chained, mfa, source } = options;
    this.subject = `role "${name}"`;
    checkInput(this.subject, validateRoleArn, roleArn);
    checkInput(this.subject, validateSessionName, roleSessionName);
    checkInput(this.subject, validateAssumeRoleDuration, durationSeconds);
    if (externalId !== undefined) checkInput(this.subject, validateExternalId, externalId);
    if (mfa) checkInput(this.subject, validateMfaSerial, mfa.device.serial);
    this.durationSeconds = chained ? Math.min(durationSeconds, LIMITS.roleChainSeconds) : durationSeconds;
    this.key = providerKey('assume-role', {
      roleArn,
      externalId,
      roleSessionName,
      durationSeconds: this.durationSeconds,
      mfaSerial: mfa?.device.serial,
      source: source.key,
    });
  }

  async retrieve(): Promise<Session> {
    const { name, roleArn, roleSessionName, externalId, region, identity, source, mfa, notice, sts, codes, clock } = this.options;
    const credentials = await source.retrieve();
    if (this.durationSeconds < this.options.durationSeconds)
      notice(
        `role "${name}" is assumed from another role's session, which AWS caps at ${LIMITS.roleChainSeconds} s: its session lasts ${this.durationSeconds} s instead of ${this.options.durationSeconds} s`,
      );
    const call = (code?: MfaCode) =>
      sts
        .assumeRole({
          credentials,
          region,
          stsEndpoint: identity.stsEndpoint,
          roleArn,
          roleSessionName,
          durationSeconds: this.durationSeconds,
          externalId,
          mfa: code,
        })
        .catch((error: unknown) => {
          throw stsError(error, {
            action: 'AssumeRole',
            subject: this.subject,
            identity,
            signedWithSession: credentials.sessionToken !== undefined,
            roleArn,
            externalId,
            mfaSerial: mfa?.device.serial,
            nowMs: clock.now(),
          });
        });
    const answer = await (mfa ? codes.withCode(mfa, (code) => call({ serial: mfa.device.serial, code })) : call());
    return checkedSession(answer, { action: 'AssumeRole', subject: this.subject, durationSeconds: this.durationSeconds, nowMs: clock.now() });
  }
}
