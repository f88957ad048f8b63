/**
 * Generated AWS files shaped like real ones — comments (`#`, `;`, indented, inline after values and
 * headers), blank and white-space lines, upper-case keys, `:` delimiters, spacing around `=`, nested
 * `s3 =` blocks, `[sso-session x]`, `[services x]`, quoted profile headers, CRLF or mixed endings, a
 * BOM, a missing final newline — each paired with an edit of one profile. A generated file records
 * where each section's bytes start and end, so tests can check the bytes around an edit without
 * trusting the parser under test. With `odd`, sections other than the edited one may also hold what an
 * edit of them would refuse — lines botocore rejects, repeated keys, indented lines under a plain value,
 * text after a header's `]` — and an edit elsewhere must leave them alone.
 */
import fc from 'fast-check';
import type { AwsFileKind } from '../../../../electron/core/aws-files/profile-header';

export interface SectionSpan {
  /** botocore's name for it: the text between the brackets. */
  name: string;
  /** The profile it holds, if any. */
  profile?: string;
  /** Holds lines an edit of it would refuse. */
  odd: boolean;
  start: number;
  end: number;
}

export interface GeneratedFile {
  kind: AwsFileKind;
  text: string;
  sections: SectionSpan[];
}

export interface ProfileEdit {
  profile: string;
  /** The section's botocore name, existing or to be added. */
  sectionName: string;
  removeProfile: boolean;
  set: Record<string, string>;
  remove: string[];
}

export interface EditCase {
  file: GeneratedFile;
  edit: ProfileEdit;
}

const FLAT_KEYS = [
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
  'x_security_token_expires',
  'region',
  'output',
  'mfa_serial',
  'role_arn',
  'source_profile',
  'role_session_name',
  'duration_seconds',
  'credential_process',
  'sso_session',
  'cli_pager',
];
const NESTED_PARENTS = ['s3', 's3api', 'dynamodb', 'sts'];
const NESTED_KEYS = ['addressing_style', 'signature_version', 'endpoint_url', 'max_concurrent_requests', 'use_accelerate_endpoint'];

const word = fc.stringMatching(/^[A-Za-z0-9/+=:._-]{1,24}$/);
/** Values every reader reads back as written: no white space at the ends, no `#`/`;` after a space. */
const safeValue = fc.oneof(
  word,
  fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  fc.constantFrom('us-east-1', 'eu-west-1', 'json', 'arn:aws:iam::123456789012:role/admin', '2030-01-02T03:04:05Z', 'AKIAIOSFODNN7EXAMPLE'),
  fc.stringMatching(/^[A-Za-z0-9/+]{200,400}={0,2}$/),
);
const text = fc.oneof(fc.stringMatching(/^[ -~]{0,30}$/), fc.constantFrom('déjà vu', '日本語 ok', 'emoji 🔑', '[not a header]', 'key = value'));
const gap = fc.constantFrom('', ' ', ' ', ' ', '  ', '\t');
const blank = fc.constantFrom('', ' ', '\t', '   ');
const comment = fc.tuple(fc.constantFrom('#', ';', '# ', '; ', '  # ', '\t; '), text).map(([mark, body]) => `${mark}${body}`);
const profileName = fc
  .oneof(fc.constantFrom('dev', 'prod', 'prod-admin', 'a.b@c+d%e:f/g_h', 'x', 'Dev', 'ops/readonly'), fc.stringMatching(/^[A-Za-z0-9_.@+%:/-]{1,16}$/))
  // Names Latchkey refuses to write (see profile-header.ts), and default, which each kind spells its own way.
  .filter((name) => name !== 'DEFAULT' && !(name in Object.prototype) && name !== 'default');

