/**
 * The part of a fresh import plan the person ticked in the preview, with the adoptable profiles of
 * what was ticked. A ticked entry the plan no longer has means ~/.aws or the settings changed since the
 * preview: refuse rather than import something else.
 */
import { chosenAdoptable } from '../../shared/chosen-adoptable';
import { LatchkeyError } from '../../shared/errors';
import type { ImportSelection } from '../../shared/ipc-contract';
import type { ImportSource } from './read-import-plan';

export function pickImport(source: ImportSource, selection: Omit<ImportSelection, 'scrub' | 'adopt'>): ImportSource {
  const { plan } = source;
  const identities = pick(plan.identities, selection.identities, (entry) => entry.identity.name);
  const roles = pick(plan.roles, selection.roles, (role) => role.name);
  const names = (entries: { identity: { name: string } }[], more: { name: string }[]) => [...entries.map((entry) => entry.identity.name), ...more.map((role) => role.name)];
  return {
    ...source,
    plan: {
      ...plan,
      identities,
      mfaDevices: pick(plan.mfaDevices, selection.mfaDevices, (device) => device.name),
      roles,
      adoptable: chosenAdoptable(plan.adoptable, names(plan.identities, plan.roles), names(identities, roles)),
    },
  };
}

function pick<T>(entries: T[], names: string[], nameOf: (entry: T) => string): T[] {
  const missing = names.filter((name) => !entries.some((entry) => nameOf(entry) === name));
  if (missing.length > 0)
    throw new LatchkeyError('invalid-input', `${missing.map((name) => `"${name}"`).join(', ')} can no longer be imported: ~/.aws or the settings changed; look at the preview again`);
  return entries.filter((entry) => names.includes(nameOf(entry)));
}
