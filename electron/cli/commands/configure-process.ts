/**
 * `latchkey configure-process NAME [--as PROFILE]`: `[profile PROFILE]` in the config file gets
 * `credential_process` running this very CLI by absolute paths, so it works from any shell, IDE or
 * service whatever their PATH. In the packaged app that is the launcher (build/bin/), which says where
 * it is in LATCHKEY_LAUNCHER: the app's executable and script are its internals, and it sets up Node
 * mode. A profile that assumes a role itself (role_arn) is never rewritten.
 */
import { realpathSync } from 'node:fs';
import { LatchkeyError } from '../../shared/errors';
import { awsFilePath } from '../../core/aws-files/aws-file-path';
import { editAwsFile } from '../../core/aws-files/edit-aws-file';
import { readAwsFile } from '../../core/aws-files/read-aws-file';
import { regionOf } from '../../core/settings/region-of';
import { CliContext } from '../cli-context';
import { AS_PROFILE, nameAndProfile, type Command } from '../command';
import { print } from '../io';
import { shellWord } from '../shell-word';

export const command: Command = {
  options: AS_PROFILE,
  positionals: { min: 1, max: 1 },
  async run(input, io) {
    const { name, profile } = nameAndProfile(input);
    const context = new CliContext(io);
    const settings = await context.settings.load();
    if (![...settings.identities, ...settings.roles].some((entry) => entry.name === name))
      throw new LatchkeyError('not-found', `no identity or role is named "${name}": add it first`);

    const launcher = context.env.LATCHKEY_LAUNCHER;
    const cli = launcher ? [launcher] : [process.execPath, realpathSync(process.argv[1] ?? '')];
    const line = [...cli, 'credential-process', name].map((word) => shellWord(word)).join(' ');
    const configPath = awsFilePath('config', context.env);
    const region = regionOf(settings, name);
    await editAwsFile(configPath, 'config', (file) => {
      const existing = file.profiles()[profile] ?? {};
      if (existing.role_arn !== undefined)
        throw new LatchkeyError('aws-file', `profile "${profile}" in ${configPath} assumes a role itself (role_arn): choose another profile name with --as`);
      file.setKeys(profile, { credential_process: line, ...(region && existing.region === undefined ? { region } : {}) });
    });

    const credentials = await readAwsFile(awsFilePath('credentials', context.env), 'credentials');
    if (credentials[profile]?.aws_access_key_id !== undefined)
      context.notice(`profile "${profile}" also has keys in the credentials file, which AWS tools read before credential_process: remove them there`);
    print(io.stdout, `profile "${profile}" in ${configPath} now gets "${name}" sessions through credential_process`);
    return 0;
  },
};