/** One key line; a `:` delimiter only where the value has no `=` (the JS SDK would read a different key). */
const keyLine = (key: string) =>
  fc
    .record({
      shout: fc.integer({ min: 0, max: 9 }),
      before: gap,
      colon: fc.integer({ min: 0, max: 9 }),
      after: gap,
      value: fc.oneof({ weight: 9, arbitrary: safeValue }, { weight: 1, arbitrary: fc.constant('') }),
      inline: fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(' # note', ' ; managed', '\t# x') }),
      trailing: fc.constantFrom('', '', '', ' ', '\t'),
    })
    .map(({ shout, before, colon, after, value, inline, trailing }) => {
      const delimiter = colon === 0 && !value.includes('=') ? ':' : '=';
      const shown = shout === 0 ? key.toUpperCase() : key;
      const rest = value === '' ? '' : `${value}${inline}`;
      return [`${shown}${before}${delimiter}${rest === '' ? '' : after}${rest}${trailing}`];
    });

const nestedBlock = (parent: string) =>
  fc
    .tuple(
      gap,
      fc.constantFrom('  ', '    ', '\t'),
      fc.shuffledSubarray(NESTED_KEYS, { minLength: 1, maxLength: 3 }),
      fc.array(safeValue, { minLength: 3, maxLength: 3 }),
      fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant<string | undefined>(undefined) }, blank, comment.map((c) => `  ${c.trimStart()}`)), {
        minLength: 3,
        maxLength: 3,
      }),
    )
    .map(([before, indent, keys, values, between]) => [
      `${parent}${before}=`,
      ...keys.flatMap((key, i) => [`${indent}${key} = ${values[i] ?? 'x'}`, ...(i < keys.length - 1 && between[i] !== undefined ? [between[i]] : [])]),
    ]);

const filler = fc.oneof(blank, comment).map((line) => [line]);
const garbage = fc.constantFrom(
  ['this line has no delimiter'],
  ['= value without a key'],
  ['[unterminated header'],
  ['aws_secret_access_key'],
  ['note = first', '  indented under it'],
  ['region_note = x', '  [indented-header]'],
);

/** A section's body: its keys in random order with comments and blank lines between. */
const body = (odd: boolean) =>
  fc
    .tuple(
      fc.shuffledSubarray(FLAT_KEYS, { maxLength: 6 }),
      fc.shuffledSubarray(NESTED_PARENTS, { maxLength: 2 }),
      odd ? fc.array(fc.oneof(garbage, fc.constant(['region = again'])), { minLength: 1, maxLength: 2 }) : fc.constant([]),
    )
    .chain(([flat, nested, oddLines]) =>
      fc
        .tuple(
          fc.tuple(...flat.map(keyLine)),
          fc.tuple(...nested.map(nestedBlock)),
          fc.array(filler, { maxLength: 4 }),
          fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        )
        .map(([flatLines, nestedLines, fillers, order]) => {
          const items = [...flatLines, ...nestedLines, ...fillers, ...oddLines];
          // A deterministic shuffle driven by generated numbers, so shrinking stays meaningful.
          const keyed = items.map((item, i) => ({ item, rank: order[i % order.length] ?? 0, i }));
          keyed.sort((a, b) => a.rank - b.rank || a.i - b.i);
          return keyed.flatMap(({ item }) => item);
        }),
    );

interface SectionSpec {
  header: string;
  name: string;
  profile?: string;
  odd: boolean;
}

const headerComment = fc.constantFrom('', '', '', ' # managed by hand', ' ; note');

const credentialsHeader = (profile: string) => headerComment.map((c) => ({ header: `[${profile}]${c}`, name: profile, profile }));

const configHeader = (profile: string) =>
  fc.tuple(fc.constantFrom('plain', 'plain', 'quoted', 'tab'), headerComment).map(([style, c]) => {
    const inner = style === 'quoted' ? `profile "${profile}"` : style === 'tab' ? `profile\t${profile}` : `profile ${profile}`;
    return { header: `[${inner}]${c}`, name: inner, profile };
  });

const configOther = fc
  .tuple(fc.constantFrom('sso-session', 'services'), profileName)
  .map(([prefix, name]) => ({ header: `[${prefix} ${name}]`, name: `${prefix} ${name}`, profile: undefined as string | undefined }));

