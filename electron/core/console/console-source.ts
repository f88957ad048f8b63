/**
 * Which session a console sign-in uses for a name, and what the federation endpoint's SessionDuration
 * may be for it (the rules of AWS's "custom identity broker" guide):
 *
 * - A role's session is used as it is. SessionDuration (900-43200 s, the console session's own length)
 *   is allowed only for a role assumed with an IAM user's long-term key; for a role assumed from another
 *   role (a chain) or from an MFA session (GetSessionToken) AWS refuses the sign-in token when it is
 *   sent ("Invalid credentials parameter"), so it is left out and AWS gives the console an hour.
 * - An identity's own session comes from GetSessionToken, which the federation endpoint does not accept,
 *   so its console session is a federation token (GetFederationToken, signed with the long-term key).
 *   That carries no MFA: actions the user's policies allow only with MFA are denied in that console,
 *   which is why a role is the better way in where the policies ask for MFA. Its length is the token's
 *   own, so SessionDuration is left out.
 */
import type { Identity, Preferences, Role, Settings } from '../../shared/model';
import { roleChain, roleDuration, sendsCodeOnAssumeRole } from '../../shared/role-chain';
import { LIMITS } from '../../shared/validation';

export type ConsoleSource =
  | { kind: 'role'; identity: Identity; role: Role; chain: Role[]; sessionDuration?: number }
  | { kind: 'federation-token'; identity: Identity; durationSeconds: number };

export function consoleSource(settings: Pick<Settings, 'identities' | 'roles'> & { preferences: Pick<Preferences, 'roleSessionSeconds'> }, name: string): ConsoleSource {
  const chain = roleChain(settings, name);
  const [role] = chain.roles;
  // The console gets as long as a role session would.
  if (role === undefined) return { kind: 'federation-token', identity: chain.identity, durationSeconds: settings.preferences.roleSessionSeconds };
  const withLongTermKey = chain.roles.length === 1 && (role.mfaDevice === undefined || sendsCodeOnAssumeRole(role, false, settings.preferences));
  const seconds = Math.min(Math.max(roleDuration(role, settings.preferences), LIMITS.assumeRoleSeconds.min), LIMITS.assumeRoleSeconds.max);
  return { kind: 'role', identity: chain.identity, role, chain: chain.roles, ...(withLongTermKey ? { sessionDuration: seconds } : {}) };
}
