/**
 * What an import records of the keys it took in: each key's account, ARN and creation date, as
 * `identity add --verify` records them, asked for all keys at once; a key AWS refuses stays imported and
 * is reported by name with AWS's reason, never its secret; an identity changed meanwhile is left alone.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Identity } from '../../../../electron/shared/model';
import { identifyImported, type ImportedKey } from '../../../../electron/core/settings/identify-imported';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import type { StsApi } from '../../../../electron/core/sts/sts-api';
import { FakeClock } from '../../../fakes/fake-clock';
import { FakeSts } from '../../../fakes/fake-sts';
import { tempFolders } from '../../../helpers/temp-folders';
import { FakeIam } from '../iam/fake-iam';

const temp = tempFolders();
const CREATED = new Date(Date.UTC(2025, 5, 1));
const ACCOUNT = '123456789012';

async function world(names: string[]) {
  const clock = new FakeClock();
  const fakeSts = new FakeSts(clock);
  const iam = new FakeIam(fakeSts, clock);
  const keys: ImportedKey[] = names.map((name) => {
    const user = fakeSts.addUser(name);
    iam.addUser(user, { created: CREATED });
    return { identity: { name, accessKeyId: user.accessKeyId, region: 'eu-west-1' }, secretAccessKey: user.secretAccessKey };
  });
  const settings = new SettingsStore(join(temp('identify-imported'), 'settings.json'));
  // As the import left them: stored, not yet identified.
  await settings.update((s) => void s.identities.push(...keys.map(({ identity }) => identity)));
  return { clock, iam, settings, keys, deps: { settings, sts: iam.sts, clock, iam } };
}

const identified = (identity: Identity): Identity => ({
  ...identity,
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:user/${identity.name}`,
  keyCreated: CREATED.toISOString(),
});

describe('identifyImported', () => {
  it("records each key's account, ARN and creation date, asking for all keys at once", async () => {
    const w = await world(['alice', 'bob', 'carol']);
    // Every GetCallerIdentity waits until all three have been asked: one at a time would never finish.
    let started = 0;
    let allStarted: () => void = () => undefined;
    const all = new Promise<void>((resolve) => (allStarted = resolve));
    const sts: StsApi = {
      ...w.deps.sts,
      getCallerIdentity: async (caller) => {
        if (++started === w.keys.length) allStarted();
        await all;
        return w.deps.sts.getCallerIdentity(caller);
      },
    };
    expect(await identifyImported({ ...w.deps, sts }, w.keys)).toEqual([]);
    expect((await w.settings.load()).identities).toEqual(w.keys.map(({ identity }) => identified(identity)));
  });

  it('a key AWS refuses stays imported, named with the reason and not its secret; the others are recorded', async () => {
    const w = await world(['alice', 'bob']);
    const [alice, bob] = w.keys as [ImportedKey, ImportedKey];
    const wrong = 'wrongwrongwrongwrongwrongwrongwrongwrong';
    const unidentified = await identifyImported(w.deps, [{ ...alice, secretAccessKey: wrong }, bob]);
    expect(unidentified).toEqual([{ name: 'alice', reason: expect.stringMatching(/^the secret access key stored for identity "alice" does not match its access key AKIA…\w{4}: [^\n]+$/) }]);
    expect(JSON.stringify(unidentified)).not.toContain(wrong);
    expect((await w.settings.load()).identities).toEqual([alice.identity, identified(bob.identity)]);
  });

  it('leaves an identity whose key changed meanwhile as it is now', async () => {
    const w = await world(['alice']);
    const [alice] = w.keys as [ImportedKey];
    const replaced = { ...alice.identity, accessKeyId: 'AKIAREPLACEDREPLACED' };
    await w.settings.update((s) => void (s.identities = [replaced]));
    expect(await identifyImported(w.deps, w.keys)).toEqual([]);
    expect((await w.settings.load()).identities).toEqual([replaced]);
  });
});
