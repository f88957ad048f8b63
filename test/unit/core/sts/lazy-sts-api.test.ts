import { describe, expect, it, vi } from 'vitest';
import { lazyStsApi } from '../../../../electron/core/sts/lazy-sts-api';

const loaded = vi.hoisted(() => ({ modules: 0, envs: [] as unknown[] }));
vi.mock('../../../../electron/core/sts/create-sts-api', () => {
  loaded.modules++;
  return {
    createStsApi: (env: unknown) => {
      loaded.envs.push(env);
      return { getCallerIdentity: async () => ({ account: '123456789012', arn: 'arn:aws:iam::123456789012:user/alice', userId: 'AIDA' }) };
    },
  };
});

describe('lazyStsApi', () => {
  it('loads the SDK-backed STS on the first call only, with the environment it was given', async () => {
    const env = { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:1' };
    const sts = lazyStsApi(env);
    expect(loaded.modules).toBe(0);

    const caller = { credentials: { accessKeyId: 'AKIAALICEXXXXXXXXXXX', secretAccessKey: 'secret' }, region: 'us-east-1' };
    await sts.getCallerIdentity(caller);
    await sts.getCallerIdentity(caller);

    expect(loaded.modules).toBe(1);
    expect(loaded.envs).toEqual([env]);
  });
});
