/** The identity a role's chain of sources starts at (the MFA devices it may use are that identity's). */
import type { Role } from '../../../electron/shared/model';

export function chainRoot(roles: readonly Role[], source: string): string {
  let current = source;
  // Bounded by the number of roles, so a loop (which main refuses anyway) cannot hang the page.
  for (let hops = 0; hops <= roles.length; hops++) {
    const role = roles.find((r) => r.name === current);
    if (!role) return current;
    current = role.source;
  }
  return current;
}
