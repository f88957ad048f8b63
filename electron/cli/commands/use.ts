/** `latchkey use NAME [--replace]`: makes NAME active, writing its session into the active target profile. */
import { check, validateName } from '../../shared/validation';
import { expiresText } from '../../core/sessions/session-profile';
import { CliContext } from '../cli-context';
import { REPLACE, type Command } from '../command';
import { print } from '../io';
import { brokerSession } from '../session-for';

export const command: Command = {
  options: REPLACE,
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { NAME: 'the identity or role to make active' },
    examples: ['latchkey use dev   # aws and SDK calls without --profile now run as dev'],
  },
  async run({ positionals: [name = ''], values }, io) {
    check(validateName('name'), name);
    const context = new CliContext(io);
    const requester = `use ${name}`;
    const session = await (await context.engine()).use(name, {
      requester,
      replace: Boolean(values.replace),
      session: async () => (await brokerSession(name, requester, io))?.session,
    });
    const { preferences } = await context.settings.load();
    print(io.stdout, `"${name}" is active in profile "${preferences.activeTargetProfile}" until ${expiresText(session.expiration)}`);
    return 0;
  },
};