const sectionSpecs = (kind: AwsFileKind, odd: boolean): fc.Arbitrary<SectionSpec[]> =>
  fc
    .tuple(
      fc.uniqueArray(profileName, { maxLength: 6 }),
      fc.constantFrom<'none' | 'default' | 'profile default'>('none', 'default', 'default', 'profile default'),
      kind === 'config' ? fc.uniqueArray(configOther, { maxLength: 2, selector: (s) => s.name }) : fc.constant([]),
      fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    )
    .chain(([names, defaultStyle, others, oddness]) => {
      const withDefault = defaultStyle === 'none' ? names : ['default', ...names];
      const headers = withDefault.map((profile) => {
        if (profile === 'default') {
          const inner = kind === 'config' && defaultStyle === 'profile default' ? 'profile default' : 'default';
          return fc.constant({ header: `[${inner}]`, name: inner, profile });
        }
        return kind === 'credentials' ? credentialsHeader(profile) : configHeader(profile);
      });
      return fc.tuple(...headers).map((specs) =>
        [...specs, ...others].map((spec, i) => {
          const isOdd = odd && (oddness[i % oddness.length] ?? false);
          // Text after `]` that is no comment: a header only botocore reads as one.
          return { ...spec, header: isOdd && i % 2 === 0 ? `${spec.header} stray` : spec.header, odd: isOdd };
        }),
      );
    });

const fileShape = (kind: AwsFileKind, odd: boolean) =>
  fc.record({
    bom: fc.boolean(),
    endings: fc.oneof(
      fc.constantFrom(['\n'], ['\r\n']),
      fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 2, maxLength: 5 }),
    ),
    finalNewline: fc.boolean(),
    preamble: fc.array(odd ? fc.oneof(filler, garbage) : filler, { maxLength: 3 }),
    specs: sectionSpecs(kind, odd),
  });

export const generatedFile = (kind: AwsFileKind, odd = false): fc.Arbitrary<GeneratedFile> =>
  fileShape(kind, odd).chain(({ bom, endings, finalNewline, preamble, specs }) =>
    fc.tuple(...specs.map((spec) => body(spec.odd))).map((bodies) => {
      const blocks = [
        { lines: preamble.flat(), spec: undefined as SectionSpec | undefined },
        ...specs.map((spec, i) => ({ lines: [spec.header, ...(bodies[i] ?? [])], spec })),
      ];
      let out = bom ? '\ufeff' : '';
      let lineNo = 0;
      const total = blocks.reduce((n, block) => n + block.lines.length, 0);
      const sections: SectionSpan[] = [];
      for (const { lines, spec } of blocks) {
        const start = out.length;
        for (const line of lines) {
          lineNo++;
          out += line + (lineNo === total && !finalNewline ? '' : (endings[lineNo % endings.length] ?? '\n'));
        }
        if (spec) sections.push({ name: spec.name, ...(spec.profile !== undefined && { profile: spec.profile }), odd: spec.odd, start, end: out.length });
      }
      return { kind, text: out, sections };
    }),
  );

const editKeys = fc.shuffledSubarray(FLAT_KEYS, { minLength: 1, maxLength: 5 });

/** A file and an edit of one profile in it: an existing profile whose section has no odd lines, or a new one. */
export const editCase = (kind: AwsFileKind, odd = false): fc.Arbitrary<EditCase> =>
  generatedFile(kind, odd).chain((file) => {
    const existing = file.sections.flatMap((s) => (s.profile !== undefined && !s.odd ? [s.profile] : []));
    const taken = new Set(file.sections.map((s) => s.profile));
    const fresh = fc.oneof(profileName, fc.constant('default')).filter((name) => !taken.has(name));
    const target = existing.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...existing) }, { weight: 1, arbitrary: fresh }) : fresh;
    return fc
      .tuple(target, editKeys, fc.nat({ max: 5 }), fc.array(safeValue, { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 7 }))
      .map(([profile, keys, split, values, mode]) => {
        const section = file.sections.find((s) => s.profile === profile);
        const toSet = keys.slice(0, split);
        const edit: ProfileEdit = {
          profile,
          sectionName: section?.name ?? (kind === 'credentials' || profile === 'default' ? profile : `profile ${profile}`),
          removeProfile: mode === 0,
          set: Object.fromEntries(toSet.map((key, i) => [key, values[i] ?? 'v'])),
          remove: keys.slice(split),
        };
        return { file, edit };
      });
  });
