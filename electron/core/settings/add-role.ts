/** Adds a role; the settings check that its source and MFA device exist and belong together. */
import type { Role, Settings } from '../../shared/model';
import { assertNameFree } from './assert-name-free';
import type { SettingsStore } from './settings-store';

export async function addRole(store: SettingsStore, role: Role): Promise<Settings> {
  assertNameFree(await store.load(), role.name);
  return store.update((settings) => {
    settings.roles.push(role);
  });
}
