/**
 * Removes an identity, MFA device or role: its cached sessions, what Latchkey wrote for it in the AWS
 * files (unpublished), its keychain secret, and last its settings entry, so a removal that fails half
 * way can be run again and finishes the job rather than stranding a secret. Refused while something
 * still uses it, so a removal never leaves a role without its source or device.
 */
import { LatchkeyError } from '../../shared/errors';
import type { Settings } from '../../shared/model';
import type { SecretKind } from '../keychain/keychain';
import type { SessionEngine } from '../sessions/session-engine';
import type { ProfileFilesDeps } from '../sessions/configure-process';
import { unpublish } from '../sessions/unpublish';
import type { SetupStores } from './save-with-secret';

export type EntryKind = 'identity' | 'mfa' | 'role';

const KINDS = {
  identity: { list: 'identities', secret: 'identity', label: 'identity' },
  mfa: { list: 'mfaDevices', secret: 'mfa-seed', label: 'MFA device' },
  role: { list: 'roles', secret: undefined, label: 'role' },
} as const satisfies Record<EntryKind, { list: keyof Settings; secret: SecretKind | undefined; label: string }>;

export const ENTRY_KINDS = Object.keys(KINDS) as EntryKind[];
export const ENTRY_LABELS = Object.fromEntries(ENTRY_KINDS.map((kind) => [kind, KINDS[kind].label])) as Record<EntryKind, string>;

export interface RemoveDeps extends SetupStores, Pick<ProfileFilesDeps, 'env'> {
  engine: Pick<SessionEngine, 'forget'>;
}

/**
 * Returns the settings saved and what was unpublished, a line each. An identity's secret key may exist
 * nowhere else (import --scrub took it off the disk), so its removal needs `deleteKey`: the person's
 * confirmation (the window asks; the CLI wants --delete-key).
 */
export async function removeEntry(
  deps: RemoveDeps,
  kind: EntryKind,
  name: string,
  { deleteKey }: { deleteKey: boolean },
): Promise<{ settings: Settings; unpublished: string[] }> {
  const { list, secret, label } = KINDS[kind];
  const current = await deps.settings.load();
  const entries: { name: string }[] = current[list];
  if (!entries.some((entry) => entry.name === name)) throw new LatchkeyError('not-found', `no ${label} is named "${name}"`);
  const users = usersOf(current, kind, name);
  if (users.length > 0) throw new LatchkeyError('invalid-input', `${label} "${name}" is still used by ${users.join(', ')}: remove those first`);
  if (kind === 'identity' && !deleteKey)
    throw new LatchkeyError(
      'invalid-input',
      `removing identity "${name}" deletes its secret access key from the keychain, which may hold its only copy: add --delete-key to go ahead, or use \`latchkey identity update\` to change the key instead`,
    );

  // Cached sessions can only be found through the entry, so they go before it. An MFA device has none of its own.
  if (kind !== 'mfa') await deps.engine.forget(name).catch(() => undefined);
  // An MFA device publishes nothing of its own (a device may share its identity's name).
  const published = kind === 'mfa' ? [] : [...current.published, ...current.processProfiles];
  const profiles = new Set(published.filter((entry) => entry.source === name).map((entry) => entry.profile));
  const unpublished: string[] = [];
  for (const profile of profiles) unpublished.push(...(await unpublish(deps, profile)));
  if (secret) await deps.keychain.delete(secret, name);
  const settings = await deps.settings.update((s) => {
    const from: { name: string }[] = s[list];
    const at = from.findIndex((entry) => entry.name === name);
    if (at >= 0) from.splice(at, 1);
  });
  return { settings, unpublished };
}

function usersOf(settings: Settings, kind: EntryKind, name: string): string[] {
  const roles = (uses: (role: Settings['roles'][number]) => boolean) => settings.roles.filter(uses).map((role) => `role "${role.name}"`);
  if (kind === 'identity')
    return [
      ...roles((role) => role.source === name),
      ...settings.mfaDevices.filter((device) => device.identity === name).map((device) => `MFA device "${device.name}"`),
    ];
  if (kind === 'mfa') return roles((role) => role.mfaDevice === name);
  return roles((role) => role.source === name);
}
