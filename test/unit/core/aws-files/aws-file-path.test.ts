import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsFilePath } from '../../../../electron/core/aws-files/aws-file-path';

describe('awsFilePath', () => {
  const home = '/home/alice';

  it('defaults to ~/.aws/credentials and ~/.aws/config', () => {
    expect(awsFilePath('credentials', {}, home)).toBe(join(home, '.aws', 'credentials'));
    expect(awsFilePath('config', { AWS_CONFIG_FILE: '' }, home)).toBe(join(home, '.aws', 'config'));
  });

  it('honours AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE, expanding a leading ~ only', () => {
    const env = { AWS_SHARED_CREDENTIALS_FILE: '~/creds', AWS_CONFIG_FILE: '/etc/aws/config' };
    expect(awsFilePath('credentials', env, home)).toBe(join(home, 'creds'));
    expect(awsFilePath('config', env, home)).toBe('/etc/aws/config');
    expect(awsFilePath('credentials', { AWS_SHARED_CREDENTIALS_FILE: '~' }, home)).toBe(home);
    expect(awsFilePath('credentials', { AWS_SHARED_CREDENTIALS_FILE: '~bob/creds' }, home)).toBe(resolve('~bob/creds'));
    expect(awsFilePath('credentials', { AWS_SHARED_CREDENTIALS_FILE: 'rel/creds' }, home)).toBe(resolve('rel/creds'));
  });

  it('does not treat $ in the home folder as a replacement pattern', () => {
    expect(awsFilePath('config', { AWS_CONFIG_FILE: '~/c' }, '/home/$&')).toBe('/home/$&/c');
  });
});
