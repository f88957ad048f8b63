/**
 * Which cached sessions an edit makes stale. A session is made from its entry and, down a chain, from
 * every entry its source chain passes through: editing an identity's key or a role supersedes the
 * sessions of the entry itself and of every role chained from it. The front ends forget those names.
 */
import type { Settings } from '../../shared/model';

/** The settings an edit saved, and the names whose cached sessions it made stale. */
export interface SettingsEdit {
  settings: Settings;
  superseded: string[];
}

/** `changed` and every role whose source chain passes through one of them, in settings order. */
export function supersededSessions(settings: Pick<Settings, 'roles'>, changed: readonly string[]): string[] {
  const roles = new Map(settings.roles.map((role) => [role.name, role]));
  const reaches = (name: string): boolean => {
    // Bounded by the number of roles, so a cycle (which the settings check refuses anyway) cannot hang.
    for (let current = name, hops = 0; hops <= roles.size; hops++) {
      if (changed.includes(current)) return true;
      const role = roles.get(current);
      if (!role) return false;
      current = role.source;
    }
    return false;
  };
  return [...new Set([...changed, ...settings.roles.filter((role) => reaches(role.name)).map((role) => role.name)])];
}
