/**
 * One AWS credentials or config file, edited losslessly. Reading gives each profile's keys as botocore
 * sees them. An edit changes only the lines it must: a key's line is replaced in place (keeping its
 * indentation and the spacing around `=`), a new key goes right after the section's last key (before
 * the blank lines and comments that lead into the next section), a new section goes at the end after
 * one blank line. An edit that would have to guess refuses with a LatchkeyError and changes nothing: a
 * profile with two sections, a key twice in its section, a line there that botocore cannot parse, or
 * one that botocore and the AWS SDK for JavaScript read differently (an indented line under a plain
 * value; a header that one of them reads as the profile's and the other as another's, or as none, like
 * `[profile  x]` or `[profile.x]`), where a new key could land in another profile for one of them.
 * Odd lines in other sections are left exactly as they are.
 */
import { LatchkeyError } from '../../shared/errors';
import { checkSetting } from './check-setting';
import { IniDocument } from './ini-document';
import { DEFAULTS_SECTION, dictionary, keyLine, strip, type AwsValue, type IniEntry, type IniSection } from './ini-sections';
import { jsSdkSection, profileHeader, profileOfSection, type AwsFileKind, type JsSdkSection } from './profile-header';

export type AwsProfile = Readonly<Record<string, AwsValue>>;

/** A profile's plain, non-empty value for a key; undefined for a missing, empty or nested one. */
export function profileText(profile: AwsProfile | undefined, key: string): string | undefined {
  const value = profile?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

interface Splice {
  start: number;
  count: number;
  texts: readonly string[];
}

export class AwsFile {
  #document: IniDocument;
  /**
   * The profile last looked up in #document, its sections, and whether section() found them safe to
   * edit: an edit looks for the same profile several times, among thousands of sections.
   */
  #lookup: { document: IniDocument; profile: string; sections: IniSection[]; checked: boolean } | undefined;

  private constructor(
    document: IniDocument,
    readonly kind: AwsFileKind,
    /** Names the file in error messages. */
    readonly path: string,
  ) {
    this.#document = document;
  }

  static parse(text: string, kind: AwsFileKind, path: string): AwsFile {
    return new AwsFile(IniDocument.parse(text), kind, path);
  }

  /** The file as it now is, edits included. */
  get document(): IniDocument {
    return this.#document;
  }

  toString(): string {
    return this.#document.toString();
  }

  /**
   * Every profile's keys as botocore reads them: keys lower-cased, nested blocks as objects, the keys of
   * a [DEFAULT] section in every profile. Of a profile's several sections the last one wins, as botocore
   * does with [default] and [profile default] (for others it rejects the whole file).
   */
  profiles(): Record<string, AwsProfile> {
    const sections = this.#document.sectionsRead;
    const defaults = defaultEntries(sections);
    const found = dictionary<AwsProfile>();
    // Indexed loops here and below: iterators cost in code V8 has not optimized yet, and files can have
    // thousands of sections.
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i] as IniSection;
      const profile = profileOfSection(this.kind, section.name);
      if (profile !== undefined) found[profile] = keysOf(defaults, section.entries);
    }
    return found;
  }

  /** One profile's keys, as profiles() gives them, without making every other profile's. */
  profile(name: string): AwsProfile | undefined {
    const section = this.sectionsOf(name).at(-1);
    return section && keysOf(defaultEntries(this.#document.sections), section.entries);
  }

  /** Sets keys in a profile's section, adding the section when there is none. */
  setKeys(profile: string, values: Readonly<Record<string, string>>): void {
    const header = profileHeader(this.kind, profile);
    const settings = Object.entries(values);
    for (const [key, value] of settings) checkSetting(profile, key, value);
    const section = this.section(profile);
    if (!section) {
      if (settings.length > 0) this.appendSection(header, settings.map(([key, value]) => `${key} = ${value}`));
      return;
    }
    const added: string[] = [];
    const splices: Splice[] = [];
    for (const [key, value] of settings) {
      const entry = section.entries.find((candidate) => candidate.key === key);
      if (entry) splices.push({ start: entry.line, count: entry.end - entry.line, texts: [rewrite(this.#document.text(entry.line), key, value)] });
      else added.push(`${key} = ${value}`);
    }
    splices.push({ start: section.entries.at(-1)?.end ?? section.line + 1, count: 0, texts: added });
    this.apply(splices);
  }

  removeKeys(profile: string, keys: readonly string[]): void {
    profileHeader(this.kind, profile); // refuses a bad name
    for (const key of keys) checkSetting(profile, key);
    const section = this.section(profile);
    if (!section) return;
    const doomed = section.entries.filter((entry) => keys.includes(entry.key));
    this.apply(doomed.map((entry) => ({ start: entry.line, count: entry.end - entry.line, texts: [] })));
  }

  removeProfile(profile: string): void {
    profileHeader(this.kind, profile); // refuses a bad name
    const section = this.section(profile);
    if (!section) return;
    // Blank lines and comments after the last key lead into what follows, except one blank line: the
    // separator a section is added with.
    let end = section.entries.at(-1)?.end ?? section.line + 1;
    if (end < this.#document.lineCount && strip(this.#document.text(end)) === '') end++;
    this.apply([{ start: section.line, count: end - section.line, texts: [] }]);
  }

  /**
   * Replaces keys by others, keeping the replaced lines readable and restorable: where the first of them
   * was, a comment block — `heading`, then each replaced line as `# line` — followed by the new keys (a
   * new key already in the section is set in place). Returns the replaced lines as they were.
   */
  replaceKeys(profile: string, replacedKeys: readonly string[], heading: string, values: Readonly<Record<string, string>>): string[] {
    const section = this.section(profile);
    const doomed = section?.entries.filter((entry) => replacedKeys.includes(entry.key)) ?? [];
    const [first, ...others] = doomed;
    if (!section || !first) {
      this.setKeys(profile, values);
      return [];
    }
    for (const [key, value] of Object.entries(values)) checkSetting(profile, key, value);
    const replaced = doomed.flatMap((entry) => this.#document.texts(entry.line, entry.end));
    const kept = section.entries.filter((entry) => !doomed.includes(entry));
    const added: string[] = [];
    const splices: Splice[] = others.map((entry) => ({ start: entry.line, count: entry.end - entry.line, texts: [] }));
    for (const [key, value] of Object.entries(values)) {
      const entry = kept.find((candidate) => candidate.key === key);
      if (entry) splices.push({ start: entry.line, count: entry.end - entry.line, texts: [rewrite(this.#document.text(entry.line), key, value)] });
      else added.push(`${key} = ${value}`);
    }
    splices.push({ start: first.line, count: first.end - first.line, texts: [heading, ...replaced.map((line) => `# ${line}`), ...added] });
    this.apply(splices);
    return replaced;
  }

  /** Puts back the lines replaceKeys kept under `heading` in the profile's section; returns them. */
  restoreKeys(profile: string, heading: string): string[] {
    const section = this.section(profile);
    if (!section) return [];
    const document = this.#document;
    let at = -1;
    for (let i = section.line + 1; i < section.end; i++) if (document.text(i) === heading) at = i;
    if (at < 0) return [];
    let end = at + 1;
    while (end < section.end && document.text(end).startsWith('# ')) end++;
    const restored = document.texts(at + 1, end).map((line) => line.slice(2));
    this.apply([{ start: at, count: end - at, texts: restored }]);
    return restored;
  }

  /**
   * Removes a profile's section when it holds no keys any more (Latchkey added it, or emptied it of its
   * own keys). A last section takes with it the blank line a new section is added after.
   */
  removeProfileIfEmpty(profile: string): void {
    const section = this.section(profile);
    if (!section || section.entries.length > 0 || section.invalid.length > 0) return;
    const document = this.#document;
    let last = true;
    for (let i = section.line + 1; last && i < document.lineCount; i++) last = strip(document.text(i)) === '';
    const separated = section.line > 0 && strip(document.text(section.line - 1)) === '';
    this.removeProfile(profile);
    if (last && separated) this.apply([{ start: section.line - 1, count: 1, texts: [] }]);
  }

  /** The profile's one section, checked to be safe to edit; undefined when it has none. */
  private section(profile: string): IniSection | undefined {
    const found = this.sectionsOf(profile);
    if (this.#lookup?.checked) return found[0];
    if (found.length > 1) {
      const where = found.map((section) => `[${section.name}] on line ${section.line + 1}`).join(' and ');
      throw this.refuse(`profile ${profile} has ${found.length} sections (${where}); merge them into one, then try again`);
    }
    const [section] = found;
    this.checkHeadersAgree(profile, section);
    if (!section) return undefined;
    const [bad] = section.invalid;
    if (bad !== undefined)
      throw this.refuse(
        `line ${bad + 1} (in profile ${profile}) is not "key = value", a comment or an indented continuation, so AWS tools cannot read it; fix or remove that line, then try again`,
      );
    const [indented] = section.continued;
    if (indented !== undefined)
      throw this.refuse(
        `line ${indented + 1} (in profile ${profile}) is indented under a key, which Python AWS tools read as more of that key's value and the AWS SDK for JavaScript as a line of its own; unindent or remove it, then try again`,
      );
    const seen = new Map<string, number>();
    for (const entry of section.entries) {
      const first = seen.get(entry.key);
      if (first !== undefined)
        throw this.refuse(`key ${entry.key} appears twice in profile ${profile} (lines ${first + 1} and ${entry.line + 1}); remove one, then try again`);
      seen.set(entry.key, entry.line);
    }
    if (this.#lookup) this.#lookup.checked = true;
    return section;
  }

  /** The sections botocore reads as the profile's. */
  private sectionsOf(profile: string): IniSection[] {
    const document = this.#document;
    if (this.#lookup?.document === document && this.#lookup.profile === profile) return this.#lookup.sections;
    const { sections } = document;
    const found: IniSection[] = [];
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i] as IniSection;
      if (profileOfSection(this.kind, section.name) === profile) found.push(section);
    }
    this.#lookup = { document, profile, sections: found, checked: false };
    return found;
  }

  /**
   * Refuses when botocore (its section, if any) and the AWS SDK for JavaScript disagree on which header
   * line opens the profile: a key written there would reach the profile for one and not the other.
   */
  private checkHeadersAgree(profile: string, section: IniSection | undefined): void {
    const document = this.#document;
    const js = jsSdkHeaders(this.kind, document, profile, section?.line);
    const header = profileHeader(this.kind, profile);
    if (section) {
      const read = js.atSection;
      if (read?.profile !== profile) {
        const at = `line ${section.line + 1}`;
        const text = document.text(section.line);
        if ((section.line > 0 && document.eol(section.line - 1) === '\r') || (document.eol(section.line) === '\r' && section.line < document.lineCount - 1))
          throw this.refuse(
            `${at}: the AWS SDK for JavaScript joins the header of profile ${profile} to the line next to it, because it does not read a lone carriage return (\\r) as a line break; save the file with \\n or \\r\\n line endings, then try again`,
          );
        if (!read && !strip(text).endsWith(']'))
          throw this.refuse(
            `${at}: the header of profile ${profile} has text after its ], which the AWS SDK for JavaScript does not read as a header; remove that text or make it a # comment, then try again`,
          );
        throw this.refuse(
          `${at}: Python AWS tools read ${shown(text)} as the header of profile ${profile}, but the AWS SDK for JavaScript reads it as ${jsReading(read)}; write it as ${header}, then try again`,
        );
      }
    }
    const line = js.elsewhere;
    if (line !== undefined)
      throw this.refuse(
        `line ${line + 1}: the AWS SDK for JavaScript reads ${shown(document.text(line))} as the header of profile ${profile}, but Python AWS tools read it as ${this.botocoreReading(line)}; write it as ${header} if it is meant for profile ${profile}, else rename it; then try again`,
      );
  }

  /** What botocore makes of a line the JS SDK reads as a header. */
  private botocoreReading(line: number): string {
    const sections = this.#document.sectionsRead;
    const section = sections.find((candidate) => candidate.line === line);
    if (section) {
      const other = profileOfSection(this.kind, section.name);
      return other === undefined ? 'a section that is no profile' : `the header of profile ${other}`;
    }
    const owner = sections.flatMap((candidate) => candidate.entries).find((entry) => entry.line < line && line < entry.end);
    return owner ? `more of the value of ${owner.key} on line ${owner.line + 1}` : 'no header';
  }

  private appendSection(header: string, lines: readonly string[]): void {
    const count = this.#document.lineCount;
    const separator = count === 0 || strip(this.#document.text(count - 1)) === '' ? [] : [''];
    this.apply([{ start: count, count: 0, texts: [...separator, header, ...lines] }]);
  }

  /** Bottom up, so each splice's line numbers still hold. */
  private apply(splices: readonly Splice[]): void {
    for (const { start, count, texts } of [...splices].sort((a, b) => b.start - a.start))
      this.#document = this.#document.splice(start, count, texts);
  }

  private refuse(message: string): LatchkeyError {
    return new LatchkeyError('aws-file', `${this.path}: ${message}`);
  }
}

/** How the AWS SDK for JavaScript reads the header lines that matter to one profile. */
interface JsSdkHeaders {
  /** What it reads at botocore's header of the profile. */
  atSection?: JsSdkSection;
  /** The first other line it reads as the profile's header. */
  elsewhere?: number;
}

/**
 * The JS SDK's reading at line `at` (botocore's header of the profile, if it has one) and the first
 * other line it reads as the profile's header. It breaks lines only at \n and \r\n, so lines Python
 * split at a lone \r are one line to it, known here by the index of the first. The name it gives a
 * section always ends with text from the line (after `[`, `profile ` or `profile.`: see jsSdkSection),
 * so only the lines holding the profile's name from after its first dot are read, found in the whole
 * text at once: a file can have thousands of headers.
 */
function jsSdkHeaders(kind: AwsFileKind, document: IniDocument, profile: string, at: number | undefined): JsSdkHeaders {
  const { source, starts, ends, lineCount } = document;
  const joined = (line: number) => line < lineCount - 1 && document.eol(line) === '\r';
  const read = (first: number, last: number) => jsSdkSection(kind, source.slice(starts[first], ends[last]));
  const lastOf = (first: number) => {
    let last = first;
    while (joined(last)) last++;
    return last;
  };
  const headers: JsSdkHeaders = {};
  if (at !== undefined && !(at > 0 && joined(at - 1))) headers.atSection = read(at, lastOf(at));
  const tail = profile.slice(profile.indexOf('.') + 1);
  for (let found = source.indexOf(tail); found >= 0 && found < source.length; ) {
    let first = document.lineOf(found);
    while (first > 0 && joined(first - 1)) first--;
    const last = lastOf(first);
    if (first !== at && read(first, last)?.profile === profile) return { ...headers, elsewhere: first };
    found = source.indexOf(tail, starts[last + 1] ?? source.length);
  }
  return headers;
}

/** The entries of the [DEFAULT] sections, which botocore copies into every profile. */
const defaultEntries = (sections: readonly IniSection[]): IniEntry[] =>
  sections.filter((section) => section.name === DEFAULTS_SECTION).flatMap((section) => section.entries);

/** A profile's keys: those of the [DEFAULT] sections, then its section's own. */
function keysOf(defaults: readonly IniEntry[], entries: readonly IniEntry[]): AwsProfile {
  const keys = dictionary<AwsValue>();
  for (let i = 0; i < defaults.length + entries.length; i++) {
    const { key, value } = (i < defaults.length ? defaults[i] : entries[i - defaults.length]) as IniEntry;
    keys[key] = value;
  }
  return keys;
}

const jsReading = (read: JsSdkSection | undefined): string =>
  !read ? 'no header' : read.profile === undefined ? 'a section that is no profile' : `the header of profile ${read.profile}`;

/** A line for a message: quoted, with anything but printable ASCII escaped, so odd white space shows. */
const shown = (text: string): string =>
  JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A key line with a new value: its indentation kept, and the spacing around `=` when it had a value. */
function rewrite(text: string, key: string, value: string): string {
  const layout = keyLine(text);
  const delimiter = layout?.delimiter === '=' && layout.value !== '' ? `${layout.before}=${layout.after}` : ' = ';
  return `${layout?.indent ?? ''}${key}${delimiter}${value}${layout?.trailing ?? ''}`;
}
