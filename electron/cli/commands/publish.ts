/** `latchkey publish NAME [--as PROFILE]`: writes the session into a credentials-file profile. */
import { check, validateName, validateProfileName } from '../../shared/validation';
import { expiresText } from '../../core/sessions/session-profile';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print } from '../io';

export const command: Command = {
  options: { as: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run({ positionals: [name = ''], values }, io) {
    check(validateName('name'), name);
    const profile = check(validateProfileName, (values.as as string | undefined) ?? name);
    const session = await (await new CliContext(io).engine()).publish(name, profile);
    print(io.stdout, `published "${name}" as profile "${profile}" until ${expiresText(session.expiration)}`);
    return 0;
  },
};
