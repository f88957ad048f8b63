/** `latchkey publish NAME [--as PROFILE] [--replace]`: writes the session into a credentials-file profile. */
import { expiresText } from '../../core/sessions/session-profile';
import { CliContext } from '../cli-context';
import { AS_PROFILE, REPLACE, nameAndProfile, type Command } from '../command';
import { print } from '../io';
import { brokerSession } from '../session-for';

export const command: Command = {
  options: { ...AS_PROFILE, ...REPLACE },
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { NAME: 'the identity or role whose session to write' },
    examples: ['latchkey publish dev   # [dev] in ~/.aws/credentials', 'latchkey publish prod-admin --as admin-keys'],
  },
  async run(input, io) {
    const { name, profile } = nameAndProfile(input);
    const requester = `publish ${name}`;
    const engine = await new CliContext(io).engine();
    const session = await engine.publish(name, profile, {
      requester,
      replace: Boolean(input.values.replace),
      session: async () => (await brokerSession(name, requester, io))?.session,
    });
    print(io.stdout, `published "${name}" as profile "${profile}" until ${expiresText(session.expiration)}`);
    return 0;
  },
};
