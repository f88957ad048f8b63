/** Editing a role: the edit is checked like any settings change, and supersedes the role and the roles chained from it. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import { updateRole } from '../../../../electron/core/settings/update-role';
import type { Role } from '../../../../electron/shared/model';
import { tempFolders } from '../../../helpers/temp-folders';

const temp = tempFolders();

const ARN = 'arn:aws:iam::123456789012';
const role = (name: string, source: string): Role => ({ name, roleArn: `${ARN}:role/${name}`, source, directMfa: false });

async function store() {
  const settings = new SettingsStore(join(temp('update-role'), 'settings.json'));
  await settings.update((s) => {
    s.identities.push({ name: 'alice', accessKeyId: 'AKIAALICEXXXXXXXXXXX' });
    s.roles.push(role('admin', 'alice'), role('deploy', 'admin'), role('audit', 'deploy'), role('plain', 'alice'));
  });
  return settings;
}

describe('updateRole', () => {
  it('replaces the role and supersedes it and every role chained from it', async () => {
    const settings = await store();
    const edited = { ...role('admin', 'alice'), durationSeconds: 7200 };
    const result = await updateRole(settings, edited);
    expect(result.settings.roles[0]).toEqual(edited);
    expect(result.superseded).toEqual(['admin', 'deploy', 'audit']);
  });

  it('supersedes nothing when nothing changed', async () => {
    expect((await updateRole(await store(), { ...role('plain', 'alice'), region: undefined })).superseded).toEqual([]);
  });

  it('refuses a role that does not exist or a change the settings check refuses', async () => {
    const settings = await store();
    await expect(updateRole(settings, role('nobody', 'alice'))).rejects.toThrow('no role is named "nobody"');
    await expect(updateRole(settings, role('admin', 'audit'))).rejects.toThrow(/form a cycle/);
  });
});
