/**
 * What lets an edit of a large file skip most of its lines: sections found by their headers and read
 * when asked for, and the health check's proof by two searches, must each agree with reading every line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { soundAtSight, fileHealth } from '../../../../electron/core/aws-files/file-health';
import { IniDocument } from '../../../../electron/core/aws-files/ini-document';
import { readAllSections } from '../../../../electron/core/aws-files/ini-sections';
import { seenSections as seen } from './seen-sections';

// Lines near every rule: headers and what only looks like one, keys that are the same but for case and
// spacing, indented lines, comments, white space Python has and JavaScript has not, non-ASCII keys.
const line = fc.constantFrom(
  '[a]', '[b]', '[a] # c', '[', '[]', '[x', '[]]', ' [a]', '\t[b]', '\u3000[a]', '\ufeff[a]',
  'k = 1', 'K=2', 'k:3', 'k\t= 4', 'k  =', 'kk = 5', 'k k = 6', 'K K: 7', 'k=a=b', 'k: x = y',
  '# k = 1', '; k', '  # c', '\t; c', '', '  ', '\t', '\v', '= v', ': v', 'junk', 'ǅ = 1',
  '  k = 1', ' cont', '\tk = 2', 'é = 1', 'É = 2', 'k = é', 'k\u2028 = 1', 'x = a\u2028k = 1', '\u3000k = 1', 'k\x1c = 1', 'K\x1c: 2',
);
const text = fc
  .array(fc.tuple(line, fc.constantFrom('\n', '\n', '\r\n', '\r')), { maxLength: 30 })
  .map((lines) => lines.map(([text, eol]) => text + eol).join(''));

describe('reading only what an edit needs', () => {
  it('finds the sections a reading of every line finds, with the same keys and odd lines', () => {
    fc.assert(
      fc.property(text, (source) => {
        const doc = IniDocument.parse(source);
        expect(seen(doc.sections)).toEqual(seen(readAllSections(doc)));
      }),
      { numRuns: 3000 },
    );
  });

  it('proves a file sound only when no section has a line botocore rejects or a key twice', () => {
    let proven = 0;
    fc.assert(
      fc.property(text, (source) => {
        const doc = IniDocument.parse(source);
        if (!soundAtSight(doc)) return;
        proven++;
        for (const section of readAllSections(doc)) {
          expect(section.invalid).toEqual([]);
          expect(section.continued).toEqual([]);
          const keys = section.entries.map((entry) => entry.key);
          expect(new Set(keys).size, JSON.stringify(source)).toBe(keys.length);
        }
      }),
      { numRuns: 3000 },
    );
    // The property holds of something: many of the texts are proven sound.
    expect(proven).toBeGreaterThan(300);
  });

  it('proves a large ordinary file sound, and not one with a key twice in one of its sections', () => {
    const profiles = Array.from({ length: 3000 }, (_, i) => `[p${i}]\naws_access_key_id = AKIA${i}\naws_secret_access_key = s\n`);
    const sound = IniDocument.parse(profiles.join('\n'));
    expect(soundAtSight(sound)).toBe(true);
    expect(fileHealth(sound, 'F')).toEqual([]);

    // A section so long that searching from each of its lines would cost more than reading it.
    const long = Array.from({ length: 400 }, (_, i) => `key_${i} = ${'v'.repeat(100)}`).join('\n');
    expect(soundAtSight(IniDocument.parse(`[a]\n${long}\n`))).toBe(false);
    expect(fileHealth(IniDocument.parse(`[a]\n${long}\nKEY_7 = x\n`), 'F')).toHaveLength(1);

    profiles[1500] = '[p1500]\naws_access_key_id = A\n# rotated\nAWS_Access_Key_Id\t: B\n';
    const repeated = IniDocument.parse(profiles.join('\n'));
    expect(soundAtSight(repeated)).toBe(false);
    expect(fileHealth(repeated, 'F')).toEqual([
      `F line 6004: key aws_access_key_id in [p1500] appears a second time (first on line 6002), so the AWS CLI cannot read this file; keep one of them`,
    ]);
  });
});
