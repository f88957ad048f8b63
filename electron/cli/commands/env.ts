/** `latchkey env NAME [--format sh|fish|powershell|json]`: a session as lines for the shell to evaluate. */
import { usageError, type Command } from '../command';
import { print } from '../io';
import { sessionFor } from '../session-for';
import { SHADOWING_VARIABLES, sessionVariables } from '../session-variables';

/** Single quotes keep every character literal in sh and fish (fish also needs \ and ' escaped). */
const FORMATS: Record<string, (variables: Record<string, string>) => string> = {
  sh: (variables) =>
    [
      ...Object.entries(variables).map(([key, value]) => `export ${key}='${value.replaceAll("'", `'\\''`)}'`),
      ...SHADOWING_VARIABLES.map((key) => `unset ${key}`),
    ].join('\n'),
  fish: (variables) =>
    [
      ...Object.entries(variables).map(([key, value]) => `set -gx ${key} '${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}';`),
      ...SHADOWING_VARIABLES.map((key) => `set -e ${key};`),
    ].join('\n'),
  powershell: (variables) =>
    [
      ...Object.entries(variables).map(([key, value]) => `$Env:${key} = '${value.replaceAll("'", "''")}'`),
      ...SHADOWING_VARIABLES.map((key) => `Remove-Item Env:${key} -ErrorAction SilentlyContinue`),
    ].join('\n'),
  json: (variables) => JSON.stringify(variables),
};

export const command: Command = {
  options: { format: { type: 'string', default: 'sh' } },
  positionals: { min: 1, max: 1 },
  async run({ positionals: [name = ''], values }, io) {
    const format = FORMATS[String(values.format)];
    if (!format) throw usageError(`--format must be one of ${Object.keys(FORMATS).join(', ')}`);
    const session = await sessionFor(name, `env ${name}`, io);
    print(io.stdout, format(sessionVariables(session)));
    return 0;
  },
};
