import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsFile } from '../../../../electron/core/aws-files/aws-file';
import type { AwsFileKind } from '../../../../electron/core/aws-files/profile-header';
import { editCase, generatedFile } from './aws-file-arbitrary';
import { applyEdit, expectedProfile, expectOutsideUnchanged, own, without } from './edit-expectations';

const KINDS: AwsFileKind[] = ['credentials', 'config'];

describe('AwsFile on generated files', () => {
  it('prints any text back byte for byte', () => {
    const lineish = fc.string({ unit: fc.constantFrom('\n', '\r', '\r\n', '[', ']', '=', ':', '#', ';', ' ', '\t', 'a', '\ufeff', 'é', '🔑') });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), lineish), fc.constantFrom(...KINDS), (text, kind) => {
        expect(AwsFile.parse(text, kind, 'f').toString()).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('prints generated files back byte for byte', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS).chain((kind) => generatedFile(kind, true)), (file) => {
        expect(AwsFile.parse(file.text, file.kind, 'f').toString()).toBe(file.text);
      }),
      { numRuns: 200 },
    );
  });

  for (const kind of KINDS)
    it(`an edit of one ${kind} profile changes no byte outside its section and no other profile`, () => {
      fc.assert(
        fc.property(editCase(kind, true), (edited) => {
          const { file, edit } = edited;
          const doc = AwsFile.parse(file.text, kind, 'f');
          const before = doc.profiles();
          applyEdit(doc, edit);
          const after = doc.toString();
          expectOutsideUnchanged(edited, after);

          const reread = AwsFile.parse(after, kind, 'f').profiles();
          expect(without(reread, edit.profile)).toEqual(without(before, edit.profile));
          expect(own(reread, edit.profile)).toEqual(expectedProfile(own(before, edit.profile), edit));
        }),
        { numRuns: 250 },
      );
    });
});
