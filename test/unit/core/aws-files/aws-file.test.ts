import { describe, expect, it } from 'vitest';
import { AwsFile } from '../../../../electron/core/aws-files/aws-file';
import type { AwsFileKind } from '../../../../electron/core/aws-files/profile-header';

const edit = (text: string, change: (file: AwsFile) => void, kind: AwsFileKind = 'credentials'): string => {
  const file = AwsFile.parse(text, kind, '/home/u/.aws/credentials');
  change(file);
  return file.toString();
};

describe('AwsFile.setKeys', () => {
  it('edits under a header botocore and the AWS SDK for JavaScript both read as the profile', () => {
    for (const header of ['[profile "dev"]', "[profile 'dev']", '[profile\tdev]', '  [profile dev] # mine', '[profile dev] ; mine']) {
      expect(edit(`${header}\nregion = a\n`, (f) => f.setKeys('dev', { region: 'b' }), 'config'), header).toBe(`${header}\nregion = b\n`);
    }
  });

  it('replaces a value in place, keeping indentation, the spacing around = and trailing white space', () => {
    const text = '[dev]\n  region=us-east-1\n  aws_access_key_id\t=  OLD  \n';
    expect(edit(text, (f) => f.setKeys('dev', { aws_access_key_id: 'NEW', region: 'eu-west-1' }))).toBe(
      '[dev]\n  region=eu-west-1\n  aws_access_key_id\t=  NEW  \n',
    );
  });

  it('writes the key as given where it was upper-case, and uses = where the line used :', () => {
    const text = '[dev]\nAWS_SESSION_TOKEN = old\nregion: us-east-1\n';
    expect(edit(text, (f) => f.setKeys('dev', { aws_session_token: 'new', region: 'eu-west-1' }))).toBe(
      '[dev]\naws_session_token = new\nregion = eu-west-1\n',
    );
  });

  it('replaces a value botocore reads with its inline "comment", and a nested block, as a whole', () => {
    const text = '[dev]\nregion = us-east-1 # prod\ns3 =\n  addressing_style = path\n\n  # old\n  signature_version = s3v4\noutput = json\n';
    expect(edit(text, (f) => f.setKeys('dev', { region: 'eu-west-1', s3: 'gone' }))).toBe('[dev]\nregion = eu-west-1\ns3 = gone\noutput = json\n');
  });

  it('adds a key after the last key, before the blank lines and comments that lead into the next section', () => {
    const text = '[dev]\nregion = us-east-1\n\n# Production: do not touch\n[prod]\nregion = eu-west-1\n';
    expect(edit(text, (f) => f.setKeys('dev', { output: 'json' }))).toBe(
      '[dev]\nregion = us-east-1\noutput = json\n\n# Production: do not touch\n[prod]\nregion = eu-west-1\n',
    );
  });

  it('adds a key after a nested block, unindented so it is not part of it', () => {
    const text = '[profile dev]\ns3 =\n  addressing_style = path\n\n[profile prod]\n';
    expect(edit(text, (f) => f.setKeys('dev', { region: 'eu-west-1' }), 'config')).toBe(
      '[profile dev]\ns3 =\n  addressing_style = path\nregion = eu-west-1\n\n[profile prod]\n',
    );
  });

  it('adds the first key of an empty section right after its header', () => {
    expect(edit('[dev]\n# notes\n\n[prod]\n', (f) => f.setKeys('dev', { region: 'x' }))).toBe('[dev]\nregion = x\n# notes\n\n[prod]\n');
  });

  it('keeps a missing final newline and the file own line endings', () => {
    expect(edit('[a]\nx = 1', (f) => f.setKeys('a', { y: '2' }))).toBe('[a]\nx = 1\ny = 2');
    expect(edit('[a]\nx = 1', (f) => f.setKeys('a', { x: '2' }))).toBe('[a]\nx = 2');
    expect(edit('[a]\r\nx = 1\r\n', (f) => f.setKeys('a', { y: '2' }))).toBe('[a]\r\nx = 1\r\ny = 2\r\n');
    // The AWS SDK for JavaScript reads only \n and \r\n as line breaks, so to it [a] is no header here.
    expect(() => edit('[a]\rx = 1\r', (f) => f.setKeys('a', { y: '2' }))).toThrow(/line 1: .* lone carriage return/);
  });

  it('adds a section at the end after one blank line, in the file own style', () => {
    expect(edit('', (f) => f.setKeys('dev', { k: 'v' }))).toBe('[dev]\nk = v\n');
    expect(edit('\ufeff', (f) => f.setKeys('dev', { k: 'v' }))).toBe('\ufeff[dev]\nk = v\n');
    expect(edit('[a]\nx = 1\n', (f) => f.setKeys('dev', { k: 'v' }))).toBe('[a]\nx = 1\n\n[dev]\nk = v\n');
    expect(edit('[a]\nx = 1\n\n', (f) => f.setKeys('dev', { k: 'v' }))).toBe('[a]\nx = 1\n\n[dev]\nk = v\n');
    expect(edit('[a]\r\nx = 1', (f) => f.setKeys('dev', { k: 'v', l: 'w' }))).toBe('[a]\r\nx = 1\r\n\r\n[dev]\r\nk = v\r\nl = w');
  });

  it('names config sections [profile NAME] and [default], and finds [profile "NAME"] and [profile default]', () => {
    expect(edit('', (f) => f.setKeys('dev', { region: 'x' }), 'config')).toBe('[profile dev]\nregion = x\n');
    expect(edit('', (f) => f.setKeys('default', { region: 'x' }), 'config')).toBe('[default]\nregion = x\n');
    expect(edit('[profile "dev"]\nregion = a\n', (f) => f.setKeys('dev', { region: 'b' }), 'config')).toBe('[profile "dev"]\nregion = b\n');
    expect(edit('[profile default]\nregion = a\n', (f) => f.setKeys('default', { region: 'b' }), 'config')).toBe('[profile default]\nregion = b\n');
    // In the credentials file [profile dev] is a profile called "profile dev", not dev.
    expect(edit('[profile dev]\n', (f) => f.setKeys('dev', { k: 'v' }))).toBe('[profile dev]\n\n[dev]\nk = v\n');
  });

  it('changes nothing when the values are already there, or when there are none to set', () => {
    const text = '[dev]\r\nregion = x # same?\r\n';
    expect(edit(text, (f) => f.setKeys('dev', {}))).toBe(text);
    expect(edit(text, (f) => f.setKeys('new', {}))).toBe(text);
    expect(edit('[dev]\nregion = x\n', (f) => f.setKeys('dev', { region: 'x' }))).toBe('[dev]\nregion = x\n');
  });

  it('leaves other sections odd lines alone', () => {
    const text = 'stray text before any section\n[other]\nthis is not a key\nregion = a\nregion = b\n[dev]\nregion = x\n';
    expect(edit(text, (f) => f.setKeys('dev', { region: 'y' }))).toBe(text.replace('region = x', 'region = y'));
  });
});

