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
 * Files can hold thousands of profiles and an edit needs one, so a section's lines are read only when
 * its keys are asked for, where the headers can be found without reading every line (see iniSections);
 * lines are read where they are in the file's text, making only what is kept (a key, its value, a
 * section's name), and the layout of a key line is read from its text (keyLine) when an edit rewrites it.
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
  /** `=` or `:`. */
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
// A key line splits as configparser's pattern splits it: the key up to the white space before the first
// `=` or `:`, then that white space, the delimiter and the white space after it, then the value to the
// end of the line, without the white space there. It is read by where each part ends: one search for
// the delimiter, and the white space around it checked character by character, most of which are
// printable ASCII. A file can have thousands of key lines, and each is read when the command starts,
// before V8 has optimized anything, so every call and object per line counts.
const DELIMITER_OR_EOL = /[=:\r\n]/g;

/** Whether the character at `at` is Python white space within a line. */
function blankAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || (code >= 0x1c && code <= 0x1f);
  BLANK_AT.lastIndex = at;
  return BLANK_AT.test(text);
}

// What records are made from: a prototype with no prototype of its own. V8 keeps an object made with
// `new` in a compact layout where Object.create(null) makes a hash table five times its size, and a
// file can have thousands of profiles.
function Nothing(): void {}
Nothing.prototype = Object.create(null) as object;

/**
 * An empty record for names from the file: it inherits nothing, so a profile or key called
 * `constructor` or `__proto__` is just a name.
 */
export const dictionary = <T>(): Record<string, T> => new (Nothing as unknown as new () => Record<string, T>)();

/** Python's str.strip(). */
export const strip = (text: string): string => text.replace(EDGES, '');

/** Index of the first character at or after `from` that is no white space: in the line, or its end. */
function skipSpace(text: string, from: number): number {
  if (!blankAt(text, from)) return from;
  NON_BLANK.lastIndex = from;
  return NON_BLANK.test(text) ? NON_BLANK.lastIndex - 1 : text.length;
}

/** Where the first `=` or `:` of the line from `keyStart` to `lineEnd` is, or -1 for a line without. */
function delimiterAt(text: string, keyStart: number, lineEnd: number): number {
  DELIMITER_OR_EOL.lastIndex = keyStart;
  if (!DELIMITER_OR_EOL.test(text)) return -1;
  const at = DELIMITER_OR_EOL.lastIndex - 1;
  return at < lineEnd && (text.charCodeAt(at) === 0x3d || text.charCodeAt(at) === 0x3a) ? at : -1;
}

/** Where the key before the delimiter at `delimiter` ends: before the white space in between. */
function keyEnd(text: string, keyStart: number, delimiter: number): number {
  let end = delimiter;
  while (end > keyStart && blankAt(text, end - 1)) end--;
  return end;
}

/** Where the value after the delimiter at `delimiter` starts: past the white space after it. */
function valueStart(text: string, delimiter: number, lineEnd: number): number {
  let start = delimiter + 1;
  while (start < lineEnd && blankAt(text, start)) start++;
  return start;
}

/** Where a value that starts at `valueStart` ends: before the white space at the end of its line. */
function valueEnd(text: string, valueStart: number, lineEnd: number): number {
  let end = lineEnd;
  while (end > valueStart && blankAt(text, end - 1)) end--;
  return end;
}

/** The layout of a key line's text (see KeyLine), or undefined for a line without `=` or `:`. */
export function keyLine(text: string): KeyLine | undefined {
  const keyStart = skipSpace(text, 0);
  const delimiter = delimiterAt(text, keyStart, text.length);
  if (delimiter < 0) return undefined;
  const key = keyEnd(text, keyStart, delimiter);
  const value = valueStart(text, delimiter, text.length);
  const end = valueEnd(text, value, text.length);
  return {
    indent: text.slice(0, keyStart),
    key: text.slice(keyStart, key),
    before: text.slice(key, delimiter),
    delimiter: text.charAt(delimiter),
    after: text.slice(delimiter + 1, value),
    value: text.slice(value, end),
    trailing: text.slice(end),
  };
}

