/** The roles behind a name, down to the identity whose long-term key starts the chain. */
import { LatchkeyError } from '../../shared/errors';
import type { Identity, Role, Settings } from '../../shared/model';

export interface RoleChain {
  identity: Identity;
  /** The named role first, then its source role, and so on; empty for an identity's own name. */
  roles: Role[];
}

export function roleChain(settings: Pick<Settings, 'identities' | 'roles'>, name: string): RoleChain {
  const roles: Role[] = [];
  for (let next = name; ; ) {
    const identity = settings.identities.find((entry) => entry.name === next);
    if (identity) return { identity, roles };
    const role = settings.roles.find((entry) => entry.name === next);
    // Checked settings have no loops; a hand-edited file might.
    if (!role || roles.includes(role))
      throw new LatchkeyError('settings', `"${name}" does not lead to an identity through its sources: check the settings file`);
    roles.push(role);
    next = role.source;
  }
}