describe('AwsFile.removeKeys and removeProfile', () => {
  it('removes a key with its continuation lines; missing keys and profiles are no-ops', () => {
    const text = '[dev]\ns3 =\n  addressing_style = path\n  # inside\n  signature_version = s3v4\nregion = x\n';
    expect(edit(text, (f) => f.removeKeys('dev', ['s3', 'output']))).toBe('[dev]\nregion = x\n');
    expect(edit(text, (f) => f.removeKeys('nobody', ['region']))).toBe(text);
  });

  it('removes a section up to its last key and one blank line, leaving the next section comments', () => {
    const text = '[a]\nx = 1\n\n[dev]\n# mine\nk = v\n\n# about b\n[b]\ny = 2\n';
    expect(edit(text, (f) => f.removeProfile('dev'))).toBe('[a]\nx = 1\n\n# about b\n[b]\ny = 2\n');
    expect(edit('[a]\nx = 1\n\n[dev]\nk = v', (f) => f.removeProfile('dev'))).toBe('[a]\nx = 1\n\n');
    expect(edit('[dev]\n[b]\n', (f) => f.removeProfile('dev'))).toBe('[b]\n');
    expect(edit('[b]\n', (f) => f.removeProfile('dev'))).toBe('[b]\n');
  });
});

describe('AwsFile.profiles', () => {
  it('reads values as botocore does', () => {
    const text = '[dev]\nREGION = eu-west-1 # kept\ns3 =\n  addressing_style = path\n[profile x]\nk = v\n';
    expect(AwsFile.parse(text, 'credentials', 'f').profiles()).toEqual({
      dev: { region: 'eu-west-1 # kept', s3: { addressing_style: 'path' } },
      'profile x': { k: 'v' },
    });
    expect(AwsFile.parse('[sso-session s]\nk = v\n[profile x]\nk = v\n[default]\n', 'config', 'f').profiles()).toEqual({ x: { k: 'v' }, default: {} });
  });

  it('gives one profile as profiles() gives it', () => {
    const text = '[DEFAULT]\noutput = json\n[dev]\nregion = a\n[dev]\nregion = b\n[__proto__]\nk = v\n';
    const file = AwsFile.parse(text, 'credentials', 'f');
    const all = file.profiles();
    for (const name of ['dev', '__proto__', 'missing', 'DEFAULT', 'constructor']) expect(file.profile(name), name).toEqual(all[name]);
    expect(file.profile('dev')).toEqual({ output: 'json', region: 'b' });
  });

  it('treats names such as constructor and __proto__ as plain names', () => {
    const profiles = AwsFile.parse('[constructor]\n__proto__ = x\n[__proto__]\nk = v\n', 'credentials', 'f').profiles();
    expect(Object.keys(profiles)).toEqual(['constructor', '__proto__']);
    expect(Object.entries(profiles.constructor ?? {})).toEqual([['__proto__', 'x']]);
    expect(Object.entries(profiles.__proto__ ?? {})).toEqual([['k', 'v']]);
    expect(profiles.valueOf).toBeUndefined();
  });
});
