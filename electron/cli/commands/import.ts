/**
 * `latchkey import [--scrub]`: long-term keys in the credentials file become keychain identities, role
 * profiles in the config file become roles. With --scrub the imported key pairs are removed from the
 * credentials file (only those two lines each; every other byte stays) once they are safe in the keychain.
 */
import { maskAccessKeyId } from '../../shared/mask';
import { awsFilePath } from '../../core/aws-files/aws-file-path';
import { editAwsFile } from '../../core/aws-files/edit-aws-file';
import { readAwsFile } from '../../core/aws-files/read-aws-file';
import { planImport } from '../../core/settings/import-plan';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print } from '../io';

export const command: Command = {
  options: { scrub: { type: 'boolean', default: false } },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const context = new CliContext(io);
    const credentialsPath = awsFilePath('credentials', context.env);
    const [credentials, config, settings] = await Promise.all([
      readAwsFile(credentialsPath, 'credentials'),
      readAwsFile(awsFilePath('config', context.env), 'config'),
      context.settings.load(),
    ]);
    const plan = planImport(credentials, config, settings);

    const keychain = context.keychain();
    const stored: string[] = [];
    try {
      for (const { identity, secretAccessKey } of plan.identities) {
        await keychain.set('identity', identity.name, secretAccessKey);
        stored.push(identity.name);
      }
      await context.settings.update((s) => {
        s.identities.push(...plan.identities.map((entry) => entry.identity));
        s.mfaDevices.push(...plan.mfaDevices);
        s.roles.push(...plan.roles);
      });
    } catch (error) {
      // Nothing half-imported: the keychain loses what this run put there.
      await Promise.all(stored.map((name) => keychain.delete('identity', name).catch(() => undefined)));
      throw error;
    }
    // A key imported earlier is scrubbed only if the keychain holds that very secret.
    const scrubbed = values.scrub
      ? [
          ...plan.identities.map(({ identity }) => identity.name),
          ...(
            await Promise.all(
              plan.alreadyImported.map(async ({ profile, secretAccessKey }) => ((await keychain.get('identity', profile)) === secretAccessKey ? [profile] : [])),
            )
          ).flat(),
        ]
      : [];
    if (scrubbed.length > 0)
      await editAwsFile(credentialsPath, 'credentials', (file) => {
        for (const profile of scrubbed) file.removeKeys(profile, ['aws_access_key_id', 'aws_secret_access_key']);
      });

    const lines = [
      ...plan.identities.map(({ identity }) => `imported identity "${identity.name}" (${maskAccessKeyId(identity.accessKeyId)})${values.scrub ? ', its key removed from the credentials file' : ''}`),
      ...plan.mfaDevices.map((device) => `imported MFA device "${device.name}" (${device.serial})`),
      ...plan.roles.map((role) => `imported role "${role.name}" (${role.roleArn}) from "${role.source}"`),
      ...plan.alreadyImported
        .filter(({ profile }) => scrubbed.includes(profile))
        .map(({ profile }) => `removed the key of profile "${profile}" from the credentials file (already imported)`),
    ];
    print(io.stdout, lines.length > 0 ? lines.join('\n') : 'nothing to import');
    for (const { profile, reason } of plan.skipped) context.notice(`skipped profile "${profile}": ${reason}`);
    if (plan.identities.length + plan.alreadyImported.length > 0 && !values.scrub)
      context.notice(`the imported secret keys are still in ${credentialsPath}: run \`latchkey import --scrub\` to remove them`);
    return 0;
  },
};
