import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsSdkSection, profileHeader, profileOfSection, type AwsFileKind } from '../../../../electron/core/aws-files/profile-header';

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

describe('jsSdkSection', () => {
  it('reads header lines as the AWS SDK for JavaScript does', () => {
    // [kind, line, the profile it opens; null: a section of no profile; undefined: no header]
    const cases: Array<[AwsFileKind, string, string | null | undefined]> = [
      ['config', '[profile dev]', 'dev'],
      ['config', '  [profile "dev"] # note', 'dev'],
      ['config', "[profile 'dev'] ;note", 'dev'],
      ['config', '[profile\tdev]', 'dev'],
      ['config', '[profile\u00a0dev]', 'dev'], // JavaScript white space, not Python's
      ['config', '[profile.dev]', 'dev'], // taken whole, then cut at its first dot
      ['config', '[profile a.b]', 'a.b'],
      ['config', '[default]', 'default'],
      ['config', '[profile default]', 'default'],
      ['config', '[sso-session s]', 'sso-session.s'],
      ['config', '[profile    dev]', null],
      ['config', '[profile dev ]', null],
      ['config', '[profile  "dev"]', null],
      ['config', '[profilex dev]', null],
      ['config', '[dev]', null],
      ['config', '[profile dev] stray', undefined],
      ['config', '[profile dev];x', undefined],
      ['config', 'region = x', undefined],
      ['credentials', '[dev]', 'dev'],
      ['credentials', '[dev ]', 'dev '],
      ['credentials', '[profile dev]', 'profile.dev'],
      ['credentials', '[foo bar]', null],
      ['credentials', '[dev]\x1c', undefined], // white space to Python only
    ];
    for (const [kind, line, profile] of cases) {
      const read = jsSdkSection(kind, line);
      expect(read === undefined ? undefined : (read.profile ?? null), `${kind} ${JSON.stringify(line)}`).toBe(profile);
    }
  });

  it('names a profile only in a line that holds its name from after its first dot (edits look for headers by it)', () => {
    const unit = fc.constantFrom('[', ']', ' ', '\t', '.', '"', "'", '#', ';', 'profile', 'sso-session', 'default', 'a', 'b', '-', '\u00a0');
    const part = (...words: string[]) => fc.constantFrom('', ...words);
    const header = fc
      .tuple(part(' '), part('profile', 'sso-session', 'services', 'x'), part(' ', '.', '\t', '  '), part('"', "'"), part('a', 'a.b', 'default', 'x.y.z'), part('"', "'"), part(' ', ' # c', 'x'))
      .map(([indent, type, gap, open, name, close, after]) => `${indent}[${type}${gap}${open}${name}${close}]${after}`);
    fc.assert(
      fc.property(fc.constantFrom<AwsFileKind>('credentials', 'config'), fc.oneof(header, fc.string({ unit, maxLength: 12 })), (kind, line) => {
        const profile = jsSdkSection(kind, line)?.profile;
        if (profile !== undefined) expect(line).toContain(profile.slice(profile.indexOf('.') + 1));
      }),
      { numRuns: 2000 },
    );
  });
});
