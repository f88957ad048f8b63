/**
 * The provider tree behind a profile name, from the settings: "one MFA, many roles".
 *
 * - An identity's profile is its session from GetSessionToken, with MFA when it has a device, so tools
 *   never see the long-term key.
 * - A role with an MFA device is assumed from the identity's MFA session: one code serves every such
 *   role for as long as that session is cached. AWS caps roles assumed from an MFA session at one
 *   hour, so a role that asks for longer, or chose `directMfa`, sends the code on AssumeRole itself
 *   (signed with the long-term key).
 * - A role without an MFA device is assumed with the long-term key.
 * - A role whose source is another role is assumed from that role's session (a chain); its own MFA
 *   device, if any, sends the code on its AssumeRole.
 *
 * Every session provider, sources included, goes through `wrap` (the session cache), which is how the
 * MFA session is shared between roles.
 */
import { LatchkeyError } from '../../shared/errors';
import { iamUserName } from '../../shared/iam-user-name';
import type { Identity, MfaDevice, Preferences, Settings } from '../../shared/model';
import { chainFrom, chainRegion, roleChain, roleDuration, sendsCodeOnAssumeRole } from '../../shared/role-chain';
import type { Clock } from '../clock';
import type { Keychain } from '../keychain/keychain';
import { identityDevice } from '../settings/identity-device';
import { AssumeRoleProvider } from './assume-role-provider';
import type { CredentialProvider } from './credentials';
import { IdentityProvider } from './identity-provider';
import type { MfaCodeSource } from './mfa-code-source';
import { SessionTokenProvider } from './session-token-provider';
import type { StsApi } from './sts-api';
import { DEFAULT_STS_REGION } from './sts-endpoint';

/** Settings that passed check-settings (references resolve, chains end at an identity). */
export type ProviderSettings = Pick<Settings, 'identities' | 'mfaDevices' | 'roles'> & {
  preferences: Pick<Preferences, 'mfaSessionSeconds' | 'roleSessionSeconds'>;
};

export interface ProviderDeps {
  settings: ProviderSettings;
  keychain: Keychain;
  sts: StsApi;
  codes: MfaCodeSource;
  clock: Clock;
  /** Tells the person something they should know but that is not an error (a clamped duration). */
  notice: (message: string) => void;
  /**
   * Wraps every session provider, including the sources of others: the session cache. `owner` is the
   * name the session is kept under: the role's, or the identity's (with the device's when a role uses
   * another device of the identity than its own, so the two MFA sessions do not replace each other).
   */
  wrap: (provider: CredentialProvider, owner: string) => CredentialProvider;
}

/** `requester` is shown in MFA prompts: "tray", "credential_process dev". */
export function buildProvider(name: string, requester: string, deps: ProviderDeps): CredentialProvider {
  const { settings, keychain, sts, codes, clock, notice, wrap } = deps;

  const ownDevice = (identity: Identity) => identityDevice(settings, identity.name);
  const identitySession = (identity: Identity, device: MfaDevice | undefined): CredentialProvider =>
    wrap(
      new SessionTokenProvider({
        identity,
        source: new IdentityProvider(identity, keychain),
        durationSeconds: settings.preferences.mfaSessionSeconds,
        mfa: device && { device, identity, requester },
        sts,
        codes,
        clock,
      }),
      device === undefined || device.name === ownDevice(identity)?.name ? identity.name : `${identity.name} (MFA ${device.name})`,
    );

  const chain = roleChain(settings, name);
  const { identity } = chain;
  if (chain.roles.length === 0) return identitySession(identity, ownDevice(identity));

  // From the identity up: each role is assumed from the session of the one below it.
  return chain.roles.reduceRight<CredentialProvider | undefined>((below, role, index) => {
    const device = role.mfaDevice === undefined ? undefined : named(settings.mfaDevices, role.mfaDevice);
    const fromRole = below !== undefined;
    const sendsCode = sendsCodeOnAssumeRole(role, fromRole, settings.preferences);
    return wrap(
      new AssumeRoleProvider({
        name: role.name,
        roleArn: role.roleArn,
        roleSessionName: role.sessionName ?? defaultSessionName(identity),
        durationSeconds: roleDuration(role, settings.preferences),
        externalId: role.externalId,
        region: chainRegion(chainFrom(chain, index)) ?? DEFAULT_STS_REGION,
        identity,
        source: below ?? (device && !sendsCode ? identitySession(identity, device) : new IdentityProvider(identity, keychain)),
        chained: fromRole,
        mfa: sendsCode && device ? { device, identity, requester } : undefined,
        notice,
        sts,
        codes,
        clock,
      }),
      role.name,
    );
  }, undefined) as CredentialProvider;
}

/** Settings that passed their integrity checks refer only to entries that exist. */
function named<T extends { name: string }>(entries: readonly T[], name: string): T {
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new LatchkeyError('settings', `the settings refer to "${name}", which does not exist: check the settings file`);
  return entry;
}

/**
 * The IAM user's name when "verify" recorded the identity's ARN, else the identity's name, made a valid
 * RoleSessionName (2-64 of [\w+=,.@-]), so CloudTrail shows who assumed the role.
 */
function defaultSessionName(identity: Identity): string {
  const user = iamUserName(identity.arn) ?? identity.name;
  const name = user.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
  return name.length >= 2 ? name : `${name}-latchkey`;
}
