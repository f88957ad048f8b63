/**
 * `latchkey remove identity|mfa|role NAME`: the settings entry, its keychain secret, its cached sessions
 * and what Latchkey wrote for it in the AWS files (each listed). Refused while something still uses it
 * (a role of the identity, a role using the device).
 */
import { check, validateName } from '../../shared/validation';
import { ENTRY_KINDS, ENTRY_LABELS, removeEntry, type EntryKind } from '../../core/settings/remove-entry';
import { CliContext } from '../cli-context';
import { usageError, type Command } from '../command';
import { didYouMean } from '../did-you-mean';
import { print } from '../io';

export const command: Command = {
  options: {
    'delete-key': { type: 'boolean', help: 'for an identity: yes, delete its secret access key from the keychain, which may hold its only copy' },
  },
  positionals: { min: 2, max: 2 },
  help: {
    arguments: { [ENTRY_KINDS.join('|')]: 'what kind of entry to remove', NAME: 'its name' },
    examples: ['latchkey remove role dev', 'latchkey remove mfa alice', 'latchkey remove identity alice --delete-key'],
  },
  async run({ positionals: [kind = '', name = ''], values }, io) {
    if (!ENTRY_KINDS.includes(kind as EntryKind)) throw usageError(`what to remove must be one of ${ENTRY_KINDS.join(', ')}${didYouMean(kind, ENTRY_KINDS)}`);
    check(validateName('name'), name);
    const context = new CliContext(io);
    // The engine is built only once the removal is known to go ahead.
    const engine = { forget: async (entry: string) => (await context.engine()).forget(entry) };
    const { unpublished } = await removeEntry(
      { settings: context.settings, keychain: context.keychain(), env: context.env, engine },
      kind as EntryKind,
      name,
      { deleteKey: Boolean(values['delete-key']) },
    );
    print(io.stdout, [...unpublished, `removed ${ENTRY_LABELS[kind as EntryKind]} "${name}"`].join('\n'));
    return 0;
  },
};
