/**
 * An import plan as the settings window may see it: what would be added, what happens to every profile
 * (the CLI's dry-run lines) and what adopting would change, without the secrets: key ids masked.
 */
import type { ImportPreview } from '../../shared/ipc-contract';
import { maskAccessKeyId } from '../../shared/mask';
import { describeImportPlan } from '../../core/settings/import-plan';
import type { ImportSource } from '../../core/settings/read-import-plan';

/** `cannotAdopt`: why this app cannot write credential_process (see app-process-command.ts). */
export function importPreview({ plan, credentialsPath, configPath }: ImportSource, cannotAdopt: string | undefined): ImportPreview {
  return {
    credentialsPath,
    configPath,
    identities: plan.identities.map(({ identity, profile }) => ({
      name: identity.name,
      profile,
      maskedAccessKeyId: maskAccessKeyId(identity.accessKeyId),
      region: identity.region,
    })),
    mfaDevices: plan.mfaDevices,
    roles: plan.roles,
    alreadyImported: plan.alreadyImported.map(({ profile }) => profile),
    outcomes: describeImportPlan(plan),
    adoptable: plan.adoptable,
    ...(cannotAdopt === undefined ? {} : { cannotAdopt }),
  };
}
