import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveWithSecret } from '../../../../electron/core/settings/save-with-secret';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import { MemoryKeychain } from '../../../fakes/memory-keychain';
import { tempFolders } from '../../../helpers/temp-folders';

const temp = tempFolders();

async function stores() {
  const settings = new SettingsStore(join(temp('save'), 'settings.json'));
  await settings.update((s) => {
    s.identities.push({ name: 'alice', accessKeyId: 'AKIAALICEXXXXXXXXXXX' });
  });
  const keychain = new MemoryKeychain();
  await keychain.set('identity', 'alice', 'old-secret-of-alice-0000');
  return { settings, keychain, file: () => readFileSync(settings.path, 'utf8') };
}

describe('saveWithSecret', () => {
  it('stores the secret and the settings change together', async () => {
    const { settings, keychain } = await stores();
    await saveWithSecret({ settings, keychain }, { kind: 'identity', name: 'bob', secret: 'secret-of-bob-000000000' }, (s) => {
      s.identities.push({ name: 'bob', accessKeyId: 'AKIABOBXXXXXXXXXXXXX' });
    });
    expect(await keychain.get('identity', 'bob')).toBe('secret-of-bob-000000000');
    expect((await settings.load()).identities.map((i) => i.name)).toEqual(['alice', 'bob']);
  });

  it('puts back the previous secret, or none, when the settings refuse the change', async () => {
    const { settings, keychain, file } = await stores();
    const before = file();
    const refused = (name: string) =>
      saveWithSecret({ settings, keychain }, { kind: 'identity', name, secret: 'new-secret-0000000000' }, (s) => {
        s.identities.push({ name: 'alice', accessKeyId: 'AKIAALICEXXXXXXXXXXX' });
      });

    await expect(refused('alice')).rejects.toThrow(/"alice" is the name of 2 identities/);
    expect(await keychain.get('identity', 'alice')).toBe('old-secret-of-alice-0000');
    await expect(refused('carol')).rejects.toThrow(/settings not saved/);
    expect(await keychain.get('identity', 'carol')).toBeUndefined();
    expect(file()).toBe(before);
  });
});
