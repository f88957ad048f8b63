/**
 * Publishing into a file the AWS CLI cannot read succeeds with one warning per problem, naming its
 * line. Each claim is checked against the real readers: botocore fails on the file before and after the
 * edit (configparser's own error naming the same line), and so do AWS CLI v1 and v2; files with the
 * look-alikes configparser accepts ([default] and [profile default], [DEFAULT] twice) get no warning.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, it } from 'vitest';
import { editAwsFile } from '../../../../electron/core/aws-files/edit-aws-file';
import type { AwsFileKind } from '../../../../electron/core/aws-files/profile-header';
import { AWS_CLI_V2_PATH, awsCliV1, awsCliV2, botocore } from '../../../helpers/components';
import { describeWith } from '../../../helpers/needs';
import { botocoreParse } from './botocore-parse';
import { tempFolders } from '../../../helpers/temp-folders';

const run = promisify(execFile);
const UNREADABLE = 'so the AWS CLI cannot read this file';
const PUBLISHED = { aws_access_key_id: 'ASIAEXAMPLEEXAMPLE01', aws_secret_access_key: 'secret', aws_session_token: 'token' };

interface Case {
  what: string;
  kind: AwsFileKind;
  text: string;
  /** The configparser error botocore fails with; undefined: botocore reads the file. */
  cause?: string;
  /** The warnings after publishing profile x, PATH standing for the file; their line numbers are the file's after the edit. */
  warnings: string[];
}

const cases: Case[] = [
  {
    what: 'a UTF-8 BOM',
    kind: 'credentials',
    text: '\ufeff[x]\naws_access_key_id = ASIAOLD\n',
    cause: 'MissingSectionHeaderError',
    warnings: [`PATH line 1: the file starts with a UTF-8 byte order mark (BOM), ${UNREADABLE}; save it as UTF-8 without a BOM`],
  },
  {
    what: 'a section name given twice (below the edit, so its line moves)',
    kind: 'credentials',
    text: '[x]\nregion = us-east-1\n\n[dev]\nregion = a\n[dev]\noutput = json\n',
    cause: 'DuplicateSectionError',
    warnings: [`PATH line 9: "[dev]" appears a second time (first on line 7), ${UNREADABLE}; merge them into one`],
  },
  {
    what: 'a key line before the first header',
    kind: 'config',
    text: 'region = eu-west-1\n[profile x]\nregion = us-east-1\n',
    cause: 'MissingSectionHeaderError',
    warnings: [`PATH line 1: this line comes before the first [section] header, ${UNREADABLE}; move it into a section, make it a # comment or remove it`],
  },
  {
    what: 'a line botocore cannot parse in another section',
    kind: 'credentials',
    text: '[dev]\nregion = a\nthis line has no delimiter\n',
    cause: 'ParsingError',
    warnings: [`PATH line 3: this line in [dev] is not "key = value", a comment or an indented continuation, ${UNREADABLE}; fix or remove it`],
  },
  {
    what: 'a key given twice in another section',
    kind: 'credentials',
    text: '[dev]\nregion = a\nREGION = b\n',
    cause: 'DuplicateOptionError',
    warnings: [`PATH line 3: key region in [dev] appears a second time (first on line 2), ${UNREADABLE}; keep one of them`],
  },
  {
    what: 'a nested line without = (botocore names no line for this one)',
    kind: 'config',
    text: '[profile dev]\ns3 =\n  addressing_style path\n',
    cause: 'ValueError',
    warnings: [`PATH line 3: this line in [profile dev] is not "key = value", a comment or an indented continuation, ${UNREADABLE}; fix or remove it`],
  },
  {
    what: 'two problems: one warning each, in line order',
    kind: 'credentials',
    text: 'stray\n[dev]\n[dev]\n',
    cause: 'MissingSectionHeaderError',
    warnings: [
      `PATH line 1: this line comes before the first [section] header, ${UNREADABLE}; move it into a section, make it a # comment or remove it`,
      `PATH line 3: "[dev]" appears a second time (first on line 2), ${UNREADABLE}; merge them into one`,
    ],
  },
  {
    what: 'no problem: [default] and [profile default] are two names to configparser',
    kind: 'config',
    text: '[default]\nregion = a\n[profile default]\nregion = b\n',
    warnings: [],
  },
  {
    what: 'no problem: configparser lets [DEFAULT] repeat',
    kind: 'credentials',
    text: '[DEFAULT]\nregion = a\n[dev]\n[DEFAULT]\noutput = json\n',
    warnings: [],
  },
];

