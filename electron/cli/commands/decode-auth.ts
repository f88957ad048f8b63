/**
 * `latchkey decode-auth [MESSAGE|-] [--using NAME]`: an "Encoded authorization failure message" made
 * readable (sts:DecodeAuthorizationMessage): who was refused what and why on stderr, AWS's document as
 * pretty JSON on stdout. The message comes from the argument, or stdin for `-` or none.
 */
import { LatchkeyError } from '../../shared/errors';
import { check, validateName } from '../../shared/validation';
import { systemClock } from '../../core/clock';
import { decodeAuthorization } from '../../core/sts/decode-authorization';
import { CliContext } from '../cli-context';
import { usageError, type Command } from '../command';
import { print, readAll } from '../io';
import { sessionFor } from '../session-for';

export const command: Command = {
  options: {
    using: {
      type: 'string',
      value: 'NAME',
      help: 'the identity or role whose session asks STS: it needs sts:DecodeAuthorizationMessage (the only identity when left out)',
      example: 'alice',
    },
  },
  positionals: { min: 0, max: 1 },
  help: {
    arguments: { 'MESSAGE|-': 'the encoded message (the text after "Encoded authorization failure message:", or the whole error); - or none reads it from stdin' },
    examples: ['latchkey decode-auth 4Ys-EXAMPLE…', 'pbpaste | latchkey decode-auth - --using prod-admin'],
  },
  async run({ positionals: [given], values }, io) {
    const using = values.using as string | undefined;
    if (using !== undefined) check(validateName('name'), using);
    if ((given === undefined || given === '-') && io.stdin.isTTY) throw usageError('give the MESSAGE, or pipe it on stdin');
    const context = new CliContext(io);
    const settings = await context.settings.load();
    const name = using ?? onlyIdentity(settings.identities.map((identity) => identity.name));
    const text = given === undefined || given === '-' ? await readAll(io.stdin) : given;
    const { document, explanation } = await decodeAuthorization(
      { sts: context.sts(), clock: systemClock, session: async (entry) => (await sessionFor(entry, `decode-auth`, io)).session },
      settings,
      name,
      text,
    );
    print(io.stderr, `latchkey: ${explanation}`);
    print(io.stdout, JSON.stringify(document, null, 2));
    return 0;
  },
};

function onlyIdentity(names: string[]): string {
  if (names.length === 1) return names[0] as string;
  if (names.length === 0) throw new LatchkeyError('not-found', 'there is no identity to ask STS with: add one first');
  throw usageError(`give --using NAME: which identity or role asks STS (${names.map((n) => `"${n}"`).join(', ')} can)`);
}
