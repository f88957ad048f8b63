/**
 * One MFA, many roles over real HTTP: the session engine with the real keychain as its cache, and the
 * SDK against moto (auth off: moto's GetSessionToken keys only work then), counted by a proxy.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStsApi } from '../../../../electron/core/sts/create-sts-api';
import { keyring, moto as motoComponent } from '../../../helpers/components';
import { engineWorld, type EngineWorld } from '../../../helpers/engine-world';
import { ACCOUNT, mfaSerial, roleArn } from '../../../helpers/moto-iam';
import { startMotoWorld, type MotoWorld } from '../../../helpers/moto-world';
import { describeWith } from '../../../helpers/needs';
import { startStsProxy, type StsProxy } from '../../../helpers/sts-proxy';
import { tempFolders } from '../../../helpers/temp-folders';

describeWith([keyring, motoComponent], 'STS through the session engine against moto: one MFA session, two roles', () => {
  const temp = tempFolders();
  let moto: MotoWorld;
  let proxy: StsProxy;
  let world: EngineWorld;
  beforeAll(async () => {
    moto = await startMotoWorld({ roles: ['admin', 'readonly'] });
    proxy = await startStsProxy(moto.url);
    const role = (name: string) => ({ name, roleArn: roleArn(name), source: 'alice', mfaDevice: 'alice-phone', directMfa: false });
    world = await engineWorld(temp('engine'), {
      identities: [{ name: 'alice', accessKeyId: moto.alice.accessKeyId }],
      mfaDevices: [{ name: 'alice-phone', serial: mfaSerial('alice'), identity: 'alice', hasSeed: false, autoMfa: false }],
      roles: [role('admin'), role('readonly')],
      preferences: { mfaSessionSeconds: 43_200, roleSessionSeconds: 3_600 },
      secrets: { alice: moto.alice.secretAccessKey },
      env: { AWS_ENDPOINT_URL_STS: proxy.url },
    });
  }, 60_000);
  afterAll(async () => {
    await world?.clear();
    await proxy?.stop();
    await moto?.stop();
  });

  it('asks for one MFA code, calls GetSessionToken once and AssumeRole once per role', async () => {
    const engine = world.engine();
    const [admin, readonly] = await Promise.all([engine.credentials('admin', 'integration test'), engine.credentials('readonly', 'integration test')]);

    expect(world.asked).toHaveLength(1);
    expect(world.asked[0]).toMatchObject({ requester: 'integration test', attempt: 1 });
    expect(proxy.count('GetSessionToken')).toBe(1);
    expect(proxy.count('AssumeRole')).toBe(2);
    expect(admin.expiration.getTime() - Date.now()).toBeGreaterThan(3_500_000);
    const sts = createStsApi({ AWS_ENDPOINT_URL_STS: moto.url });
    expect((await sts.getCallerIdentity({ credentials: admin, region: 'us-east-1' })).arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/admin/alice`);
    expect((await sts.getCallerIdentity({ credentials: readonly, region: 'us-east-1' })).arn).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/readonly/alice`,
    );

    // The MFA session and both roles' sessions are in the keychain, so a new engine (a later CLI run)
    // is served from there: neither STS nor the person is asked again.
    expect((await world.keychain.list('session')).sort()).toEqual(['admin', 'alice', 'readonly']);
    expect(await world.engine().credentials('admin', 'integration test')).toEqual(admin);
    expect(proxy.count('AssumeRole')).toBe(2);
    expect(world.asked).toHaveLength(1);
  });
});
