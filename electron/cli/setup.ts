/** What the setup commands share: name checks, and saving settings together with a keychain secret. */
import { LatchkeyError } from '../shared/errors';
import type { Settings } from '../shared/model';
import type { SecretKind } from '../core/keychain/keychain';
import type { CliContext } from './cli-context';

/** Identities and roles share one namespace. */
export function assertNameFree(settings: Settings, name: string): void {
  if (settings.identities.some((identity) => identity.name === name))
    throw new LatchkeyError('already-exists', `an identity is already named "${name}": pick another name, or \`latchkey remove identity ${name}\` first`);
  if (settings.roles.some((role) => role.name === name))
    throw new LatchkeyError('already-exists', `a role is already named "${name}": pick another name, or \`latchkey remove role ${name}\` first`);
}

/**
 * Stores the secret, then the settings change; if the settings refuse the change, the secret is taken
 * back out so the keychain is left as it was.
 */
export async function saveWithSecret(
  context: CliContext,
  secret: { kind: SecretKind; name: string; secret: string } | undefined,
  change: (settings: Settings) => void,
): Promise<void> {
  const keychain = context.keychain();
  const previous = secret && (await keychain.get(secret.kind, secret.name));
  if (secret) await keychain.set(secret.kind, secret.name, secret.secret);
  try {
    await context.settings.update(change);
  } catch (error) {
    if (secret) {
      if (previous === undefined) await keychain.delete(secret.kind, secret.name);
      else await keychain.set(secret.kind, secret.name, previous);
    }
    throw error;
  }
}
