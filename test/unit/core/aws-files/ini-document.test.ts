import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IniDocument } from '../../../../electron/core/aws-files/ini-document';
import { readAllSections } from '../../../../electron/core/aws-files/ini-sections';
import { seenSections as seen } from './seen-sections';
import { generatedFile } from './aws-file-arbitrary';

const lines = (doc: IniDocument) => Array.from({ length: doc.lineCount }, (_, i) => ({ text: doc.text(i), eol: doc.eol(i) }));

describe('IniDocument', () => {
  it('splits lines at \\r\\n, \\n and a lone \\r, as Python does, and keeps each ending', () => {
    const doc = IniDocument.parse('\ufeffa\r\nb\nc\rd');
    expect(lines(doc)).toEqual([
      { text: 'a', eol: '\r\n' },
      { text: 'b', eol: '\n' },
      { text: 'c', eol: '\r' },
      { text: 'd', eol: '' },
    ]);
    expect(doc.bom).toBe('\ufeff');
    expect(doc.toString()).toBe('\ufeffa\r\nb\nc\rd');
    expect(doc.texts(1, 3)).toEqual(['b', 'c']);
  });

  it('finds the line that holds a character of the text, its ending included', () => {
    const doc = IniDocument.parse('\ufeffa\r\nbc\n\nd');
    // \ufeff a \r \n b c \n \n d
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((at) => doc.lineOf(at))).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 3]);
  });

  it('parses the texts of the two files it has just parsed once each', () => {
    const credentials = IniDocument.parse('[dev]\nk = v\n');
    const config = IniDocument.parse('[profile dev]\nregion = a\n');
    expect(IniDocument.parse('[dev]\nk = v\n')).toBe(credentials);
    expect(IniDocument.parse('[profile dev]\nregion = a\n')).toBe(config);
    IniDocument.parse('[other]\n');
    IniDocument.parse('[another]\n');
    expect(IniDocument.parse('[dev]\nk = v\n')).not.toBe(credentials);
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
    expect(IniDocument.parse('\ufeff').splice(0, 0, ['x']).toString()).toBe('\ufeffx\n');
  });

  it('after a splice, has the lines of the text it prints and the sections of a whole reading, re-read only in part', () => {
    // Lines that change what comes after them: headers, keys, nested blocks, indented continuations.
    const line = fc.constantFrom('[dev]', '[prod]', '  [dev]', 'k = v', 'K2: w', 's3 =', '  x = 1', '  y', '', '  ', '# c', 'junk', '= v', '[x] # c');
    const splice = fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.array(line, { maxLength: 4 }));
    const text = fc.oneof(
      generatedFile('credentials', true).map((file) => file.text),
      fc.array(line, { maxLength: 20 }).map((all) => all.join('\n')),
    );
    fc.assert(
      fc.property(text, fc.array(splice, { minLength: 1, maxLength: 4 }), (source, splices) => {
        let doc = IniDocument.parse(source);
        for (const [at, count, texts] of splices) {
          const start = at % (doc.lineCount + 1);
          doc = doc.splice(start, Math.min(count, doc.lineCount - start), texts);
          // An empty text added last without an ending is a line of the document, and prints as nothing.
          const printed = lines(doc).filter((line, i) => i < doc.lineCount - 1 || line.text !== '' || line.eol !== '');
          expect(printed).toEqual(lines(IniDocument.parse(doc.toString())));
          expect(seen(doc.sections)).toEqual(seen(readAllSections(doc)));
        }
      }),
      { numRuns: 400 },
    );
  });
});