const NONE: readonly number[] = Object.freeze([]);

interface Part {
  text: string;
  line: number;
}
/** An entry while it is read: its value so far (see valueOf). */
interface OpenEntry {
  key: string;
  line: number;
  end: number;
  value: AwsValue;
}

/**
 * Sections being read. A section is made whole once its end is known, and the loop over the lines has
 * a function of its own (readLines): V8 optimizes a loop that runs thousands of times while it runs,
 * and an object whose fields change kind, or code after the loop, would make it throw that work away.
 */
interface Reading {
  readonly lines: IniLines;
  readonly sections: IniSection[];
  /** The header line of the section being read, or -1 before the first; where its name is in the text. */
  header: number;
  nameStart: number;
  nameEnd: number;
  /** The entries read; the current section's from firstEntry on. */
  readonly entries: OpenEntry[];
  firstEntry: number;
  /** The current section's lines botocore rejects. */
  invalid: number[];
  /** The continuation lines of the current section's entries that have any. */
  readonly more: Map<OpenEntry, Part[]>;
}

/** The sections from line `from` (0, or a header line) to the end, or to the first header line `stop` accepts. */
function readSections(lines: IniLines, from: number, stop?: (line: number) => boolean): { sections: IniSection[]; end: number } {
  const reading: Reading = { lines, sections: [], header: -1, nameStart: 0, nameEnd: 0, entries: [], firstEntry: 0, invalid: [], more: new Map() };
  const end = readLines(reading, from, stop);
  endSection(reading, end);
  return { sections: reading.sections, end };
}

/** Reads lines from `from` into `reading` until the end or a header line `stop` accepts; returns where it stopped. */
function readLines(reading: Reading, from: number, stop: ((line: number) => boolean) | undefined): number {
  const { source, starts, ends } = reading.lines;
  let entry: OpenEntry | undefined;
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
    if (entry && indent > indentLevel) {
      const part = { text: strip(source.slice(first, lineEnd)), line: index };
      const parts = reading.more.get(entry);
      if (parts) parts.push(part);
      else reading.more.set(entry, [part]);
      entry.value += `${'\n'.repeat(blanks + 1)}${part.text}`;
      entry.end = index + 1;
      blanks = 0;
      continue;
    }
    indentLevel = indent;
    if (char === '[') {
      // The last ], wherever the white space at the end of the line starts.
      const close = source.slice(first, lineEnd).lastIndexOf(']');
      if (close > 1) {
        if (stop?.(index)) break;
        endSection(reading, index);
        reading.header = index;
        reading.nameStart = first + 1;
        reading.nameEnd = first + close;
        entry = undefined;
        continue;
      }
    }
    // Text before the first header makes botocore reject the file; it belongs to no section and is kept.
    if (reading.header < 0) continue;
    const delimiter = delimiterAt(source, first, lineEnd);
    if (delimiter < 0) {
      // configparser leaves the previous key open after a line it cannot parse.
      reading.invalid.push(index);
      continue;
    }
    const end = keyEnd(source, first, delimiter);
    if (end === first) {
      reading.invalid.push(index);
      entry = undefined;
      continue;
    }
    const value = valueStart(source, delimiter, lineEnd);
    entry = { key: source.slice(first, end).toLowerCase(), line: index, end: index + 1, value: source.slice(value, valueEnd(source, value, lineEnd)) };
    reading.entries.push(entry);
    blanks = 0;
  }
  return index;
}

