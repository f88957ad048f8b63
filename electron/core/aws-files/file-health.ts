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
import { DEFAULTS_SECTION, strip } from './ini-sections';

const UNREADABLE = 'so the AWS CLI cannot read this file';

/** One line per problem, in line order, each starting with the path and line number. */
export function fileHealth(document: IniDocument, path: string): string[] {
  const { bom, sections } = document;
  const found: Array<{ line: number; message: string }> = [];
  const problem = (line: number, message: string) => found.push({ line, message: `${path} line ${line + 1}: ${message}` });

  if (bom !== '') problem(0, `the file starts with a UTF-8 byte order mark (BOM), ${UNREADABLE}; save it as UTF-8 without a BOM`);
  const firstHeader = sections[0]?.line ?? document.lineCount;
  const stray = document.texts(0, firstHeader).findIndex((line) => !/^([#;]|$)/.test(strip(line)));
  if (stray >= 0) problem(stray, `this line comes before the first [section] header, ${UNREADABLE}; move it into a section, make it a # comment or remove it`);

  const seenSections = new Seen();
  const defaultKeys = new Seen();
  // One for every other section in turn: a file can have thousands.
  const sectionKeys = new Seen();
  for (const section of sections) {
    const header = () => `[${section.name}]`;
    const isDefaults = section.name === DEFAULTS_SECTION;
    const again = seenSections.again(section.name, section.line);
    if (again && !isDefaults) problem(section.line, `${JSON.stringify(header())} appears ${again}, ${UNREADABLE}; merge them into one`);
    const keys = isDefaults ? defaultKeys : sectionKeys.cleared();
    for (const entry of section.entries) {
      const repeated = keys.again(entry.key, entry.line);
      if (repeated) problem(entry.line, `key ${entry.key} in ${header()} appears ${repeated}, ${UNREADABLE}; keep one of them`);
    }
    for (const line of section.invalid)
      problem(line, `this line in ${header()} is not "key = value", a comment or an indented continuation, ${UNREADABLE}; fix or remove it`);
  }
  return found.sort((a, b) => a.line - b.line).map(({ message }) => message);
}

/** Names met so far: says how a repeat appears ("a second time (first on line 1)"), or '' for a first. */
class Seen {
  readonly #first = new Map<string, number>();
  readonly #repeated = new Set<string>();

  again(name: string, line: number): string {
    const first = this.#first.get(name);
    if (first === undefined) {
      this.#first.set(name, line);
      return '';
    }
    const how = this.#repeated.has(name) ? 'again' : 'a second time';
    this.#repeated.add(name);
    return `${how} (first on line ${first + 1})`;
  }

  /** Forgets every name; returns itself. */
  cleared(): this {
    this.#first.clear();
    this.#repeated.clear();
    return this;
  }
}
