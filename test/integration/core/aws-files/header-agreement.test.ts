/**
 * A header botocore and the AWS SDK for JavaScript read as different profiles is refused for edits,
 * naming its line, and nothing is written; a header both read alike is edited. Each case is checked
 * against the real readers: botocore (python3) and @smithy/shared-ini-file-loader disagree on the
 * profile exactly where Latchkey refuses, and agree after every edit it makes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { beforeAll, expect, it } from 'vitest';
import { editAwsFile } from '../../../../electron/core/aws-files/edit-aws-file';
import type { AwsFileKind } from '../../../../electron/core/aws-files/profile-header';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { botocore } from '../../../helpers/components';
import { describeWith } from '../../../helpers/needs';
import { botocoreParse, type Sections } from './botocore-parse';
import { tempFolders } from '../../../helpers/temp-folders';

interface Case {
  kind: AwsFileKind;
  text: string;
  profile: string;
  /** The line the refusal names; undefined where both readers agree and the edit goes ahead. */
  refusedAt?: number;
}

const cases: Case[] = [
  // botocore: profile x; the JS SDK: another section or none.
  { kind: 'config', text: '[profile    x]\nregion = a\n', profile: 'x', refusedAt: 1 },
  { kind: 'config', text: '[profile y]\nregion = a\n[profile x ]\nregion = b\n', profile: 'x', refusedAt: 3 },
  { kind: 'config', text: '[profile  "x"]\nregion = a\n', profile: 'x', refusedAt: 1 },
  { kind: 'config', text: '[profilex x]\nregion = a\n', profile: 'x', refusedAt: 1 },
  { kind: 'config', text: '[profile x];c\nregion = a\n', profile: 'x', refusedAt: 1 },
  { kind: 'credentials', text: '[x]\x1c\nregion = a\n', profile: 'x', refusedAt: 1 },
  { kind: 'credentials', text: '[y]\rregion = a\r[x]\rregion = b\r', profile: 'x', refusedAt: 3 },
  // The JS SDK: profile x; botocore: another section, none, or part of a value.
  { kind: 'config', text: '[profile.x]\nregion = a\n', profile: 'x', refusedAt: 1 },
  { kind: 'config', text: '[profile x]\nregion = a\n[profile.x]\nregion = b\n', profile: 'x', refusedAt: 3 },
  { kind: 'config', text: '[profile\u00a0x]\nregion = a\n', profile: 'x', refusedAt: 1 },
  { kind: 'config', text: '[profile\u000bx]\nregion = a\n', profile: 'x', refusedAt: 1 },
  { kind: 'config', text: '[sso-session x]\nregion = a\n', profile: 'sso-session.x', refusedAt: 1 },
  { kind: 'credentials', text: '[profile x]\nregion = a\n', profile: 'profile.x', refusedAt: 1 },
  { kind: 'credentials', text: '[y]\nregion = a\n  [x]\n  region = b\n', profile: 'x', refusedAt: 3 },
  // Both read profile x alike.
  { kind: 'config', text: '[profile x]\nregion = a\n', profile: 'x' },
  { kind: 'config', text: '[profile "x"]\nregion = a\n', profile: 'x' },
  { kind: 'config', text: "[profile 'x']\nregion = a\n", profile: 'x' },
  { kind: 'config', text: '[profile\tx] # note\nregion = a\n', profile: 'x' },
  { kind: 'config', text: '  [profile x] ; note\nregion = a\n', profile: 'x' },
  { kind: 'config', text: '[profile.y]\nregion = a\n[profile x]\nregion = b\n', profile: 'x' },
  { kind: 'credentials', text: '[x]\r\nregion = a\r\n', profile: 'x' },
  { kind: 'credentials', text: '[profile x]\nregion = a\n', profile: 'x' },
  { kind: 'credentials', text: '[y]\nregion = a\n', profile: 'x' },
];

describeWith([botocore], 'headers botocore and the AWS SDK for JavaScript read differently', () => {
  const temp = tempFolders();
  let dir: string;
  beforeAll(async () => {
    dir = temp('headers');
  });

  async function jsSdkProfiles(path: string, kind: AwsFileKind): Promise<Sections> {
    const missing = join(dir, 'missing');
    const files = await loadSharedConfigFiles({
      filepath: kind === 'credentials' ? path : missing,
      configFilepath: kind === 'config' ? path : missing,
      ignoreCache: true,
    });
    return kind === 'credentials' ? files.credentialsFile : files.configFile;
  }

  /** Each reader's keys for the profile, before or after an edit. */
  async function readers(paths: string[], kinds: AwsFileKind[], profiles: string[]) {
    const views = await botocoreParse(paths);
    return Promise.all(
      paths.map(async (path, i) => {
        const kind = kinds[i] ?? 'config';
        const view = views[i] ?? {};
        const python = (kind === 'credentials' ? view.raw : view.profiles)?.[profiles[i] ?? ''];
        return { error: view.error, python, js: (await jsSdkProfiles(path, kind))[profiles[i] ?? ''] };
      }),
    );
  }

  it('refuses exactly the headers the two read differently, and edits the others so both read the new value', async () => {
    const paths = await Promise.all(
      cases.map(async ({ text }, i) => {
        const path = join(dir, `case-${i}`);
        await writeFile(path, text);
        return path;
      }),
    );
    const kinds = cases.map((c) => c.kind);
    const profiles = cases.map((c) => c.profile);
    const before = await readers(paths, kinds, profiles);

    const outcomes = await Promise.all(
      cases.map(({ kind, profile }, i) => editAwsFile(paths[i] ?? '', kind, (file) => file.setKeys(profile, { output: 'json' })).catch((error: unknown) => error)),
    );
    const after = await readers(paths, kinds, profiles);

    for (const [i, { kind, text, profile, refusedAt }] of cases.entries()) {
      const what = `${kind} ${JSON.stringify(text)} (profile ${profile})`;
      const [read, reread, outcome] = [before[i], after[i], outcomes[i]];
      expect(read?.error, what).toBeUndefined();
      if (refusedAt !== undefined) {
        expect(read?.js, `${what}: the readers should disagree`).not.toEqual(read?.python);
        expect(outcome, what).toBeInstanceOf(LatchkeyError);
        expect((outcome as LatchkeyError).message, what).toMatch(new RegExp(`^${paths[i]}: line ${refusedAt}: .*then try again$`));
        expect(await readFile(paths[i] ?? '', 'utf8'), what).toBe(text);
      } else {
        expect(read?.js, `${what}: the readers should agree`).toEqual(read?.python);
        expect(outcome, what).toBe(true);
        expect(reread?.error, what).toBeUndefined();
        expect(reread?.python, what).toMatchObject({ output: 'json' });
        expect(reread?.js, what).toEqual(reread?.python);
      }
    }
  }, 60_000);
});
