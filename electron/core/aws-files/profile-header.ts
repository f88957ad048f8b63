/**
 * Which section holds a profile, decided as botocore decides it.
 * - Credentials file: the section's name is the profile's name, `[dev]`.
 * - Config file: `[default]`, or any section whose name starts with "profile" and splits (shell-style,
 *   quotes allowed) into exactly two words, the second being the profile: `[profile dev]`,
 *   `[profile "dev"]`. So `[profile default]` is the default profile as well; a file holding both it and
 *   `[default]` is ambiguous (botocore takes the later one, the JS SDK always `[profile default]`) and is
 *   refused for edits like any profile with two sections. New sections are `[default]` and `[profile NAME]`.
 * - `[DEFAULT]` is configparser's defaults section: botocore copies its keys into every section, and it
 *   is no profile of its own.
 * The AWS SDK for JavaScript decides differently (jsSdkSection), so an edit checks that both agree.
 */
import { LatchkeyError } from '../../shared/errors';
import { check, validateProfileName } from '../../shared/validation';
import { DEFAULTS_SECTION } from './ini-sections';

export type AwsFileKind = 'credentials' | 'config';

// The JS SDK keeps sections in a plain object: `[constructor]` reads as a function and `[__proto__]` is refused.
const OBJECT_BUILT_INS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The header line for a profile's new section; refuses names that could inject or break a section. */
export function profileHeader(kind: AwsFileKind, profile: string): string {
  check(validateProfileName, profile);
  if (OBJECT_BUILT_INS.has(profile))
    throw new LatchkeyError(
      'invalid-input',
      `profile name "${profile}" cannot be used: the AWS SDK for JavaScript misreads a profile named like a built-in JavaScript property; choose another name`,
    );
  if (kind === 'credentials') {
    if (profile === DEFAULTS_SECTION)
      throw new LatchkeyError(
        'invalid-input',
        'profile name "DEFAULT" cannot be used in the credentials file: Python AWS tools copy the keys of a [DEFAULT] section into every profile; choose another name',
      );
    return `[${profile}]`;
  }
  return profile === 'default' ? '[default]' : `[profile ${profile}]`;
}

/** The profile a section holds, or undefined for a section that is no profile. */
export function profileOfSection(kind: AwsFileKind, name: string): string | undefined {
  if (kind === 'credentials') return name === DEFAULTS_SECTION ? undefined : name;
  if (name.startsWith('profile')) {
    const words = shellWords(name);
    return words?.length === 2 ? words[1] : undefined;
  }
  return name === 'default' ? 'default' : undefined;
}

/** How the AWS SDK for JavaScript reads a line: as no header (undefined), or as a header holding a profile or none. */
export interface JsSdkSection {
  readonly profile: string | undefined;
}

// @smithy/shared-ini-file-loader's parseIni: a prefix, exactly one white space character, a name of these
// characters, optionally quoted; its section types. (Its `[\w-@+.%:/]` means the same as the class here.)
const JS_PREFIXED = /^([\w-]+)\s(["'])?([\w@+.%:/-]+)\2$/;
const JS_SECTION_TYPES = ['profile', 'sso-session', 'services'];
const JS_BRACKET_FIRST = /^\s*\[/;
const JS_COMMENT = /(?:^|\s)[;#]/;

/**
 * The section a line opens for the AWS SDK for JavaScript (parseIni, then getConfigData for the config
 * file): it cuts a `#`/`;` comment that follows white space, trims, and wants `[…]`. `[profile x]` is
 * "profile.x" to it, which the config file maps to profile x and the credentials file keeps as it is;
 * a name that does not fit its pattern (`[profile  x]`, `[profile x ]`) is taken whole, which in the
 * config file is a profile only when it is `default` or starts "profile." (`[profile.x]` is profile x).
 */
export function jsSdkSection(kind: AwsFileKind, line: string): JsSdkSection | undefined {
  // Most lines are no header, and say so at their first character: no need to cut and trim them.
  if (!JS_BRACKET_FIRST.test(line)) return undefined;
  const comment = line.search(JS_COMMENT);
  const text = (comment < 0 ? line : line.slice(0, comment)).trim();
  if (!text.startsWith('[') || !text.endsWith(']')) return undefined;
  const inner = text.slice(1, -1);
  const match = JS_PREFIXED.exec(inner);
  if (match && !JS_SECTION_TYPES.includes(match[1] ?? '')) return { profile: undefined };
  const name = match ? `${match[1]}.${match[3]}` : inner;
  if (kind === 'credentials' || name === 'default') return { profile: name };
  const dot = name.indexOf('.');
  const prefix = name.slice(0, dot);
  if (dot < 0 || !JS_SECTION_TYPES.includes(prefix)) return { profile: undefined };
  // sso-session and services sections stay in the config data under their whole name.
  return { profile: prefix === 'profile' ? name.slice(dot + 1) : name };
}

/** Python's shlex.split (POSIX rules, no comments); undefined where it raises. */
function shellWords(text: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (' \t\r\n'.includes(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      continue;
    }
    word ??= '';
    if (c === '\\') {
      if (++i >= text.length) return undefined;
      word += text.charAt(i);
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return undefined;
      word += text.slice(i + 1, close);
      i = close;
    } else if (c === '"') {
      // Inside double quotes a backslash escapes only " and itself.
      for (i++; i < text.length && text.charAt(i) !== '"'; i++) {
        if (text.charAt(i) === '\\' && i + 1 < text.length && '"\\'.includes(text.charAt(i + 1))) i++;
        word += text.charAt(i);
      }
      if (i >= text.length) return undefined;
    } else {
      word += c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
