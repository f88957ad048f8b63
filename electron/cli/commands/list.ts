/**
 * `latchkey list [--json]`: identities, MFA devices and roles, with whether each identity's secret is in
 * the keychain (never the secret), and each device's seed as the settings record it (hasSeed, the one
 * truth every layer reads). The list itself needs only the settings file: a keychain that cannot answer
 * (locked, stopped, absent) leaves "stored" unknown, says why on stderr, and the command still succeeds.
 */
import { isLatchkeyError } from '../../shared/errors';
import { maskAccessKeyId } from '../../shared/mask';
import type { Keychain } from '../../core/keychain/keychain';
import { isKeychainErrorCode, type KeychainErrorCode } from '../../core/keychain/keychain-error';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print, type Io } from '../io';
import { rows } from '../rows';

const UNKNOWN_BECAUSE: Record<KeychainErrorCode, string> = {
  'keychain-locked': 'keychain locked',
  'keychain-unavailable': 'no keychain',
  'keychain-timeout': 'keychain not answering',
  'keychain-failure': 'keychain failed',
};

export const command: Command = {
  options: { json: { type: 'boolean', default: false, help: 'print JSON for programs (a secret whose presence is unknown is null)' } },
  positionals: { min: 0, max: 0 },
  help: { examples: ['latchkey list', 'latchkey list --json | jq -r \'.roles[].name\''] },
  async run({ values }, io) {
    const context = new CliContext(io);
    const settings = await context.settings.load();
    const stored = await storedSecrets(context.keychain(), io);
    // null: not known, because the keychain did not answer.
    const identities = settings.identities.map((identity) => ({
      ...identity,
      accessKeyId: maskAccessKeyId(identity.accessKeyId),
      secretStored: stored.known ? stored.identities.includes(identity.name) : null,
    }));
    const { mfaDevices } = settings;
    if (values.json) {
      print(io.stdout, JSON.stringify({ identities, mfaDevices, roles: settings.roles }, null, 2));
      return 0;
    }
    const unknown = stored.known ? '' : `unknown (${stored.because})`;
    const secretColumn = (storedSecret: boolean | null) => (storedSecret === null ? `secret stored: ${unknown}` : storedSecret ? '' : '(secret missing)');
    const seedColumn = (d: (typeof mfaDevices)[number]) => (d.hasSeed ? (d.autoMfa ? 'seed, auto-MFA' : 'seed') : '');
    const lines: string[] = [];
    lines.push('identities:', ...rows(identities.map((i) => [i.name, i.accessKeyId, i.region ?? '', i.arn ?? '', secretColumn(i.secretStored)])));
    lines.push('mfa devices:', ...rows(mfaDevices.map((d) => [d.name, d.serial, `identity ${d.identity}`, seedColumn(d)])));
    lines.push('roles:', ...rows(settings.roles.map((r) => [r.name, r.roleArn, `from ${r.source}`, r.mfaDevice ? `mfa ${r.mfaDevice}` : ''])));
    print(io.stdout, lines.join('\n'));
    return 0;
  },
};

type StoredSecrets = { known: true; identities: string[] } | { known: false; because: string };

async function storedSecrets(keychain: Keychain, io: Io): Promise<StoredSecrets> {
  try {
    // The listing has no timeout of its own and would outlive the command against a stopped daemon; the
    // check first fails within its own.
    await keychain.check();
    return { known: true, identities: await keychain.list('identity') };
  } catch (error) {
    if (!isLatchkeyError(error) || !isKeychainErrorCode(error.code)) throw error;
    print(io.stderr, `latchkey list: which secrets are stored is unknown: ${error.message}`);
    return { known: false, because: UNKNOWN_BECAUSE[error.code] };
  }
}
