/**
 * Replaces a role with its edited version. Cached sessions need no clearing: a session's cache key holds
 * everything that shaped it, so an edited role asks for a new one.
 */
import type { Role, Settings } from '../../shared/model';
import type { SettingsStore } from '../../core/settings/settings-store';
import { findEntry } from './find-entry';

export async function updateRole(store: SettingsStore, role: Role): Promise<Settings> {
  return store.update((settings) => {
    findEntry(settings.roles, 'role', role.name);
    settings.roles = settings.roles.map((entry) => (entry.name === role.name ? role : entry));
  });
}
