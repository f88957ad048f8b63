/** An import plan as the settings window may see it: what would be added and skipped, without the secrets. */
import type { ImportPreview } from '../../shared/ipc-contract';
import { maskAccessKeyId } from '../../shared/mask';
import type { ImportSource } from '../../core/settings/read-import-plan';

export function importPreview({ plan, credentialsPath }: ImportSource): ImportPreview {
  return {
    credentialsPath,
    identities: plan.identities.map(({ identity }) => ({ name: identity.name, maskedAccessKeyId: maskAccessKeyId(identity.accessKeyId), region: identity.region })),
    mfaDevices: plan.mfaDevices,
    roles: plan.roles,
    alreadyImported: plan.alreadyImported.map(({ profile }) => profile),
    skipped: plan.skipped,
  };
}
