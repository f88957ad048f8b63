import { describe, expect, it } from 'vitest';
import { stsEndpoint } from '../../../../electron/core/sts/sts-endpoint';

describe('stsEndpoint', () => {
  it('AWS_ENDPOINT_URL_STS, else AWS_ENDPOINT_URL, else the identity setting, else the regional endpoint', () => {
    const all = { AWS_ENDPOINT_URL_STS: 'http://sts.test', AWS_ENDPOINT_URL: 'http://all.test' };
    expect(stsEndpoint(all, 'https://identity.test')).toBe('http://sts.test');
    expect(stsEndpoint({ AWS_ENDPOINT_URL: 'http://all.test' }, 'https://identity.test')).toBe('http://all.test');
    expect(stsEndpoint({}, 'https://identity.test')).toBe('https://identity.test');
    expect(stsEndpoint({ AWS_ENDPOINT_URL_STS: '' }, undefined)).toBeUndefined();
  });
});
