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
 *
 * Files can hold thousands of profiles and every edit reads them all, so lines are read where they are
 * in the file's text, making only the strings that are kept (a key, its value, a section's name); a key
 * line's layout is made only when an edit asks for it.
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

/** A text's lines as positions in it: line i is source[starts[i], ends[i]), its line ending after that. */
export interface IniLines {
  readonly source: string;
  readonly starts: ArrayLike<number>;
  readonly ends: ArrayLike<number>;
}

// Python's white space (str.isspace) within a line, and all of it, for a character class; JavaScript's
// \s differs (\x1c-\x1f, \x85, \ufeff).
const BLANK = '\\t\\v\\f \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
export const SPACE = `\\n\\r${BLANK}`;
const EDGES = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, 'g');
// Used through lastIndex and test(), which makes no match object; the searches stop at the line's end.
const NON_BLANK = new RegExp(`[^${BLANK}]`, 'g');
const BLANK_AT = new RegExp(`[${BLANK}]`, 'y');
const DELIMITER = /[=:\r\n]/g;

/**
 * A record keyed by names from the file: without a prototype, so a profile or key called
 * `constructor` or `__proto__` is just a name.
 */
export function dictionary<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** Python's str.strip(). */
export const strip = (text: string): string => text.replace(EDGES, '');

/** Index of the first character at or after `from` that is no white space: in the line, or its end. */
function skipSpace(source: string, from: number): number {
  NON_BLANK.lastIndex = from;
  return NON_BLANK.test(source) ? NON_BLANK.lastIndex - 1 : source.length;
}

/** Index after the last character before `to` that is no white space, and not before `from`. */
function trimEnd(source: string, from: number, to: number): number {
  let end = to;
  for (BLANK_AT.lastIndex = end - 1; end > from && BLANK_AT.test(source); BLANK_AT.lastIndex = end - 1) end--;
  return end;
}

/** The first `=` or `:` at or after `from` in its line, or -1. */
function delimiterAt(source: string, from: number, lineEnd: number): number {
  DELIMITER.lastIndex = from;
  const at = DELIMITER.test(source) ? DELIMITER.lastIndex - 1 : -1;
  return at < lineEnd ? at : -1;
}

const NONE: readonly number[] = Object.freeze([]);

/**
 * A key line, read as configparser's pattern reads it: indentation, the key up to the first `=` or `:`,
 * the value after it, white space around each kept for the layout. Positions are in `source`, which
 * may be the text of an earlier version of the file: the line itself is the same.
 */
class Entry implements IniEntry {
  private constructor(
    private readonly source: string,
    public line: number,
    public end: number,
    readonly key: string,
    /** The value so far while the section is read; see valueOf. */
    public value: AwsValue,
    private readonly lineStart: number,
    private readonly keyStart: number,
    private readonly keyEnd: number,
    private readonly delimiter: number,
    private readonly valueStart: number,
    private readonly valueEnd: number,
    private readonly lineEnd: number,
  ) {}

  /** The key line at `line`, its first non-space character at keyStart, its first delimiter at `delimiter`. */
  static read(source: string, line: number, lineStart: number, keyStart: number, delimiter: number, lineEnd: number): Entry {
    const keyEnd = trimEnd(source, keyStart, delimiter);
    const valueStart = skipSpace(source, delimiter + 1);
    const valueEnd = trimEnd(source, valueStart, lineEnd);
    const key = source.slice(keyStart, keyEnd).toLowerCase();
    return new Entry(source, line, line + 1, key, source.slice(valueStart, valueEnd), lineStart, keyStart, keyEnd, delimiter, valueStart, valueEnd, lineEnd);
  }

  get layout(): KeyLine {
    const { source } = this;
    return {
      indent: source.slice(this.lineStart, this.keyStart),
      key: source.slice(this.keyStart, this.keyEnd),
      before: source.slice(this.keyEnd, this.delimiter),
      delimiter: source.charAt(this.delimiter),
      after: source.slice(this.delimiter + 1, this.valueStart),
      value: source.slice(this.valueStart, this.valueEnd),
      trailing: source.slice(this.valueEnd, this.lineEnd),
    };
  }

  /** The same entry `by` lines further down. */
  moved(by: number): Entry {
    const { source, line, end, key, value, lineStart, keyStart, keyEnd, delimiter, valueStart, valueEnd, lineEnd } = this;
    return new Entry(source, line + by, end + by, key, value, lineStart, keyStart, keyEnd, delimiter, valueStart, valueEnd, lineEnd);
  }
}

interface Part {
  text: string;
  line: number;
}
/** A section while it is read. */
interface OpenSection {
  name: string;
  line: number;
  end: number;
  entries: Entry[];
  invalid: number[];
  continued: readonly number[];
}