/** `aws configure list --profile x` with only this file: its exit code and last stderr line. */
async function awsCli(cli: string, kind: AwsFileKind, path: string, home: string): Promise<{ code: number; error: string }> {
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    PYTHONUTF8: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: kind === 'credentials' ? path : join(home, 'none'),
    AWS_CONFIG_FILE: kind === 'config' ? path : join(home, 'none'),
  };
  try {
    await run(cli, ['configure', 'list', '--profile', 'x'], { env, timeout: 60_000 });
    return { code: 0, error: '' };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, error: failed.stderr.trim().split('\n').at(-1) ?? '' };
  }
}

describeWith([botocore, awsCliV1, awsCliV2], 'warnings about files the AWS CLI cannot read', () => {
  const temp = tempFolders();
  let dir: string;
  beforeAll(async () => {
    dir = temp('health');
  });

  it('publishing succeeds; each problem is named once with its line, and botocore and both AWS CLIs really fail there', async () => {
    const edited = await Promise.all(
      cases.map(async ({ kind, text }, i) => {
        const path = join(dir, `${kind}-${i}`);
        await writeFile(path, text);
        await writeFile(`${path}.before`, text);
        const warnings: string[] = [];
        const written = await editAwsFile(path, kind, (file) => file.setKeys('x', kind === 'credentials' ? PUBLISHED : { region: 'eu-west-1' }), {
          warn: (message) => warnings.push(message),
        });
        return { path, written, warnings, after: await readFile(path, 'utf8') };
      }),
    );
    const views = await botocoreParse(edited.flatMap(({ path }) => [`${path}.before`, path]));
    const clis = await Promise.all(edited.flatMap(({ path }, i) => ['aws', AWS_CLI_V2_PATH].map((cli) => awsCli(cli, cases[i]?.kind ?? 'config', path, dir))));

    for (const [i, { what, cause, warnings }] of cases.entries()) {
      const result = edited[i];
      const [before, after] = [views[2 * i], views[2 * i + 1]];
      if (!result || !before || !after) throw new Error(`no result for ${what}`);
      expect(result.written, what).toBe(true);
      expect(result.warnings, what).toEqual(warnings.map((warning) => warning.replace('PATH', result.path)));
      expect(before.cause, what).toBe(cause);
      expect(after.cause, what).toBe(cause);
      // configparser names the line of the first problem it meets; so does the first warning.
      const named = /line (\d+):/.exec(result.warnings[0] ?? '')?.[1];
      if (after.lines?.length) expect(after.lines[0], what).toBe(Number(named));
      for (const [j, cli] of ['AWS CLI v1', 'AWS CLI v2'].entries()) {
        const { code, error } = clis[2 * i + j] ?? { code: -1, error: '' };
        if (cause) {
          expect(code, `${what}: ${cli}`).not.toBe(0);
          expect(error, `${what}: ${cli}`).toMatch(/Unable to parse config file/);
        } else expect({ code, error }, `${what}: ${cli}`).toEqual({ code: 0, error: '' });
      }
    }
    // The nested line botocore rejects without naming it is the one the warning names.
    const nested = edited[cases.findIndex((c) => c.cause === 'ValueError')];
    expect(nested?.after.split(/\r\n|\n|\r/)[2]).toBe('  addressing_style path');
  }, 120_000);

  it('an edit that refuses warns about nothing, and without warn nothing is checked', async () => {
    const path = join(dir, 'refused');
    await writeFile(path, '\ufeff[dev]\nregion = a\n[dev]\n');
    const warnings: string[] = [];
    await expect(editAwsFile(path, 'credentials', (file) => file.setKeys('dev', { region: 'b' }), { warn: (m) => warnings.push(m) })).rejects.toThrow(
      /profile dev has 2 sections/,
    );
    expect(warnings).toEqual([]);
    expect(await editAwsFile(path, 'credentials', (file) => file.setKeys('x', { region: 'b' }))).toBe(true);
  });
});
