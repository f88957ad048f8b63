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