/** Makes the section being read whole, now that it ends before line `end`. */
function endSection(reading: Reading, end: number): void {
  if (reading.header < 0) return;
  // Copied at their exact number: an array filled by push keeps room for more (17 in V8).
  const entries = reading.entries.slice(reading.firstEntry);
  const { invalid } = reading;
  let continued = NONE;
  if (reading.more.size > 0) {
    const lines: number[] = [];
    for (const [entry, parts] of reading.more) entry.value = valueOf(entry.value as string, parts, invalid, lines);
    invalid.sort((a, b) => a - b);
    continued = lines;
    reading.more.clear();
  }
  // Most sections have no such line, and share NONE; the array is kept for the next section then.
  if (invalid.length > 0) reading.invalid = [];
  const name = reading.lines.source.slice(reading.nameStart, reading.nameEnd);
  reading.sections.push({ name, line: reading.header, end, entries, invalid: invalid.length > 0 ? invalid : NONE, continued });
  reading.firstEntry = reading.entries.length;
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
  const nested = dictionary<string>();
  for (const part of parts) {
    const at = part.text.indexOf('=');
    if (at < 0) invalid.push(part.line);
    else nested[strip(part.text.slice(0, at))] = strip(part.text.slice(at + 1));
  }
  return nested;
}

/** The sections, found by reading every line. */
export function readAllSections(lines: IniLines): IniSection[] {
  return readSections(lines, 0).sections;
}

/** One section, read alone: from its header line to the next header. */
function readSection(lines: IniLines, header: number): IniSection {
  return readSections(lines, header, (line) => line > header).sections[0] as IniSection;
}

// A line whose first character that is no white space is a `[`, indented: a header, or more of a
// value, depending on the lines before it.
const INDENTED_BRACKET = new RegExp(`(?:^\\ufeff?|[\\r\\n])[${BLANK}]+\\[`);

/**
 * The sections, given the lines that start with `[`. Such a line with a `]` after the next character is
 * a header, whatever comes before it: only an indented line can continue a value. So where no `[` is
 * indented the headers are found among those lines, and each section's lines are read when its keys are
 * first asked for; otherwise every line is read.
 */
export function iniSections(lines: IniLines, bracketed: readonly number[]): IniSection[] {
  if (INDENTED_BRACKET.test(lines.source)) return readAllSections(lines);
  const { source, starts, ends } = lines;
  const sections: IniSection[] = [];
  let header = -1;
  let name = '';
  // The first ] at or after the line being read, kept while it lies ahead, so that lines with a [ and
  // no ] cannot make the search go over the same text again and again.
  let ahead = -1;
  for (let b = 0; b < bracketed.length; b++) {
    const i = bracketed[b] ?? 0;
    const start = starts[i] ?? 0;
    if (ahead < start) {
      ahead = source.indexOf(']', start);
      if (ahead < 0) ahead = source.length;
    }
    const end = ends[i] ?? 0;
    if (ahead >= end) continue;
    const close = source.lastIndexOf(']', end - 1);
    if (close <= start + 1) continue;
    if (header >= 0) sections.push(new SectionReadLater(lines, name, header, i));
    header = i;
    name = source.slice(start + 1, close);
  }
  if (header >= 0) sections.push(new SectionReadLater(lines, name, header, starts.length));
  return sections;
}

/** A section whose lines are read when its keys, or its odd lines, are first asked for. */
class SectionReadLater implements IniSection {
  #read: IniSection | undefined;

  constructor(
    private readonly lines: IniLines,
    readonly name: string,
    readonly line: number,
    readonly end: number,
  ) {}

  get entries(): readonly IniEntry[] {
    return this.read().entries;
  }

  get invalid(): readonly number[] {
    return this.read().invalid;
  }

  get continued(): readonly number[] {
    return this.read().continued;
  }

  private read(): IniSection {
    this.#read ??= readSection(this.lines, this.line);
    return this.#read;
  }
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
  // A moved section is read again, if ever, where it now is: its text is the same.
  const moved = (section: IniSection) => new SectionReadLater(lines, section.name, section.line + by, section.end + by);
  return [...sections.slice(0, kept), ...read, ...(by === 0 ? after : after.map(moved))];
}
