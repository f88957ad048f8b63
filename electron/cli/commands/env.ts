/** `latchkey env NAME [--format sh|fish|powershell|json]`: a session as lines for the shell to evaluate. */
import { SHELL_FORMATS, isShellFormat, sessionVariables } from '../../core/sessions/session-variables';
import { usageError, type Command } from '../command';
import { didYouMean } from '../did-you-mean';
import { print } from '../io';
import { sessionFor } from '../session-for';

export const command: Command = {
  options: {
    format: { type: 'string', default: 'sh', value: Object.keys(SHELL_FORMATS).join('|'), help: 'the shell (or JSON) to write the lines for', example: 'fish' },
  },
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { NAME: 'the identity or role to get a session for' },
    examples: ['eval "$(latchkey env dev)"', 'latchkey env dev --format fish | source', 'latchkey env dev --format powershell | Invoke-Expression'],
  },
  async run({ positionals: [name = ''], values }, io) {
    const format = String(values.format);
    if (!isShellFormat(format)) throw usageError(`--format must be one of ${Object.keys(SHELL_FORMATS).join(', ')}${didYouMean(format, Object.keys(SHELL_FORMATS))}`);
    const { session, region } = await sessionFor(name, `env ${name}`, io);
    print(io.stdout, SHELL_FORMATS[format](sessionVariables(session, region)));
    return 0;
  },
};
