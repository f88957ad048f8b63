/**
 * Which entries of an import preview can be imported given what the person ticked: a device needs its
 * identity, a role its source (and device). What the preview does not list is already in Latchkey, so a
 * reference to it always holds.
 */
import { chosenAdoptable } from '../../../electron/shared/chosen-adoptable';
import type { ImportPreview, ImportSelection } from '../../../electron/shared/ipc-contract';

export type Group = 'identities' | 'mfaDevices' | 'roles';
export type Chosen = Omit<ImportSelection, 'scrub' | 'adopt'>;

export function importable(preview: ImportPreview, ticked: Record<Group, Set<string>>): Chosen {
  const listed = (group: Group, name: string) => preview[group].some((entry) => entry.name === name);
  const identities = preview.identities.map((i) => i.name).filter((name) => ticked.identities.has(name));
  const has = (group: Group, chosen: string[], name: string) => !listed(group, name) || chosen.includes(name);
  const mfaDevices = preview.mfaDevices.filter((d) => ticked.mfaDevices.has(d.name) && has('identities', identities, d.identity)).map((d) => d.name);

  // Roles may come from roles listed after them: take them in passes until nothing changes.
  const roles: string[] = [];
  for (let added = true; added; ) {
    added = false;
    for (const role of preview.roles) {
      if (roles.includes(role.name) || !ticked.roles.has(role.name)) continue;
      const sourceHolds = listed('identities', role.source) ? identities.includes(role.source) : has('roles', roles, role.source);
      if (sourceHolds && (role.mfaDevice === undefined || has('mfaDevices', mfaDevices, role.mfaDevice))) {
        roles.push(role.name);
        added = true;
      }
    }
  }
  return { identities, mfaDevices, roles };
}

/** The profiles adopting would give credential_process: those of the chosen entries, as main decides. */
export function adoptedProfiles(preview: ImportPreview, chosen: Chosen): string[] {
  const offered = [...preview.identities.map((i) => i.name), ...preview.roles.map((r) => r.name)];
  return chosenAdoptable(preview.adoptable, offered, [...chosen.identities, ...chosen.roles]).map((entry) => entry.profile);
}
