/** The region tools should use with a name's session: the role's own, else its source's, down to the identity's. */
import type { Settings } from '../../shared/model';

export function regionOf(settings: Pick<Settings, 'identities' | 'roles'>, name: string): string | undefined {
  // Bounded by the number of roles, so a cycle (which the settings check refuses anyway) cannot hang.
  for (let current = name, hops = 0; hops <= settings.roles.length; hops++) {
    const role = settings.roles.find((r) => r.name === current);
    if (!role) return settings.identities.find((i) => i.name === current)?.region;
    if (role.region) return role.region;
    current = role.source;
  }
  return undefined;
}
