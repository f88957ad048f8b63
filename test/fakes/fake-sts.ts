/**
 * An in-memory STS that enforces what AWS enforces and moto does not: an MFA code must be the device's
 * code for the current time step (±1 step) and is accepted once per device; duration limits, the
 * roles' MaxSessionDuration and the one-hour cap on roles assumed from a session; issued sessions
 * expire (by the injected clock). It also checks keys, trust (principal, external id, MFA), counts
 * calls per action, and fails on demand. Errors look like the SDK's (name, $fault, $metadata).
 */
import type { Session } from '../../electron/core/sts/credentials';
import type { Clock } from '../../electron/core/clock';
import type { AssumeRoleInput, CallerIdentity, GetSessionTokenInput, MfaCode, StsApi, StsCaller } from '../../electron/core/sts/sts-api';
import { totpCode } from '../../electron/core/totp/totp-code';
import { LIMITS } from '../../electron/shared/validation';

export type FakeStsAction = 'GetSessionToken' | 'AssumeRole' | 'GetCallerIdentity';
export type FakeStsFault = 'throttle' | 'server-error' | 'hang';

export interface FakeUser {
  name: string;
  arn: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Set when the user has a virtual MFA device. */
  mfa?: { serial: string; seed: string };
}

export interface FakeRoleOptions {
  /** sts:ExternalId condition of the trust policy. */
  externalId?: string;
  /** aws:MultiFactorAuthPresent condition of the trust policy. */
  requireMfa?: boolean;
  /** The role's MaxSessionDuration (AWS's default is 3600). */
  maxSessionSeconds?: number;
  /** User names the trust policy allows; every user when absent. */
  trustedUsers?: string[];
}

interface FakeRole extends Required<Omit<FakeRoleOptions, 'externalId' | 'trustedUsers'>> {
  name: string;
  arn: string;
  externalId?: string;
  trustedUsers?: string[];
}

interface Principal {
  arn: string;
  user: FakeUser;
  /** Signed with a session (GetSessionToken's or a role's), not a long-term key. */
  session?: { mfa: boolean };
}

interface IssuedSession extends Principal {
  secretAccessKey: string;
  sessionToken: string;
  expiresAtMs: number;
  session: { mfa: boolean };
}

const PERIOD_MS = 30_000;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

export class FakeSts implements StsApi {
  readonly calls: Record<FakeStsAction, number> = { GetSessionToken: 0, AssumeRole: 0, GetCallerIdentity: 0 };
  /** Every request as received, for tests that check what was sent. */
  readonly requests: { action: FakeStsAction; input: StsCaller & Partial<GetSessionTokenInput & AssumeRoleInput> }[] = [];

  private readonly users = new Map<string, FakeUser>();
  private readonly revoked = new Set<string>();
  private readonly roles = new Map<string, FakeRole>();
  private readonly sessions = new Map<string, IssuedSession>();
  private readonly lastUsedStep = new Map<string, number>();
  private readonly faults: { fault: FakeStsFault; action?: FakeStsAction }[] = [];
  private issued = 0;

  constructor(
    private readonly clock: Clock,
    readonly account = '123456789012',
  ) {}

  addUser(name: string, options: { mfaSeed?: string } = {}): FakeUser {
    const id = name.toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(16, 'X').slice(0, 16);
    const user: FakeUser = {
      name,
      arn: `arn:aws:iam::${this.account}:user/${name}`,
      accessKeyId: `AKIA${id}`,
      secretAccessKey: `${name}/secret/${'k'.repeat(30)}`.slice(0, 40),
      ...(options.mfaSeed ? { mfa: { serial: `arn:aws:iam::${this.account}:mfa/${name}`, seed: options.mfaSeed } } : {}),
    };
    this.users.set(user.accessKeyId, user);
    return user;
  }

  /** A second access key of a user (a rotation): the same user, a new id and secret. */
  addAccessKey(user: FakeUser): FakeUser {
    const rotated: FakeUser = { ...user, accessKeyId: `${user.accessKeyId.slice(0, 16)}ROT2`, secretAccessKey: `${user.secretAccessKey.slice(0, 30)}rotated020` };
    this.users.set(rotated.accessKeyId, rotated);
    return rotated;
  }

  /** Later calls signed with this key fail as they do for a deleted or deactivated key. */
  revokeKey(accessKeyId: string): void {
    this.revoked.add(accessKeyId);
  }

  addRole(name: string, options: FakeRoleOptions = {}): string {
    const arn = `arn:aws:iam::${this.account}:role/${name}`;
    this.roles.set(arn, { name, arn, requireMfa: false, maxSessionSeconds: 3_600, ...options });
    return arn;
  }

  /** The next `times` calls (of `action`, or of any action) fail with `fault`. */
  fail(fault: FakeStsFault, options: { action?: FakeStsAction; times?: number } = {}): void {
    for (let i = 0; i < (options.times ?? 1); i++) this.faults.push({ fault, action: options.action });
  }

