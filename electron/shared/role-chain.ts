/**
 * How a name reaches the identity whose long-term key starts it, and the rules that follow from the
 * chain: which region its sessions use and when a role sends its MFA code on AssumeRole itself. One walk
 * for every layer — the provider builder, the settings checks, import, the tray, the settings handlers
 * and the settings window — so none of them can disagree about a chained role.
 */
import { LatchkeyError } from './errors';
import type { Identity, Preferences, Role, Settings } from './model';
import { LIMITS } from './validation';

type Entries = Pick<Settings, 'identities' | 'roles'>;

export interface ChainWalk<I = Identity> {
  /** The name first (when it is a role), then its source role, and so on, each once. */
  roles: Role[];
  /** The identity the chain starts at; absent when a source is missing or the roles loop. */
  identity?: I;
  /** Where the walk stopped: the identity's name, the missing source, or the role a loop came back to. */
  end: string;
  cycle: boolean;
}

export interface RoleChain {
  identity: Identity;
  /** The named role first, then its source role, and so on; empty for an identity's own name. */
  roles: Role[];
}

/**
 * Walks whatever the entries hold, loops and missing sources included (the settings window sees unchecked
 * input, and identities as its view has them: any entry with a name will do).
 */
export function walkChain<I extends { name: string }>({ identities, roles }: { identities: readonly I[]; roles: readonly Role[] }, name: string): ChainWalk<I> {
  const chain: Role[] = [];
  // Each role at most once, so a loop ends the walk; that also bounds its depth by the number of roles.
  for (let current = name; ; ) {
    const identity = identities.find((entry) => entry.name === current);
    if (identity) return { roles: chain, identity, end: current, cycle: false };
    const role = roles.find((entry) => entry.name === current);
    if (!role) return { roles: chain, end: current, cycle: false };
    if (chain.includes(role)) return { roles: chain, end: current, cycle: true };
    chain.push(role);
    current = role.source;
  }
}

/** The chain of a name in checked settings; a name that leads nowhere is a person's mistake or a damaged file. */
export function roleChain(entries: Entries, name: string): RoleChain {
  const walk = walkChain(entries, name);
  if (walk.identity) return { identity: walk.identity, roles: walk.roles };
  if (walk.roles.length === 0)
    throw new LatchkeyError('not-found', `no identity or role is named "${name}": check the name, or add it in Latchkey's settings`);
  throw new LatchkeyError(
    'settings',
    walk.cycle
      ? `role "${name}" comes back to role "${walk.end}" through its sources: check the settings file`
      : `role "${name}" leads to "${walk.end}", which is neither an identity nor a role: check the settings file`,
  );
}

/**
 * The region a name's sessions use, for STS calls and for the tools they are handed to: the nearest one
 * set along the chain, from the named role down to the identity. A region set on an intermediate role
 * describes where the roles reached through it live, so it beats the identity's.
 */
export function chainRegion({ identity, roles }: RoleChain): string | undefined {
  return roles.find((role) => role.region !== undefined)?.region ?? identity.region;
}

/** The chain of the role at `index` in `chain.roles` (the role itself first). */
export function chainFrom(chain: RoleChain, index: number): RoleChain {
  return { identity: chain.identity, roles: chain.roles.slice(index) };
}

/**
 * A role's session length: its own, else the preference. Assumed from another role's session, AWS caps
 * it at an hour (the provider clamps it and says so).
 */
export function roleDuration(role: Role, preferences: Pick<Preferences, 'roleSessionSeconds'>): number {
  return role.durationSeconds ?? preferences.roleSessionSeconds;
}

/**
 * Whether a role sends its MFA code on AssumeRole itself rather than relying on the identity's MFA
 * session. A role assumed from another role must (its source is a role session, which carries no MFA of
 * the identity's); a role assumed from the identity does when asked to (`directMfa`), or when it would
 * last longer than AWS lets a session assumed from an MFA session last.
 */
export function sendsCodeOnAssumeRole(role: Role, fromRole: boolean, preferences: Pick<Preferences, 'roleSessionSeconds'>): boolean {
  if (role.mfaDevice === undefined) return false;
  return fromRole || role.directMfa || roleDuration(role, preferences) > LIMITS.roleChainSeconds;
}
