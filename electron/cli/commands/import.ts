/**
 * `latchkey import [--dry-run] [--scrub [--adopt]]`: long-term keys in the credentials file become
 * keychain identities, role profiles in the config file become roles. --dry-run prints the plan (every
 * profile, with what happens to it or why it is left alone) and writes nothing. --scrub removes the
 * imported key pairs from the credentials file (only those two lines each) once they are safe in the
 * keychain; --adopt makes each imported profile get its credentials from Latchkey under its own name,
 * so scripts and source_profile references keep working. --scrub alone refuses where it would break one.
 * Each imported key is then identified as `identity add --verify` does (account id, ARN, creation date);
 * a key that cannot be is imported all the same, with one line on stderr saying why.
 */
import { maskAccessKeyId } from '../../shared/mask';
import { systemClock } from '../../core/clock';
import { lazyIamApi } from '../../core/iam/lazy-iam-api';
import { applyImport, scrubRefusal } from '../../core/settings/apply-import';
import { identifyImported } from '../../core/settings/identify-imported';
import { describeImportPlan } from '../../core/settings/import-plan';
import { readImportPlan } from '../../core/settings/read-import-plan';
import { CliContext } from '../cli-context';
import { usageError, type Command } from '../command';
import { print } from '../io';
import { processCommand } from '../process-command';

export const command: Command = {
  options: {
    'dry-run': { type: 'boolean', help: 'print what would happen to every profile, and why one is left alone; change nothing' },
    scrub: { type: 'boolean', help: 'remove the imported key pairs from the credentials file once they are in the keychain (refused where a profile would be left without credentials)' },
    adopt: { type: 'boolean', help: 'with --scrub: each imported profile keeps its name and gets its credentials from Latchkey (credential_process)' },
  },
  positionals: { min: 0, max: 0 },
  help: { examples: ['latchkey import --dry-run', 'latchkey import', 'latchkey import --scrub --adopt --dry-run', 'latchkey import --scrub --adopt'] },
  async run({ values }, io) {
    const scrub = Boolean(values.scrub);
    const adopt = Boolean(values.adopt);
    if (adopt && !scrub) throw usageError('--adopt goes with --scrub: the keys left in the credentials file would still be what AWS tools use');
    const context = new CliContext(io);
    const source = await readImportPlan(context.settings, context.env);
    const { plan, credentialsPath } = source;

    if (values['dry-run']) {
      const lines = describeImportPlan(plan).map(({ profile, outcome }) => `${profile}: ${outcome}`);
      // What --scrub would take off the disk: the keys imported now, and those imported before.
      const scrubbed = [...plan.identities.map(({ profile }) => profile), ...plan.alreadyImported.map(({ profile }) => profile)];
      if (scrub) lines.push(...scrubbed.map((profile) => `${profile}: with --scrub, its key pair leaves ${credentialsPath}`));
      if (adopt) lines.push(...plan.adoptable.map(({ profile, name }) => `${profile}: with --adopt, gets credential_process for "${name}" in ${source.configPath}`));
      const refusal = scrub && !adopt ? scrubRefusal(source, scrubbed) : undefined;
      if (refusal !== undefined) lines.push(`the import would be refused: ${refusal}`);
      print(io.stdout, [...(lines.length > 0 ? lines : ['nothing to import']), 'dry run: nothing was changed'].join('\n'));
      return 0;
    }

    const { scrubbed, adopted } = await applyImport({ settings: context.settings, keychain: context.keychain() }, source, {
      scrub,
      ...(adopt ? { adopt: (name: string) => processCommand(context.env, name) } : {}),
    });
    const lines = [
      ...plan.identities.map(({ identity, profile }) => `imported identity "${identity.name}" (${maskAccessKeyId(identity.accessKeyId)})${scrubbed.includes(profile) ? ', its key removed from the credentials file' : ''}`),
      ...plan.mfaDevices.map((device) => `imported MFA device "${device.name}" (${device.serial})`),
      ...plan.roles.map((role) => `imported role "${role.name}" (${role.roleArn}) from "${role.source}"`),
      ...plan.alreadyImported
        .filter(({ profile }) => scrubbed.includes(profile))
        .map(({ profile }) => `removed the key of profile "${profile}" from the credentials file (already imported)`),
      ...adopted.map(({ profile, replaced }) =>
        [`profile "${profile}" now gets its credentials from Latchkey (credential_process)`, ...(replaced.length > 0 ? [`  replaced, kept as a comment: ${replaced.join('; ')}`] : [])].join('\n'),
      ),
    ];
    print(io.stdout, lines.length > 0 ? lines.join('\n') : 'nothing to import');
    for (const { profile, note } of plan.notes) context.notice(`profile "${profile}": ${note}`);
    for (const { profile, reason } of plan.skipped) context.notice(`skipped profile "${profile}": ${reason}`);
    // Once the keys are stored and the import told: it stands whatever AWS says about them.
    const unidentified = await identifyImported({ settings: context.settings, sts: context.sts(), clock: systemClock, iam: lazyIamApi(context.env) }, plan.identities);
    for (const { name, reason } of unidentified) context.notice(`identity "${name}" was imported, but its account id could not be found: ${reason}`);
    if (plan.identities.length + plan.alreadyImported.length > 0 && !scrub)
      context.notice(`the imported secret keys are still in ${credentialsPath}: run \`latchkey import --scrub --adopt\` to remove them (profiles that use them keep working)`);
    return 0;
  },
};
