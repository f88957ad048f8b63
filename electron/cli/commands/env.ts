/** `latchkey env NAME [--format sh|fish|powershell|json]`: a session as lines for the shell to evaluate. */
import { SHELL_FORMATS, isShellFormat, sessionVariables } from '../../core/sessions/session-variables';
import { usageError, type Command } from '../command';
import { print } from '../io';
import { sessionFor } from '../session-for';

export const command: Command = {
  options: { format: { type: 'string', default: 'sh' } },
  positionals: { min: 1, max: 1 },
  async run({ positionals: [name = ''], values }, io) {
    const format = String(values.format);
    if (!isShellFormat(format)) throw usageError(`--format must be one of ${Object.keys(SHELL_FORMATS).join(', ')}`);
    const session = await sessionFor(name, `env ${name}`, io);
    print(io.stdout, SHELL_FORMATS[format](sessionVariables(session, session.region)));
    return 0;
  },
};
