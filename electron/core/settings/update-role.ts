/**
 * Replaces a role with its edited version. An edit that changes anything supersedes the sessions of
 * the role and of the roles chained from it.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Role } from '../../shared/model';
import { findEntry } from './find-entry';
import type { SettingsStore } from './settings-store';
import { supersededSessions, type SettingsEdit } from './superseded-sessions';

export async function updateRole(store: SettingsStore, role: Role): Promise<SettingsEdit> {
  let unchanged = false;
  const settings = await store.update((s) => {
    unchanged = isDeepStrictEqual(definedFields(findEntry(s.roles, 'role', role.name)), definedFields(role));
    s.roles = s.roles.map((entry) => (entry.name === role.name ? role : entry));
  });
  return { settings, superseded: unchanged ? [] : supersededSessions(settings, [role.name]) };
}

/** A field set to undefined and a field left out mean the same. */
function definedFields(role: Role): Partial<Role> {
  return Object.fromEntries(Object.entries(role).filter(([, value]) => value !== undefined));
}
