/** Settings as the file would hold them, with the schema's defaults filled in: alice with roles, bob without MFA. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { SettingsSchema, type Settings } from '../../electron/shared/model';
import { SettingsStore } from '../../electron/core/settings/settings-store';

export const ACCOUNT = '123456789012';

export function appSettings(change: (settings: v.InferInput<typeof SettingsSchema>) => void = () => {}): Settings {
  const input: v.InferInput<typeof SettingsSchema> = {
    schemaVersion: 1,
    identities: [
      { name: 'alice', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/team/alice.smith` },
      { name: 'bob', accessKeyId: 'AKIAI44QH8DHBEXAMPLE' },
    ],
    mfaDevices: [{ name: 'phone', serial: `arn:aws:iam::${ACCOUNT}:mfa/alice`, identity: 'alice' }],
    roles: [
      { name: 'dev', roleArn: `arn:aws:iam::${ACCOUNT}:role/dev`, source: 'alice', mfaDevice: 'phone' },
      { name: 'ops', roleArn: `arn:aws:iam::${ACCOUNT}:role/ops`, source: 'alice' },
      { name: 'audit', roleArn: `arn:aws:iam::${ACCOUNT}:role/audit`, source: 'dev' },
      { name: 'build', roleArn: `arn:aws:iam::${ACCOUNT}:role/build`, source: 'bob' },
    ],
  };
  change(input);
  return v.parse(SettingsSchema, input);
}

/** A settings file of its own in a temp folder, holding `settings`. */
export async function settingsStore(settings: Settings): Promise<SettingsStore> {
  const store = new SettingsStore(join(mkdtempSync(join(tmpdir(), 'latchkey-app-')), 'settings.json'));
  await store.update((current) => void Object.assign(current, structuredClone(settings)));
  return store;
}
