/** The IAM port loads the SDK-backed IAM on its first call only; its endpoint comes from the environment as the SDKs' does. */
import { describe, expect, it, vi } from 'vitest';
import { globalIamEndpoint, iamEndpoint } from '../../../../electron/core/iam/iam-endpoint';
import { lazyIamApi } from '../../../../electron/core/iam/lazy-iam-api';

const loaded = vi.hoisted(() => ({ modules: 0, envs: [] as unknown[] }));
vi.mock('../../../../electron/core/iam/create-iam-api', () => {
  loaded.modules++;
  return {
    createIamApi: (env: unknown) => {
      loaded.envs.push(env);
      return { listAccessKeys: async () => [] };
    },
  };
});

describe('lazyIamApi', () => {
  it('loads the SDK-backed IAM on the first call only, with the environment it was given', async () => {
    const env = { AWS_ENDPOINT_URL_IAM: 'http://127.0.0.1:1' };
    const iam = lazyIamApi(env);
    expect(loaded.modules).toBe(0);
    const caller = { credentials: { accessKeyId: 'AKIAALICEXXXXXXXXXXX', secretAccessKey: 'secret' }, region: 'us-east-1', userName: 'alice' };
    await iam.listAccessKeys(caller);
    await iam.listAccessKeys(caller);
    expect(loaded.modules).toBe(1);
    expect(loaded.envs).toEqual([env]);
  });
});

describe('iamEndpoint', () => {
  it('takes AWS_ENDPOINT_URL_IAM, then AWS_ENDPOINT_URL, else the partition\'s global endpoint', () => {
    expect(iamEndpoint({ AWS_ENDPOINT_URL_IAM: 'http://iam.local', AWS_ENDPOINT_URL: 'http://all.local' })).toBe('http://iam.local');
    expect(iamEndpoint({ AWS_ENDPOINT_URL: 'http://all.local', AWS_ENDPOINT_URL_STS: 'http://sts.local' })).toBe('http://all.local');
    expect(iamEndpoint({ AWS_ENDPOINT_URL_STS: 'http://sts.local' })).toBeUndefined();
    expect(globalIamEndpoint('eu-west-1')).toBe('https://iam.amazonaws.com');
    expect(globalIamEndpoint('cn-north-1')).toBe('https://iam.cn-north-1.amazonaws.com.cn');
    expect(globalIamEndpoint('us-gov-west-1')).toBe('https://iam.us-gov.amazonaws.com');
  });

  it('refuses a variable that is not an http(s) URL, by name', () => {
    expect(() => iamEndpoint({ AWS_ENDPOINT_URL_IAM: 'iam.local' })).toThrow(/^AWS_ENDPOINT_URL_IAM: endpoint "iam\.local" must be an http\(s\) URL; correct or unset it$/);
  });
});
