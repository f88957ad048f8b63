/**
 * The part of a fresh import plan the person ticked in the preview. A ticked entry the plan no longer
 * has means ~/.aws or the settings changed since the preview: refuse rather than import something else.
 */
import { LatchkeyError } from '../../shared/errors';
import type { ImportSelection } from '../../shared/ipc-contract';
import type { ImportSource } from '../../core/settings/read-import-plan';

export function pickImport(source: ImportSource, selection: Omit<ImportSelection, 'scrub'>): ImportSource {
  const { plan } = source;
  return {
    ...source,
    plan: {
      ...plan,
      identities: pick(plan.identities, selection.identities, (entry) => entry.identity.name),
      mfaDevices: pick(plan.mfaDevices, selection.mfaDevices, (device) => device.name),
      roles: pick(plan.roles, selection.roles, (role) => role.name),
    },
  };
}

function pick<T>(entries: T[], names: string[], nameOf: (entry: T) => string): T[] {
  const missing = names.filter((name) => !entries.some((entry) => nameOf(entry) === name));
  if (missing.length > 0)
    throw new LatchkeyError('invalid-input', `${missing.map((name) => `"${name}"`).join(', ')} can no longer be imported: ~/.aws or the settings changed; look at the preview again`);
  return entries.filter((entry) => names.includes(nameOf(entry)));
}
