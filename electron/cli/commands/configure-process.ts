/**
 * `latchkey configure-process NAME [--as PROFILE] [--replace]`: `[profile PROFILE]` in the config file
 * gets `credential_process` running this CLI for NAME. A profile that already gets its credentials
 * another way (SSO, a role, another tool's credential_process) is left alone unless --replace, which
 * keeps the replaced lines as a comment (`latchkey unpublish PROFILE` puts them back) and prints them.
 */
import { awsFilePaths } from '../../core/aws-files/aws-file-path';
import { configureProcess } from '../../core/sessions/configure-process';
import { CliContext } from '../cli-context';
import { AS_PROFILE, REPLACE, nameAndProfile, type Command } from '../command';
import { print } from '../io';
import { processCommand } from '../process-command';

export const command: Command = {
  options: { ...AS_PROFILE, ...REPLACE },
  positionals: { min: 1, max: 1 },
  help: {
    arguments: { NAME: 'the identity or role whose sessions the profile gets' },
    examples: ['latchkey configure-process dev   # then: aws s3 ls --profile dev', 'latchkey configure-process prod-admin --as prod --replace'],
  },
  async run(input, io) {
    const { name, profile } = nameAndProfile(input);
    const context = new CliContext(io);
    const replaced = await configureProcess(context, { name, profile, command: processCommand(context.env, name), replace: Boolean(input.values.replace) });
    const lines = [`profile "${profile}" in ${awsFilePaths(context.env).config} now gets "${name}" sessions through credential_process`];
    if (replaced.length > 0) lines.push(`replaced (kept there as a comment; \`latchkey unpublish ${profile}\` puts it back):`, ...replaced.map((line) => `  ${line}`));
    print(io.stdout, lines.join('\n'));
    return 0;
  },
};
