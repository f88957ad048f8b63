/**
 * `latchkey import [--scrub]`: long-term keys in the credentials file become keychain identities, role
 * profiles in the config file become roles. With --scrub the imported key pairs are removed from the
 * credentials file (only those two lines each; every other byte stays) once they are safe in the keychain.
 */
import { maskAccessKeyId } from '../../shared/mask';
import { applyImport } from '../../core/settings/apply-import';
import { readImportPlan } from '../../core/settings/read-import-plan';
import { CliContext } from '../cli-context';
import type { Command } from '../command';
import { print } from '../io';

export const command: Command = {
  options: { scrub: { type: 'boolean', default: false } },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const context = new CliContext(io);
    const source = await readImportPlan(context.settings, context.env);
    const { plan, credentialsPath } = source;
    const scrub = Boolean(values.scrub);
    const { scrubbed } = await applyImport({ settings: context.settings, keychain: context.keychain() }, source, { scrub });

    const lines = [
      ...plan.identities.map(({ identity }) => `imported identity "${identity.name}" (${maskAccessKeyId(identity.accessKeyId)})${scrub ? ', its key removed from the credentials file' : ''}`),
      ...plan.mfaDevices.map((device) => `imported MFA device "${device.name}" (${device.serial})`),
      ...plan.roles.map((role) => `imported role "${role.name}" (${role.roleArn}) from "${role.source}"`),
      ...plan.alreadyImported
        .filter(({ profile }) => scrubbed.includes(profile))
        .map(({ profile }) => `removed the key of profile "${profile}" from the credentials file (already imported)`),
    ];
    print(io.stdout, lines.length > 0 ? lines.join('\n') : 'nothing to import');
    for (const { profile, reason } of plan.skipped) context.notice(`skipped profile "${profile}": ${reason}`);
    if (plan.identities.length + plan.alreadyImported.length > 0 && !scrub)
      context.notice(`the imported secret keys are still in ${credentialsPath}: run \`latchkey import --scrub\` to remove them`);
    return 0;
  },
};
