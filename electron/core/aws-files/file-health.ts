/**
 * What makes botocore — and so AWS CLI v1 and v2 — refuse a whole AWS file, found line by line so a
 * person can fix it. botocore reads the file with configparser in strict mode, which fails on a UTF-8
 * BOM (read as text before the first header: MissingSectionHeaderError), any other text before the
 * first header, a section name given twice (DuplicateSectionError; `[default]` and `[profile default]`
 * are two names, and configparser lets `[DEFAULT]` repeat), a key given twice in one section
 * (DuplicateOptionError; across repeated `[DEFAULT]` sections too) and a line that is no key, comment or
 * continuation (ParsingError, or botocore's own error for a nested line without `=`). Latchkey edits
 * such files where the edited section itself is sound; these messages say why AWS tools still fail.
 * They quote section names and keys, never other text, which may be a secret pasted on the wrong line.
 */
import type { IniDocument } from './ini-document';
import { DEFAULTS_SECTION, strip, type IniEntry, type IniSection } from './ini-sections';

const UNREADABLE = 'so the AWS CLI cannot read this file';

/** One line per problem, in line order, each starting with the path and line number. */
export function fileHealth(document: IniDocument, path: string): string[] {
  const { bom } = document;
  const linesSound = soundAtSight(document);
  const sections = linesSound ? document.sections : document.sectionsRead;
  const found: Array<{ line: number; message: string }> = [];
  const problem = (line: number, message: string) => found.push({ line, message: `${path} line ${line + 1}: ${message}` });

  if (bom !== '') problem(0, `the file starts with a UTF-8 byte order mark (BOM), ${UNREADABLE}; save it as UTF-8 without a BOM`);
  const firstHeader = sections[0]?.line ?? document.lineCount;
  const stray = document.texts(0, firstHeader).findIndex((line) => !/^([#;]|$)/.test(strip(line)));
  if (stray >= 0) problem(stray, `this line comes before the first [section] header, ${UNREADABLE}; move it into a section, make it a # comment or remove it`);

  const seenSections = new Seen();
  const defaultKeys = new Seen();
  // Indexed loops, and the few keys of most sections compared with each other rather than hashed: a
  // file can have thousands of sections.
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i] as IniSection;
    const { name, line } = section;
    const isDefaults = name === DEFAULTS_SECTION;
    const again = seenSections.again(name, line);
    if (again && !isDefaults) problem(line, `${JSON.stringify(`[${name}]`)} appears ${again}, ${UNREADABLE}; merge them into one`);
    // [DEFAULT]'s keys are read even so: a key there repeats one of another [DEFAULT] section.
    if (linesSound && !isDefaults) continue;
    const { entries, invalid } = section;
    const keys = isDefaults ? defaultKeys : entries.length > FEW_KEYS ? new Seen() : undefined;
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k] as IniEntry;
      const repeated = keys ? keys.again(entry.key, entry.line) : repeatOf(entries, k);
      if (repeated) problem(entry.line, `key ${entry.key} in [${name}] appears ${repeated}, ${UNREADABLE}; keep one of them`);
    }
    for (let k = 0; k < invalid.length; k++)
      problem(invalid[k] ?? 0, `this line in [${name}] is not "key = value", a comment or an indented continuation, ${UNREADABLE}; fix or remove it`);
  }
  return found.sort((a, b) => a.line - b.line).map(({ message }) => message);
}

const FEW_KEYS = 16;

// Lines that are sound wherever they are: blank, a comment, a header, or a key line at the start of
// its line with a key of printable ASCII (so it is lower-cased alike everywhere) before its `=` or `:`.
const SOUND_LINE = /[ \t]*(?:[#;][^\r\n]*)?|\[[^\r\n]+\][^\r\n]*|(?![#;[])[!-9;<>-~][\t -9;<>-~]*[=:][^\r\n]*/.source;
const OTHER_LINE = new RegExp(`(?:^|\\r\\n?|\\n)(?!(?:${SOUND_LINE})(?:[\\r\\n]|$))`);
// A key line, then lines that are no header, then a line with the same key (case aside).
const KEY_AGAIN = /(?:^|[\r\n])((?![#;[])[!-9;<>-~][\t -9;<>-~]*?)[ \t]*[=:][^\r\n]*(?:(?:\r\n?|\n)(?!\[)[^\r\n]*)*?(?:\r\n?|\n)\1[ \t]*[=:]/gi;
// KEY_AGAIN goes from each line to the end of its section, so a file of long sections costs it many
// times the text: beyond this many times, reading the sections costs less.
const SEARCH_BUDGET = 16;

/**
 * Whether two searches of the whole text prove that no section has a line botocore rejects or a key
 * twice, so no section's lines need reading: a file can have thousands of sections. Every line is one
 * that is sound wherever it is (SOUND_LINE: none is indented, so none continues a value), and no key
 * line has one with the same key after it before the next header.
 */
export function soundAtSight(document: IniDocument): boolean {
  const { source, sections, starts } = document;
  const [first] = sections;
  if (!first) return true;
  let cost = 0;
  for (let i = 0; i < sections.length; i++) {
    const { line, end } = sections[i] as IniSection;
    cost += (end - line) * ((starts[end] ?? source.length) - (starts[line] ?? 0));
  }
  if (cost > SEARCH_BUDGET * source.length) return false;
  if (document.bom !== '' || OTHER_LINE.test(source)) return false;
  // From the line break before the first header: lines before it belong to no section.
  KEY_AGAIN.lastIndex = Math.max((starts[first.line] ?? 0) - 1, 0);
  return !KEY_AGAIN.test(source);
}

/** How a repeat appears: "a second time (first on line 1)", "again (…)". */
const repeat = (count: number, first: number) => `${count === 1 ? 'a second time' : 'again'} (first on line ${first + 1})`;

/** How the key of entries[k] repeats one before it in the same section, or '' for a first. */
function repeatOf(entries: readonly IniEntry[], k: number): string {
  const { key } = entries[k] as IniEntry;
  let count = 0;
  let first = 0;
  for (let j = 0; j < k; j++) {
    const earlier = entries[j] as IniEntry;
    if (earlier.key !== key) continue;
    if (count++ === 0) first = earlier.line;
  }
  return count === 0 ? '' : repeat(count, first);
}

/** Names met so far: says how a repeat appears, or '' for a first. */
class Seen {
  readonly #first = new Map<string, number>();
  readonly #repeated = new Set<string>();

  again(name: string, line: number): string {
    const first = this.#first.get(name);
    if (first === undefined) {
      this.#first.set(name, line);
      return '';
    }
    const count = this.#repeated.has(name) ? 2 : 1;
    this.#repeated.add(name);
    return repeat(count, first);
  }
}
