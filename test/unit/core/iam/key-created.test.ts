/**
 * What "verify" records of a new identity's key: its account and ARN, its creation date when IAM lets
 * the key list itself (best effort: a refusal leaves the date unknown and adds the identity all the same),
 * and the account alone, from GetAccessKeyInfo, where the key may not call GetCallerIdentity.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addIdentity } from '../../../../electron/core/settings/add-identity';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import type { StsApi, StsHelperApi } from '../../../../electron/core/sts/sts-api';
import { FakeClock } from '../../../fakes/fake-clock';
import { FakeSts } from '../../../fakes/fake-sts';
import { MemoryKeychain } from '../../../fakes/memory-keychain';
import { tempFolders } from '../../../helpers/temp-folders';
import { awsError, FakeIam } from './fake-iam';

const temp = tempFolders();
const CREATED = new Date(Date.UTC(2025, 5, 1));

async function world() {
  const clock = new FakeClock();
  const sts = new FakeSts(clock);
  const alice = sts.addUser('alice');
  const iam = new FakeIam(sts, clock);
  iam.addUser(alice, { created: CREATED });
  const settings = new SettingsStore(join(temp('key-created'), 'settings.json'));
  const deps = { settings, keychain: new MemoryKeychain(), sts: iam.sts, clock, iam };
  const request = { identity: { name: 'alice', accessKeyId: alice.accessKeyId }, secretAccessKey: alice.secretAccessKey, verify: true };
  return { iam, settings, deps, request, alice };
}

describe('addIdentity with verify', () => {
  it('records the account, the ARN and when the key was created', async () => {
    const w = await world();
    const { settings, caller } = await addIdentity(w.deps, w.request);
    expect(caller).toEqual({ account: '123456789012', arn: 'arn:aws:iam::123456789012:user/alice' });
    expect(settings.identities).toEqual([{ ...w.request.identity, accountId: '123456789012', arn: caller?.arn, keyCreated: CREATED.toISOString() }]);
    expect(w.iam.calls).toEqual([{ action: 'ListAccessKeys', signedWith: w.alice.accessKeyId, input: { userName: 'alice' } }]);
  });

  it('adds the identity without a date when the key may not list itself', async () => {
    const w = await world();
    w.iam.failNext('ListAccessKeys', awsError('AccessDenied', 'not authorized to perform: iam:ListAccessKeys', 403));
    const { settings } = await addIdentity(w.deps, w.request);
    expect(settings.identities[0]).not.toHaveProperty('keyCreated');
    expect(settings.identities[0]).toMatchObject({ accountId: '123456789012' });
  });

  it('where GetCallerIdentity is denied, GetAccessKeyInfo names the account and the ARN stays unknown', async () => {
    const w = await world();
    const asked: string[] = [];
    const sts = {
      ...w.iam.sts,
      getCallerIdentity: async () => Promise.reject(awsError('AccessDenied', 'explicit deny in a VPC endpoint policy', 403)),
      getAccessKeyInfo: async ({ accessKeyId }: { accessKeyId: string }) => (asked.push(accessKeyId), { account: '123456789012' }),
    } as StsApi & Partial<StsHelperApi>;
    const { settings, caller } = await addIdentity({ ...w.deps, sts }, w.request);
    expect(asked).toEqual([w.alice.accessKeyId]);
    expect(caller).toEqual({ account: '123456789012' });
    expect(settings.identities).toEqual([{ ...w.request.identity, accountId: '123456789012' }]);
  });

  it('a key AWS refuses is refused still, and not stored', async () => {
    const w = await world();
    await expect(addIdentity(w.deps, { ...w.request, secretAccessKey: 'wrongwrongwrongwrongwrong' })).rejects.toThrow(/does not match access key/);
    expect((await w.settings.load()).identities).toEqual([]);
  });
});
