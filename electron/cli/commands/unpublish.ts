/** `latchkey unpublish PROFILE`: removes what Latchkey wrote in a profile (session keys, credential_process) and nothing else. */
import { check, validateProfileName } from '../../shared/validation';
import { unpublish } from '../../core/sessions/unpublish';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print } from '../io';

export const command: Command = {
  options: {},
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { PROFILE: 'a profile Latchkey wrote into (`latchkey status` lists them)' },
    examples: ['latchkey unpublish admin-keys'],
  },
  async run({ positionals: [profile = ''] }, io) {
    check(validateProfileName, profile);
    print(io.stdout, (await unpublish(new CliContext(io), profile)).join('\n'));
    return 0;
  },
};
