import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AwsFile } from '../../../../electron/core/aws-files/aws-file';
import { editAwsFile } from '../../../../electron/core/aws-files/edit-aws-file';
import type { AwsFileKind } from '../../../../electron/core/aws-files/profile-header';
import { LatchkeyError } from '../../../../electron/shared/errors';
import { tempFolders } from '../../../helpers/temp-folders';

const FILE = '[dev]\nregion = us-east-1\n';
const SECRET = 'wJalrXUtnFEMIK7MDENG';
const NAME_RULE = 'is not allowed: use 1-128 of the characters A-Z a-z 0-9 _ . @ + % : / -';
const KEY_RULE = 'is not allowed: use lower-case letters, digits and _ (like aws_session_token)';

interface Case {
  what: string;
  kind?: AwsFileKind;
  /** The file before (and, since nothing may be written, after). */
  file?: string | Buffer;
  edit: (file: AwsFile) => void;
  code: 'invalid-input' | 'aws-file';
  /** The whole message; PATH stands for the file's path. */
  message: string;
}

const cases: Case[] = [
  // Profile names: only [A-Za-z0-9_.@+%:/-], so a name can never open, close or inject a section.
  { what: 'space in a name', edit: (f) => f.setKeys('my profile', { region: 'x' }), code: 'invalid-input', message: `profile name "my profile" ${NAME_RULE}` },
  { what: 'brackets and a newline in a name', edit: (f) => f.setKeys('dev]\n[evil', { region: 'x' }), code: 'invalid-input', message: `profile name "dev]\\n[evil" ${NAME_RULE}` },
  { what: 'empty name', edit: (f) => f.removeProfile(''), code: 'invalid-input', message: `profile name "" ${NAME_RULE}` },
  { what: 'name with = (removing keys)', edit: (f) => f.removeKeys('a=b', ['region']), code: 'invalid-input', message: `profile name "a=b" ${NAME_RULE}` },
  // Names every AWS reader would misread.
  {
    what: '[DEFAULT] in the credentials file: configparser defaults for every profile',
    edit: (f) => f.setKeys('DEFAULT', { region: 'x' }),
    code: 'invalid-input',
    message:
      'profile name "DEFAULT" cannot be used in the credentials file: Python AWS tools copy the keys of a [DEFAULT] section into every profile; choose another name',
  },
  {
    what: '__proto__: the JS SDK refuses the file',
    kind: 'config',
    edit: (f) => f.setKeys('__proto__', { region: 'x' }),
    code: 'invalid-input',
    message: 'profile name "__proto__" cannot be used: the AWS SDK for JavaScript misreads a profile named like a built-in JavaScript property; choose another name',
  },
  {
    what: 'constructor: the JS SDK reads a function',
    edit: (f) => f.setKeys('constructor', { region: 'x' }),
    code: 'invalid-input',
    message: 'profile name "constructor" cannot be used: the AWS SDK for JavaScript misreads a profile named like a built-in JavaScript property; choose another name',
  },
  // Keys: lower-case letters, digits and _ (no =, [, white space, line breaks; botocore lower-cases keys anyway).
  { what: 'key with =', edit: (f) => f.setKeys('dev', { 'a=b': 'x' }), code: 'invalid-input', message: `key "a=b" for profile dev ${KEY_RULE}` },
  { what: 'key with [', edit: (f) => f.setKeys('dev', { '[evil]': 'x' }), code: 'invalid-input', message: `key "[evil]" for profile dev ${KEY_RULE}` },
  { what: 'key with a space', edit: (f) => f.setKeys('dev', { 'a b': 'x' }), code: 'invalid-input', message: `key "a b" for profile dev ${KEY_RULE}` },
  { what: 'key with a line break', edit: (f) => f.setKeys('dev', { 'a\nb': 'x' }), code: 'invalid-input', message: `key "a\\nb" for profile dev ${KEY_RULE}` },
  { what: 'key with :', edit: (f) => f.setKeys('dev', { 'a:b': 'x' }), code: 'invalid-input', message: `key "a:b" for profile dev ${KEY_RULE}` },
  { what: 'upper-case key', edit: (f) => f.setKeys('dev', { Region: 'x' }), code: 'invalid-input', message: `key "Region" for profile dev ${KEY_RULE}` },
  { what: 'empty key', edit: (f) => f.setKeys('dev', { '': 'x' }), code: 'invalid-input', message: `key "" for profile dev ${KEY_RULE}` },
  { what: 'bad key to remove', edit: (f) => f.removeKeys('dev', ['# comment']), code: 'invalid-input', message: `key "# comment" for profile dev ${KEY_RULE}` },
  // Values: each message names the key, never the value (often a secret).
  { what: 'value with a line break', edit: (f) => f.setKeys('dev', { aws_secret_access_key: `${SECRET}\n[evil]` }), code: 'invalid-input', message: 'the value for aws_secret_access_key in profile dev contains a line break' },
  { what: 'value with a carriage return', edit: (f) => f.setKeys('dev', { aws_session_token: `${SECRET}\r` }), code: 'invalid-input', message: 'the value for aws_session_token in profile dev contains a line break' },
  { what: 'empty value', edit: (f) => f.setKeys('dev', { region: '' }), code: 'invalid-input', message: 'the value for region in profile dev is empty (remove the key instead)' },
  { what: 'leading space', edit: (f) => f.setKeys('dev', { aws_secret_access_key: ` ${SECRET}` }), code: 'invalid-input', message: 'the value for aws_secret_access_key in profile dev starts or ends with white space, which AWS tools drop' },
  {
    what: 'trailing \\x1f, white space only to Python',
    edit: (f) => f.setKeys('dev', { aws_secret_access_key: `${SECRET}\x1f` }),
    code: 'invalid-input',
    message: 'the value for aws_secret_access_key in profile dev starts or ends with white space, which AWS tools drop',
  },
  { what: 'trailing tab', edit: (f) => f.setKeys('dev', { aws_secret_access_key: `${SECRET}\t` }), code: 'invalid-input', message: 'the value for aws_secret_access_key in profile dev starts or ends with white space, which AWS tools drop' },
  {
    what: '# after a space',
    edit: (f) => f.setKeys('dev', { aws_secret_access_key: `${SECRET} #x` }),
    code: 'invalid-input',
    message: 'the value for aws_secret_access_key in profile dev has # or ; at its start or after a space, which the AWS SDK for JavaScript reads as a comment',
  },
  {
    what: '; at the start',
    edit: (f) => f.setKeys('dev', { aws_secret_access_key: `;${SECRET}` }),
    code: 'invalid-input',
    message: 'the value for aws_secret_access_key in profile dev has # or ; at its start or after a space, which the AWS SDK for JavaScript reads as a comment',
  },
  // The edited section itself would need guessing.
  {
    what: 'profile twice',
    file: '[dev]\nregion = a\n\n[dev]\nregion = b\n',
    edit: (f) => f.setKeys('dev', { region: 'c' }),
    code: 'aws-file',
    message: 'PATH: profile dev has 2 sections ([dev] on line 1 and [dev] on line 4); merge them into one, then try again',
  },
  {
    what: '[default] and [profile default] in the config file',
    kind: 'config',
    file: '[default]\nregion = a\n[profile default]\nregion = b\n',
    edit: (f) => f.setKeys('default', { region: 'c' }),
    code: 'aws-file',
    message: 'PATH: profile default has 2 sections ([default] on line 1 and [profile default] on line 3); merge them into one, then try again',
  },
  {
    what: '[profile dev] and [profile "dev"], removing the profile',
    kind: 'config',
    file: '[profile dev]\n[profile "dev"]\n',
    edit: (f) => f.removeProfile('dev'),
    code: 'aws-file',
    message: 'PATH: profile dev has 2 sections ([profile dev] on line 1 and [profile "dev"] on line 2); merge them into one, then try again',
  },
  {
    what: 'key twice (botocore lower-cases keys)',
    file: '[dev]\nregion = a\nREGION = b\n',
    edit: (f) => f.setKeys('dev', { output: 'json' }),
    code: 'aws-file',
    message: 'PATH: key region appears twice in profile dev (lines 2 and 3); remove one, then try again',
  },
  {
    what: 'a line with no delimiter (e.g. a pasted secret)',
    file: `[dev]\nregion = a\n${SECRET}\n`,
    edit: (f) => f.setKeys('dev', { output: 'json' }),
    code: 'aws-file',
    message: 'PATH: line 3 (in profile dev) is not "key = value", a comment or an indented continuation, so AWS tools cannot read it; fix or remove that line, then try again',
  },
  {
    what: 'a line with no key',
    file: '[dev]\n= a\n',
    edit: (f) => f.removeKeys('dev', ['region']),
    code: 'aws-file',
    message: 'PATH: line 2 (in profile dev) is not "key = value", a comment or an indented continuation, so AWS tools cannot read it; fix or remove that line, then try again',
  },
  {
    what: 'a nested line with no =',
    kind: 'config',
    file: '[profile dev]\ns3 =\n  addressing_style path\n',
    edit: (f) => f.removeProfile('dev'),
    code: 'aws-file',
    message: 'PATH: line 3 (in profile dev) is not "key = value", a comment or an indented continuation, so AWS tools cannot read it; fix or remove that line, then try again',
  },
  {
    what: 'an indented line under a plain value (botocore: more value; JS SDK: a line of its own)',
    file: '[dev]\nnote = first\n\n  second\n',
    edit: (f) => f.setKeys('dev', { region: 'x' }),
    code: 'aws-file',
    message:
      "PATH: line 4 (in profile dev) is indented under a key, which Python AWS tools read as more of that key's value and the AWS SDK for JavaScript as a line of its own; unindent or remove it, then try again",
  },
  {
    what: 'an indented header under a key (a section only the JS SDK sees)',
    file: '[dev]\nregion = a\n  [prod]\n  aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n',
    edit: (f) => f.setKeys('dev', { region: 'b' }),
    code: 'aws-file',
    message:
      "PATH: line 3 (in profile dev) is indented under a key, which Python AWS tools read as more of that key's value and the AWS SDK for JavaScript as a line of its own; unindent or remove it, then try again",
  },
  {
    what: 'text after a header ] (the JS SDK would file the keys under the profile before)',
    file: '[prod]\nregion = a\n[dev] old\nregion = b\n',
    edit: (f) => f.setKeys('dev', { region: 'c' }),
    code: 'aws-file',
    message:
      'PATH: line 3: the header of profile dev has text after its ], which the AWS SDK for JavaScript does not read as a header; remove that text or make it a # comment, then try again',
  },
  // A header botocore and the AWS SDK for JavaScript map to different profiles (proven against both in
  // test/integration/core/aws-files/header-agreement.test.ts).
  {
    what: 'extra spaces in a config header: profile dev to botocore, none to the JS SDK',
    kind: 'config',
    file: '[profile prod]\nregion = a\n[profile    dev]\nregion = b\n',
    edit: (f) => f.setKeys('dev', { region: 'c' }),
    code: 'aws-file',
    message:
      'PATH: line 3: Python AWS tools read "[profile    dev]" as the header of profile dev, but the AWS SDK for JavaScript reads it as a section that is no profile; write it as [profile dev], then try again',
  },
  {
    what: 'a space before the ] of a config header',
    kind: 'config',
    file: '[profile dev ]\nregion = b\n',
    edit: (f) => f.removeProfile('dev'),
    code: 'aws-file',
    message:
      'PATH: line 1: Python AWS tools read "[profile dev ]" as the header of profile dev, but the AWS SDK for JavaScript reads it as a section that is no profile; write it as [profile dev], then try again',
  },
  {
    what: '[profile.dev]: profile dev to the JS SDK only, so a new [profile dev] would be its second section',
    kind: 'config',
    file: '[profile.dev]\nregion = b\n',
    edit: (f) => f.setKeys('dev', { region: 'c' }),
    code: 'aws-file',
    message:
      'PATH: line 1: the AWS SDK for JavaScript reads "[profile.dev]" as the header of profile dev, but Python AWS tools read it as a section that is no profile; write it as [profile dev] if it is meant for profile dev, else rename it; then try again',
  },
  {
    what: 'a no-break space in a config header, white space to the JS SDK only (shown escaped)',
    kind: 'config',
    file: '[profile dev]\nregion = a\n[profile\u00a0dev]\nregion = b\n',
    edit: (f) => f.removeKeys('dev', ['region']),
    code: 'aws-file',
    message:
      'PATH: line 3: the AWS SDK for JavaScript reads "[profile\\u00a0dev]" as the header of profile dev, but Python AWS tools read it as a section that is no profile; write it as [profile dev] if it is meant for profile dev, else rename it; then try again',
  },
  {
    what: 'an indented header under a key of another profile: a section of its own to the JS SDK only',
    file: '[prod]\nregion = a\n  [dev]\n',
    edit: (f) => f.setKeys('dev', { region: 'c' }),
    code: 'aws-file',
    message:
      'PATH: line 3: the AWS SDK for JavaScript reads "  [dev]" as the header of profile dev, but Python AWS tools read it as more of the value of region on line 2; write it as [dev] if it is meant for profile dev, else rename it; then try again',
  },
  {
    what: 'a lone carriage return before the header, no line break to the JS SDK',
    file: '[prod]\rregion = a\r[dev]\rregion = b\r',
    edit: (f) => f.setKeys('dev', { region: 'c' }),
    code: 'aws-file',
    message:
      'PATH: line 3: the AWS SDK for JavaScript joins the header of profile dev to the line next to it, because it does not read a lone carriage return (\\r) as a line break; save the file with \\n or \\r\\n line endings, then try again',
  },
  {
    what: 'a file that is not UTF-8',
    file: Buffer.from([...Buffer.from('[dev]\nregion = '), 0xff, 0x0a]),
    edit: (f) => f.setKeys('dev', { region: 'x' }),
    code: 'aws-file',
    message: 'PATH is not valid UTF-8 text, so AWS tools cannot read it; save it as UTF-8, then try again',
  },
];

describe('bad inputs are refused with a message and nothing is written', () => {
  const temp = tempFolders();
  let dir: string;
  beforeAll(async () => {
    dir = temp('bad');
  });

  it.each(cases.map((c, i) => [c.what, c, i] as const))('%s', async (_what, { kind = 'credentials', file = FILE, edit, code, message }, i) => {
    const path = join(dir, `file-${i}`);
    await writeFile(path, file);
    const before = await stat(path);

    const error = await editAwsFile(path, kind, edit).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(LatchkeyError);
    expect((error as LatchkeyError).code).toBe(code);
    expect((error as LatchkeyError).message).toBe(message.replace('PATH', path));
    expect((error as LatchkeyError).message).not.toContain(SECRET);

    expect(await readFile(path)).toEqual(Buffer.from(file));
    const after = await stat(path);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });
});
