/** Identities and roles share one namespace: `latchkey credential-process NAME` takes either. */
import { LatchkeyError } from '../../shared/errors';
import type { Settings } from '../../shared/model';

export function assertNameFree(settings: Settings, name: string): void {
  if (settings.identities.some((identity) => identity.name === name))
    throw new LatchkeyError('already-exists', `an identity is already named "${name}": pick another name, or remove that identity first`);
  if (settings.roles.some((role) => role.name === name))
    throw new LatchkeyError('already-exists', `a role is already named "${name}": pick another name, or remove that role first`);
}
