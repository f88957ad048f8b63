/**
 * The structure botocore sees in an AWS INI file. botocore (and so the AWS CLI) reads these files with
 * Python's configparser.RawConfigParser on its defaults, the strictest reader of them, so this follows
 * that parser rule for rule:
 * - a line whose stripped text starts with `#` or `;` is a comment, wherever it is;
 * - there are no inline comments: `region = eu-west-1 # prod` has the value `eu-west-1 # prod`;
 * - a key line splits at its first `=` or `:`, and the key is lower-cased;
 * - a line indented deeper than the key line before it continues that key's value, even across blank
 *   and comment lines; that is how nested blocks (`s3 =` then indented `key = value` lines) work, and
 *   a value that starts with a line break is read as such a block;
 * - a header is `[`, anything, `]` at the start of a line that is not a continuation;
 * - `[DEFAULT]` holds defaults for every other section.
 * Lines botocore would reject are recorded rather than dropped, so an edit can refuse a section it does
 * not understand while every other section's odd lines stay as they are.
 */

export const DEFAULTS_SECTION = 'DEFAULT';

/** A value as botocore returns it: a string, or the keys of a nested block. */
export type AwsValue = string | Readonly<Record<string, string>>;

/** Where a key line keeps its spacing, so a new value can go in without disturbing it. */
export interface KeyLine {
  readonly indent: string;
  /** The key as written (case kept). */
  readonly key: string;
  readonly before: string;
  readonly delimiter: string;
  readonly after: string;
  readonly value: string;
  readonly trailing: string;
}

export interface IniEntry {
  /** The key lower-cased, as botocore names it. */
  readonly key: string;
  /** Index of the key line. */
  readonly line: number;
  /** Index after the value's last line (its continuation lines included). */
  readonly end: number;
  readonly layout: KeyLine;
  readonly value: AwsValue;
}

export interface IniSection {
  /** The text between the brackets, which is the section's name for botocore. */
  readonly name: string;
  /** Index of the header line. */
  readonly line: number;
  /** Index of the next header line, or the number of lines. */
  readonly end: number;
  readonly entries: readonly IniEntry[];
  /** Indices of the lines botocore would reject, in order. */
  readonly invalid: readonly number[];
  /**
   * Indices of indented lines that continue a plain value, in order: botocore appends them to the value,
   * the AWS SDK for JavaScript reads each as a line of its own (a key, even a header).
   */
  readonly continued: readonly number[];
}

/** Python's white space (str.isspace) for a character class; JavaScript's \s differs (\x1c-\x1f, \x85, \ufeff). */
export const SPACE = '\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const EDGES = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, 'g');
const NON_SPACE = new RegExp(`[^${SPACE}]`);
const HEADER = /^\[(.+)\]/s;
const KEY_LINE = new RegExp(`^([${SPACE}]*)(.*?)([${SPACE}]*)([=:])([${SPACE}]*)(.*?)([${SPACE}]*)$`, 's');

/**
 * A record keyed by names from the file: without a prototype, so a profile or key called
 * `constructor` or `__proto__` is just a name.
 */
export function dictionary<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, Object.fromEntries(entries));
}

/** Python's str.strip(). */
export const strip = (text: string): string => text.replace(EDGES, '');

function keyLine(text: string): KeyLine | undefined {
  const match = KEY_LINE.exec(text);
  if (!match) return undefined;
  const [, indent = '', key = '', before = '', delimiter = '', after = '', value = '', trailing = ''] = match;
  return { indent, key, before, delimiter, after, value, trailing };
}

interface Part {
  text: string;
  line: number;
}
interface OpenEntry {
  key: string;
  line: number;
  end: number;
  layout: KeyLine;
  parts: Part[];
}
interface OpenSection {
  name: string;
  line: number;
  entries: OpenEntry[];
  invalid: number[];
}

export function iniSections(lines: readonly string[]): IniSection[] {
  const sections: OpenSection[] = [];
  let section: OpenSection | undefined;
  let entry: OpenEntry | undefined;
  let indentLevel = 0;
  lines.forEach((text, index) => {
    const content = strip(text);
    if (content.startsWith('#') || content.startsWith(';')) return;
    if (content === '') {
      // configparser keeps blank lines inside a value; they matter only before a continuation line.
      entry?.parts.push({ text: '', line: index });
      return;
    }
    const indent = text.search(NON_SPACE);
    if (entry && indent > indentLevel) {
      entry.parts.push({ text: content, line: index });
      entry.end = index + 1;
      return;
    }
    indentLevel = indent;
    const header = HEADER.exec(content);
    if (header) {
      section = { name: header[1] ?? '', line: index, entries: [], invalid: [] };
      sections.push(section);
      entry = undefined;
      return;
    }
    // Text before the first header makes botocore reject the file; it belongs to no section and is kept.
    if (!section) return;
    const layout = keyLine(text);
    if (!layout) {
      // configparser leaves the previous key open after a line it cannot parse.
      section.invalid.push(index);
      return;
    }
    if (layout.key === '') {
      section.invalid.push(index);
      entry = undefined;
      return;
    }
    entry = { key: layout.key.toLowerCase(), line: index, end: index + 1, layout, parts: [{ text: layout.value, line: index }] };
    section.entries.push(entry);
  });
  return sections.map((open, i) => {
    const invalid = [...open.invalid];
    const continued: number[] = [];
    const entries = open.entries.map(({ parts, ...rest }) => ({ ...rest, value: valueOf(parts, invalid, continued) }));
    const end = sections[i + 1]?.line ?? lines.length;
    return { name: open.name, line: open.line, end, entries, invalid: invalid.sort((a, b) => a - b), continued };
  });
}

/** configparser joins a value's lines with \n; botocore reads one that starts with a line break as a nested block. */
function valueOf(parts: readonly Part[], invalid: number[], continued: number[]): AwsValue {
  const joined = parts
    .map((part) => part.text)
    .join('\n')
    .replace(/\n+$/, '');
  const more = parts.slice(1).filter((part) => part.text !== '');
  if (!joined.startsWith('\n')) {
    continued.push(...more.map((part) => part.line));
    return joined;
  }
  const nested = new Map<string, string>();
  for (const part of more) {
    const at = part.text.indexOf('=');
    if (at < 0) invalid.push(part.line);
    else nested.set(strip(part.text.slice(0, at)), strip(part.text.slice(at + 1)));
  }
  return dictionary(nested);
}
