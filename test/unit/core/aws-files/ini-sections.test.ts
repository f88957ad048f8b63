import { describe, expect, it } from 'vitest';
import { IniDocument } from '../../../../electron/core/aws-files/ini-document';
import { keyLine } from '../../../../electron/core/aws-files/ini-sections';

const sections = (text: string) => IniDocument.parse(text).sections;

describe('iniSections', () => {
  it('finds headers, key lines with their continuation lines, and where each section ends', () => {
    const [dev, prod] = sections('# intro\n[dev]\nregion = a\ns3 =\n  x = 1\n\n  # c\n  y = 2\n\n[prod] # c\nk: v');
    expect(dev).toMatchObject({ name: 'dev', line: 1, end: 9, invalid: [] });
    expect(dev?.entries.map(({ key, line, end, value }) => ({ key, line, end, value }))).toEqual([
      { key: 'region', line: 2, end: 3, value: 'a' },
      { key: 's3', line: 3, end: 8, value: { x: '1', y: '2' } },
    ]);
    expect(prod).toMatchObject({ name: 'prod', line: 9, end: 11, entries: [{ key: 'k', value: 'v' }] });
  });

  it('records the lines botocore rejects: no delimiter, no key, a nested line without =', () => {
    const [dev] = sections('[dev]\njust words\n= value\nok = 1\ns3 =\n  no equals\n');
    expect(dev?.invalid).toEqual([1, 2, 5]);
    expect(dev?.entries.map((entry) => entry.key)).toEqual(['ok', 's3']);
  });

  it('records indented lines that continue a plain value, which the JS SDK reads as lines of their own', () => {
    const [dev] = sections('[dev]\nnote = a\n\n  b\n  [c]\nnext = 1\n');
    expect(dev?.entries.map(({ key, value }) => ({ key, value }))).toEqual([
      { key: 'note', value: 'a\n\nb\n[c]' },
      { key: 'next', value: '1' },
    ]);
    expect(dev?.continued).toEqual([3, 4]);
    expect(dev?.invalid).toEqual([]);
  });

  it('text before the first header belongs to no section', () => {
    expect(sections('junk\nmore = junk\n')).toEqual([]);
  });

  it('reads the layout of a key line for rewriting', () => {
    const [dev] = sections('[dev]\n  Region\t:  eu-west-1 \t');
    expect(keyLine('  Region\t:  eu-west-1 \t')).toEqual({ indent: '  ', key: 'Region', before: '\t', delimiter: ':', after: '  ', value: 'eu-west-1', trailing: ' \t' });
    expect(keyLine('k=')).toEqual({ indent: '', key: 'k', before: '', delimiter: '=', after: '', value: '', trailing: '' });
    expect(keyLine('  no delimiter ')).toBeUndefined();
    expect(dev?.entries[0]).toMatchObject({ key: 'region', value: 'eu-west-1' });
  });
});
