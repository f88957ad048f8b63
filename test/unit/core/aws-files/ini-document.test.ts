import { describe, expect, it } from 'vitest';
import { IniDocument } from '../../../../electron/core/aws-files/ini-document';

describe('IniDocument', () => {
  it('splits lines at \\r\\n, \\n and a lone \\r, as Python does, and keeps each ending', () => {
    const doc = IniDocument.parse('\ufeffa\r\nb\nc\rd');
    expect(doc.lines).toEqual([
      { text: 'a', eol: '\r\n' },
      { text: 'b', eol: '\n' },
      { text: 'c', eol: '\r' },
      { text: 'd', eol: '' },
    ]);
    expect(doc.toString()).toBe('\ufeffa\r\nb\nc\rd');
  });

  it('gives new lines the file first line ending, or \\n when it has none', () => {
    expect(IniDocument.parse('a\r\nb\n').newline).toBe('\r\n');
    expect(IniDocument.parse('a').newline).toBe('\n');
    expect(IniDocument.parse('').newline).toBe('\n');
  });

  it('splices whole lines, keeping the ending of a replaced line and a missing final newline', () => {
    const doc = IniDocument.parse('a\r\nb');
    expect(doc.splice(1, 1, ['B']).toString()).toBe('a\r\nB');
    expect(doc.splice(2, 0, ['c', 'd']).toString()).toBe('a\r\nb\r\nc\r\nd');
    expect(doc.splice(0, 1, []).toString()).toBe('b');
    expect(doc.splice(1, 0, ['x']).toString()).toBe('a\r\nx\r\nb');
    expect(IniDocument.parse('').splice(0, 0, ['x']).toString()).toBe('x\n');
  });
});