/** The sections from line `from` (0, or a header line) to the end, or to the first header line `stop` accepts. */
function readSections(lines: IniLines, from: number, stop?: (line: number) => boolean): { sections: IniSection[]; end: number } {
  const { source, starts, ends } = lines;
  const sections: OpenSection[] = [];
  // The continuation lines of the entries that have any, and their sections.
  const more = new Map<Entry, { section: OpenSection; parts: Part[] }>();
  let section: OpenSection | undefined;
  let entry: Entry | undefined;
  let indentLevel = 0;
  // configparser keeps blank lines inside a value; they matter only before a continuation line.
  let blanks = 0;
  let index = from;
  for (; index < starts.length; index++) {
    const lineStart = starts[index] ?? 0;
    const lineEnd = ends[index] ?? 0;
    const first = skipSpace(source, lineStart);
    if (first >= lineEnd) {
      blanks++;
      continue;
    }
    const char = source.charAt(first);
    if (char === '#' || char === ';') continue;
    const indent = first - lineStart;
    if (entry && section && indent > indentLevel) {
      const part = { text: strip(source.slice(first, lineEnd)), line: index };
      const open = more.get(entry);
      if (open) open.parts.push(part);
      else more.set(entry, { section, parts: [part] });
      entry.value += `${'\n'.repeat(blanks + 1)}${part.text}`;
      entry.end = index + 1;
      blanks = 0;
      continue;
    }
    indentLevel = indent;
    if (char === '[') {
      const content = source.slice(first, trimEnd(source, first, lineEnd));
      const close = content.lastIndexOf(']');
      if (close > 1) {
        if (stop?.(index)) break;
        if (section) section.end = index;
        section = { name: content.slice(1, close), line: index, end: 0, entries: [], invalid: [], continued: NONE };
        sections.push(section);
        entry = undefined;
        continue;
      }
    }
    // Text before the first header makes botocore reject the file; it belongs to no section and is kept.
    if (!section) continue;
    const delimiter = delimiterAt(source, first, lineEnd);
    if (delimiter < 0) {
      // configparser leaves the previous key open after a line it cannot parse.
      section.invalid.push(index);
      continue;
    }
    if (delimiter === first) {
      section.invalid.push(index);
      entry = undefined;
      continue;
    }
    entry = Entry.read(source, index, lineStart, first, delimiter, lineEnd);
    section.entries.push(entry);
    blanks = 0;
  }
  if (section) section.end = index;
  const continued = new Map<OpenSection, number[]>();
  for (const [open, { section: owner, parts }] of more) {
    const lines = continued.get(owner) ?? [];
    continued.set(owner, lines);
    open.value = valueOf(open.value as string, parts, owner.invalid, lines);
  }
  for (const [owner, lines] of continued) {
    owner.continued = lines;
    owner.invalid.sort((a, b) => a - b);
  }
  return { sections, end: index };
}

/**
 * The value of a key with continuation lines, from their text joined with \n as configparser joins it:
 * botocore reads one that starts with a line break as a nested block.
 */
function valueOf(joined: string, parts: readonly Part[], invalid: number[], continued: number[]): AwsValue {
  if (!joined.startsWith('\n')) {
    continued.push(...parts.map((part) => part.line));
    return joined;
  }
  const nested = new Map<string, string>();
  for (const part of parts) {
    const at = part.text.indexOf('=');
    if (at < 0) invalid.push(part.line);
    else nested.set(strip(part.text.slice(0, at)), strip(part.text.slice(at + 1)));
  }
  return dictionary(nested);
}

export function iniSections(lines: IniLines): IniSection[] {
  return readSections(lines, 0).sections;
}

/**
 * The sections after lines [start, start + removed) of a file were replaced by `added` lines, now
 * `lines`. A header line that is no continuation ends everything the lines before it can affect, so
 * only the sections from the one the change falls in to the first such header after it are read again;
 * the ones after that are the old ones, moved.
 */
export function spliceSections(sections: readonly IniSection[], lines: IniLines, start: number, removed: number, added: number): IniSection[] {
  const by = added - removed;
  // The first section that starts at or after the change; reading starts at the one before, or at the
  // top (text before any header).
  let first = sections.length;
  while (first > 0 && (sections[first - 1]?.line ?? 0) >= start) first--;
  const kept = Math.max(first - 1, 0);
  let next = first;
  const stop = (line: number) => {
    if (line < start + added) return false;
    while ((sections[next]?.line ?? Infinity) + by < line) next++;
    return sections[next]?.line === line - by;
  };
  const { sections: read, end } = readSections(lines, first > 0 ? (sections[kept]?.line ?? 0) : 0, stop);
  const after = end === lines.starts.length ? [] : sections.slice(next);
  return [...sections.slice(0, kept), ...read, ...(by === 0 ? after : after.map((section) => moved(section, by)))];
}

function moved(section: IniSection, by: number): IniSection {
  const shift = (lines: readonly number[]) => (lines.length > 0 ? lines.map((line) => line + by) : NONE);
  return {
    name: section.name,
    line: section.line + by,
    end: section.end + by,
    entries: section.entries.map((entry) => (entry as Entry).moved(by)),
    invalid: shift(section.invalid),
    continued: shift(section.continued),
  };
}
