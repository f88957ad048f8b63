/** One MFA, many roles over real HTTP: the SDK against moto (auth off: moto's GetSessionToken keys only work then). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStsApi } from '../../../../electron/core/sts/create-sts-api';
import { moto } from '../../../helpers/components';
import { startMoto, type Moto } from '../../../helpers/moto';
import { describeWith } from '../../../helpers/needs';
import { startStsProxy, type StsProxy } from '../../../helpers/sts-proxy';
import { ACCOUNT, createRole, createUser, iamClient } from '../../../helpers/moto-iam';
import { providerWorld } from './sts-integration';

describeWith([moto], 'STS providers against moto: one MFA session, two roles', () => {
  let server: Moto;
  let proxy: StsProxy;
  beforeAll(async () => {
    server = await startMoto();
    proxy = await startStsProxy(server.url);
  });
  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
  });

  it('asks for one MFA code, calls GetSessionToken once and AssumeRole once per role', async () => {
    const iam = iamClient(server.url);
    const alice = await createUser(iam, 'alice');
    const adminArn = await createRole(iam, 'admin', ['alice']);
    const readonlyArn = await createRole(iam, 'readonly', ['alice']);
    const world = providerWorld(
      {
        identities: [{ name: 'alice', accessKeyId: alice.accessKeyId }],
        mfaDevices: [{ name: 'alice-phone', serial: `arn:aws:iam::${ACCOUNT}:mfa/alice`, identity: 'alice', hasSeed: false, autoMfa: false }],
        roles: [
          { name: 'admin', roleArn: adminArn, source: 'alice', mfaDevice: 'alice-phone', directMfa: false },
          { name: 'readonly', roleArn: readonlyArn, source: 'alice', mfaDevice: 'alice-phone', directMfa: false },
        ],
        preferences: { mfaSessionSeconds: 43_200, roleSessionSeconds: 3_600 },
      },
      { AWS_ENDPOINT_URL_STS: proxy.url },
    );
    await world.keychain.set('identity', 'alice', alice.secretAccessKey);

    const [admin, readonly] = await Promise.all([world.build('admin').retrieve(), world.build('readonly').retrieve()]);

    expect(world.asked).toHaveLength(1);
    expect(world.asked[0]).toMatchObject({ requester: 'integration test', attempt: 1 });
    expect(proxy.count('GetSessionToken')).toBe(1);
    expect(proxy.count('AssumeRole')).toBe(2);
    expect((admin.expiration?.getTime() ?? 0) - Date.now()).toBeGreaterThan(3_500_000);
    const sts = createStsApi({ AWS_ENDPOINT_URL_STS: server.url });
    expect((await sts.getCallerIdentity({ credentials: admin, region: 'us-east-1' })).arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/admin/alice`);
    expect((await sts.getCallerIdentity({ credentials: readonly, region: 'us-east-1' })).arn).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/readonly/alice`,
    );

    // Served from the cache: neither STS nor the person is asked again.
    await world.build('admin').retrieve();
    expect(proxy.count('AssumeRole')).toBe(2);
    expect(world.asked).toHaveLength(1);
  });
});
