import { describe, expect, it } from 'vitest';
import { ENDPOINT_SHADOWING_VARIABLES, endpointEnvironment } from '../../../../electron/core/endpoint/endpoint-environment';

const grant = { uri: 'http://127.0.0.1:40123/credentials/abc', token: 'secret-token' };

describe('the environment of a program served by a grant', () => {
  it('sets the URI and token, and the region when the grant has one', () => {
    expect(endpointEnvironment({ PATH: '/bin' }, grant)).toEqual({
      PATH: '/bin',
      AWS_CONTAINER_CREDENTIALS_FULL_URI: grant.uri,
      AWS_CONTAINER_AUTHORIZATION_TOKEN: grant.token,
    });
    expect(endpointEnvironment({}, { ...grant, region: 'eu-west-1' })).toMatchObject({ AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' });
  });

  it('removes whatever tools would read before or instead of it, and leaves the caller’s env alone', () => {
    const env = Object.fromEntries(ENDPOINT_SHADOWING_VARIABLES.map((key) => [key, 'x']));
    const served = endpointEnvironment({ ...env, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'old', HOME: '/home/me' }, grant);
    expect(Object.keys(served).sort()).toEqual(['AWS_CONTAINER_AUTHORIZATION_TOKEN', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'HOME']);
    expect(served.AWS_CONTAINER_AUTHORIZATION_TOKEN).toBe(grant.token);
    expect(env.AWS_PROFILE).toBe('x');
  });
});
