import { describe, expect, it } from 'vitest';
import { profileHeader, profileOfSection } from '../../../../electron/core/aws-files/profile-header';

describe('profileHeader', () => {
  it('names sections by file kind', () => {
    expect(profileHeader('credentials', 'dev')).toBe('[dev]');
    expect(profileHeader('credentials', 'default')).toBe('[default]');
    expect(profileHeader('config', 'dev')).toBe('[profile dev]');
    expect(profileHeader('config', 'default')).toBe('[default]');
    expect(profileHeader('config', 'DEFAULT')).toBe('[profile DEFAULT]');
  });
});

describe('profileOfSection', () => {
  it('reads credentials sections as they are, except configparser defaults', () => {
    expect(profileOfSection('credentials', 'dev')).toBe('dev');
    expect(profileOfSection('credentials', 'profile dev')).toBe('profile dev');
    expect(profileOfSection('credentials', 'DEFAULT')).toBeUndefined();
  });

  it('reads config sections as botocore does, shell quoting included', () => {
    const cases: Array<[string, string | undefined]> = [
      ['default', 'default'],
      ['profile default', 'default'],
      ['profile dev', 'dev'],
      ['profile "dev"', 'dev'],
      ["profile 'dev'", 'dev'],
      ['profile\tdev ', 'dev'],
      ['profile "my dev"', 'my dev'],
      ['profile "a\\"b"', 'a"b'],
      ['profile a\\ b', 'a b'],
      ['profiles dev', 'dev'], // botocore only checks the prefix
      ['profile a b', undefined],
      ['profile', undefined],
      ['profile "unclosed', undefined],
      ['profile dev\\', undefined],
      [' profile dev', undefined],
      ['sso-session dev', undefined],
      ['services dev', undefined],
      ['dev', undefined],
    ];
    for (const [name, profile] of cases) expect(profileOfSection('config', name), name).toBe(profile);
  });
});