  async getSessionToken(input: GetSessionTokenInput): Promise<Session> {
    const principal = await this.receive('GetSessionToken', input);
    if (principal.session) throw awsError('AccessDenied', 'Cannot call GetSessionToken with session credentials', 403);
    checkDuration(input.durationSeconds, LIMITS.sessionTokenSeconds.max);
    if (input.mfa) this.checkMfa(principal.user, input.mfa);
    return this.issue({ arn: principal.user.arn, user: principal.user, session: { mfa: input.mfa !== undefined } }, input.durationSeconds);
  }

  async assumeRole(input: AssumeRoleInput): Promise<Session> {
    const principal = await this.receive('AssumeRole', input);
    const role = this.roles.get(input.roleArn);
    const denied = () =>
      awsError('AccessDenied', `User: ${principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${input.roleArn}`, 403);
    if (!role || (role.trustedUsers && !role.trustedUsers.includes(principal.user.name))) throw denied();
    if (role.externalId !== undefined && input.externalId !== role.externalId) throw denied();
    if (!SESSION_NAME.test(input.roleSessionName))
      throw validationError(`1 validation error detected: Value '${input.roleSessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
    checkDuration(input.durationSeconds, LIMITS.assumeRoleSeconds.max);
    if (principal.session && input.durationSeconds > LIMITS.roleChainSeconds)
      throw validationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    if (input.durationSeconds > role.maxSessionSeconds)
      throw validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    if (input.mfa) this.checkMfa(principal.user, input.mfa);
    const mfa = input.mfa !== undefined || principal.session?.mfa === true;
    if (role.requireMfa && !mfa) throw denied();
    const arn = `arn:aws:sts::${this.account}:assumed-role/${role.name}/${input.roleSessionName}`;
    return this.issue({ arn, user: principal.user, session: { mfa } }, input.durationSeconds);
  }

  async getCallerIdentity(caller: StsCaller): Promise<CallerIdentity> {
    const principal = await this.receive('GetCallerIdentity', caller);
    return { account: this.account, arn: principal.arn, userId: principal.user.accessKeyId };
  }

  /** Counts and records the call, applies a pending fault, and authenticates the caller. */
  private async receive(action: FakeStsAction, input: StsCaller): Promise<Principal> {
    this.calls[action]++;
    this.requests.push({ action, input });
    const index = this.faults.findIndex((f) => f.action === undefined || f.action === action);
    if (index >= 0) {
      const [{ fault }] = this.faults.splice(index, 1) as [{ fault: FakeStsFault }];
      if (fault === 'hang') await new Promise<never>(() => {});
      if (fault === 'throttle') throw awsError('Throttling', 'Rate exceeded', 400);
      throw awsError('InternalFailure', 'We encountered an internal error. Please try again.', 500);
    }
    return this.authenticate(input.credentials);
  }

  private authenticate(credentials: StsCaller['credentials']): Principal {
    const invalid = () => awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
    if (credentials.sessionToken !== undefined) {
      const session = this.sessions.get(credentials.accessKeyId);
      if (!session || session.sessionToken !== credentials.sessionToken || this.revoked.has(session.user.accessKeyId)) throw invalid();
      if (session.secretAccessKey !== credentials.secretAccessKey)
        throw awsError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', 403);
      if (this.clock.now() >= session.expiresAtMs)
        throw awsError('ExpiredToken', 'The security token included in the request is expired', 403);
      return session;
    }
    const user = this.users.get(credentials.accessKeyId);
    if (!user || this.revoked.has(user.accessKeyId)) throw invalid();
    if (user.secretAccessKey !== credentials.secretAccessKey)
      throw awsError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', 403);
    return { arn: user.arn, user };
  }

  /** A code is good for the step before, of and after now, once: AWS refuses a code it has accepted. */
  private checkMfa(user: FakeUser, { serial, code }: MfaCode): void {
    if (!user.mfa || user.mfa.serial !== serial)
      throw awsError(
        'AccessDenied',
        'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.',
        403,
      );
    const { seed } = user.mfa;
    const now = Math.floor(this.clock.now() / PERIOD_MS);
    const step = [now - 1, now, now + 1].find((s) => totpCode(seed, s * PERIOD_MS).code === code);
    const lastUsed = this.lastUsedStep.get(serial);
    if (step === undefined || (lastUsed !== undefined && step <= lastUsed))
      throw awsError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', 403);
    this.lastUsedStep.set(serial, step);
  }

  private issue(principal: Principal & { session: { mfa: boolean } }, durationSeconds: number): Session {
    const n = String(++this.issued).padStart(12, '0');
    const session: IssuedSession = {
      ...principal,
      secretAccessKey: `session-secret-${n}`,
      sessionToken: `session-token-${n}`,
      expiresAtMs: this.clock.now() + durationSeconds * 1000,
    };
    const accessKeyId = `ASIAFAKE${n}`;
    this.sessions.set(accessKeyId, session);
    return { accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken, expiration: new Date(session.expiresAtMs) };
  }
}

function checkDuration(seconds: number, max: number): void {
  if (seconds < 900 || seconds > max)
    throw validationError(`1 validation error detected: Value '${seconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and ${max}`);
}

function validationError(message: string): Error {
  return awsError('ValidationError', message, 400);
}

function awsError(name: string, message: string, httpStatusCode: number): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode, attempts: 1 },
  });
}
