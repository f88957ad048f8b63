/**
 * After an import has stored its keys, records what AWS says about each imported key (its account id,
 * ARN and creation date, exactly as `identity add --verify` does: identify-identity.ts). Best effort: a
 * key that cannot be identified (AWS refuses it, the network is down) stays imported, and the caller
 * hears which and why. All keys are asked at once, so the wait is that of the slowest one, and each
 * call has its own deadline (sts/sdk-call.ts), so the wait is bounded however many keys there are.
 */
import { describeError } from '../../shared/errors';
import type { Identity } from '../../shared/model';
import { identifyIdentity, type IdentifyDeps, type KeyFacts } from './identify-identity';
import type { SettingsStore } from './settings-store';

export interface ImportedKey {
  identity: Identity;
  secretAccessKey: string;
}

export interface UnidentifiedKey {
  name: string;
  /** Why, on one line, for the person; it names the key masked, never the secret. */
  reason: string;
}

export async function identifyImported(deps: IdentifyDeps & { settings: SettingsStore }, keys: readonly ImportedKey[]): Promise<UnidentifiedKey[]> {
  const outcomes = await Promise.all(
    keys.map(({ identity, secretAccessKey }) =>
      // The secret is in the keychain by now, so a refusal names the stored one.
      identifyIdentity(deps, identity, secretAccessKey, { secretEntered: false }).then(
        ({ facts }) => ({ identity, facts }),
        (error: unknown) => ({ identity, reason: withoutName(identity.name, describeError(error).replace(/\s+/g, ' ')) }),
      ),
    ),
  );
  const found = outcomes.flatMap((outcome) => ('facts' in outcome ? [outcome] : []));
  if (found.length > 0) await deps.settings.update((settings) => record(settings.identities, found));
  return outcomes.flatMap((outcome) => ('reason' in outcome ? [{ name: outcome.identity.name, reason: outcome.reason }] : []));
}

/** The reason without the name it starts with when the STS error names the identity: the caller names it. */
function withoutName(name: string, reason: string): string {
  const prefix = `identity "${name}": `;
  return reason.startsWith(prefix) ? reason.slice(prefix.length) : reason;
}

/** Onto the identities as they are now: one changed or removed meanwhile (another process) is left alone. */
function record(identities: Identity[], found: { identity: Identity; facts: KeyFacts }[]): void {
  for (const { identity, facts } of found) {
    const at = identities.findIndex((entry) => entry.name === identity.name && entry.accessKeyId === identity.accessKeyId);
    const current = identities[at];
    if (current) identities[at] = { ...current, ...facts };
  }
}
