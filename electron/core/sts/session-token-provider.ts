/**
 * An identity's session from GetSessionToken, with the identity's MFA when it has a device: the "MFA
 * session" that, cached, lets many roles be assumed after one MFA code. Signed with the long-term key.
 */
import type { Session, CredentialProvider } from './credentials';
import type { Identity } from '../../shared/model';
import { validateMfaSerial, validateSessionTokenDuration } from '../../shared/validation';
import type { Clock } from '../clock';
import { checkInput } from './check-input';
import { checkedSession } from './checked-session';
import type { MfaCodeRequest, MfaCodeSource } from './mfa-code-source';
import { providerKey } from './provider-key';
import type { MfaCode, StsApi } from './sts-api';
import { DEFAULT_STS_REGION } from './sts-endpoint';
import { stsError } from './sts-errors';

export interface SessionTokenOptions {
  identity: Identity;
  /** The identity's long-term key. */
  source: CredentialProvider;
  durationSeconds: number;
  /** The identity's MFA device and who is asking, when the session should carry MFA. */
  mfa?: MfaCodeRequest;
  sts: StsApi;
  codes: MfaCodeSource;
  clock: Clock;
}

export class SessionTokenProvider implements CredentialProvider {
  readonly key: string;
  private readonly subject: string;

  constructor(private readonly options: SessionTokenOptions) {
    const { identity, durationSeconds, mfa } = options;
    this.subject = `identity "${identity.name}"`;
    checkInput(this.subject, validateSessionTokenDuration, durationSeconds);
    if (mfa) checkInput(this.subject, validateMfaSerial, mfa.device.serial);
    this.key = providerKey('session-token', {
      identity: identity.name,
      accessKeyId: identity.accessKeyId,
      mfaSerial: mfa?.device.serial,
      durationSeconds,
    });
  }

  async retrieve(): Promise<Session> {
    const { identity, source, durationSeconds, mfa, sts, codes, clock } = this.options;
    const credentials = await source.retrieve();
    const region = identity.region ?? DEFAULT_STS_REGION;
    const call = (code?: MfaCode) =>
      sts.getSessionToken({ credentials, region, stsEndpoint: identity.stsEndpoint, durationSeconds, mfa: code }).catch((error: unknown) => {
        throw stsError(error, {
          action: 'GetSessionToken',
          subject: this.subject,
          identity,
          signedWithSession: credentials.sessionToken !== undefined,
          mfaSerial: mfa?.device.serial,
          nowMs: clock.now(),
        });
      });
    const answer = await (mfa ? codes.withCode(mfa, (code) => call({ serial: mfa.device.serial, code })) : call());
    return checkedSession(answer, { action: 'GetSessionToken', subject: this.subject, durationSeconds, nowMs: clock.now() });
  }
}
