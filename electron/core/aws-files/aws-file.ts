/**
 * One AWS credentials or config file, edited losslessly. Reading gives each profile's keys as botocore
 * sees them. An edit changes only the lines it must: a key's line is replaced in place (keeping its
 * indentation and the spacing around `=`), a new key goes right after the section's last key (before
 * the blank lines and comments that lead into the next section), a new section goes at the end after
 * one blank line. An edit that would have to guess refuses with a LatchkeyError and changes nothing: a
 * profile with two sections, a key twice in its section, a line there that botocore cannot parse, or
 * one that botocore and the AWS SDK for JavaScript read differently (an indented line under a plain
 * value; a header with text after its `]`), where a new key could land in another profile for one of
 * them. Odd lines in other sections are left exactly as they are.
 */
import { LatchkeyError } from '../../shared/errors';
import { checkSetting } from './check-setting';
import { IniDocument } from './ini-document';
import { DEFAULTS_SECTION, dictionary, strip, type AwsValue, type IniEntry, type IniSection } from './ini-sections';
import { profileHeader, profileOfSection, type AwsFileKind } from './profile-header';

export type AwsProfile = Readonly<Record<string, AwsValue>>;

interface Splice {
  start: number;
  count: number;
  texts: readonly string[];
}

export class AwsFile {
  private constructor(
    private document: IniDocument,
    readonly kind: AwsFileKind,
    /** Names the file in error messages. */
    readonly path: string,
  ) {}

  static parse(text: string, kind: AwsFileKind, path: string): AwsFile {
    return new AwsFile(IniDocument.parse(text), kind, path);
  }

  toString(): string {
    return this.document.toString();
  }

  /**
   * Every profile's keys as botocore reads them: keys lower-cased, nested blocks as objects, the keys of
   * a [DEFAULT] section in every profile. Of a profile's several sections the last one wins, as botocore
   * does with [default] and [profile default] (for others it rejects the whole file).
   */
  profiles(): Record<string, AwsProfile> {
    const sections = this.document.sections;
    const defaults = sections.filter((section) => section.name === DEFAULTS_SECTION).flatMap((section) => section.entries);
    const found = new Map<string, AwsProfile>();
    for (const section of sections) {
      const profile = profileOfSection(this.kind, section.name);
      if (profile === undefined) continue;
      found.set(profile, dictionary([...defaults, ...section.entries].map((entry) => [entry.key, entry.value])));
    }
    return dictionary(found);
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
      if (entry) splices.push({ start: entry.line, count: entry.end - entry.line, texts: [rewrite(entry, key, value)] });
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
    const next = this.document.lines[end];
    if (next !== undefined && strip(next.text) === '') end++;
    this.apply([{ start: section.line, count: end - section.line, texts: [] }]);
  }

  /** The profile's one section, checked to be safe to edit; undefined when it has none. */
  private section(profile: string): IniSection | undefined {
    const found = this.document.sections.filter((section) => profileOfSection(this.kind, section.name) === profile);
    if (found.length > 1) {
      const where = found.map((section) => `[${section.name}] on line ${section.line + 1}`).join(' and ');
      throw this.refuse(`profile ${profile} has ${found.length} sections (${where}); merge them into one, then try again`);
    }
    const [section] = found;
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
    if (!jsSdkHeader(this.document.lines[section.line]?.text ?? ''))
      throw this.refuse(
        `line ${section.line + 1}: the header of profile ${profile} has text after its ], which the AWS SDK for JavaScript does not read as a header; remove that text or make it a # comment, then try again`,
      );
    const seen = new Map<string, number>();
    for (const entry of section.entries) {
      const first = seen.get(entry.key);
      if (first !== undefined)
        throw this.refuse(`key ${entry.key} appears twice in profile ${profile} (lines ${first + 1} and ${entry.line + 1}); remove one, then try again`);
      seen.set(entry.key, entry.line);
    }
    return section;
  }

  private appendSection(header: string, lines: readonly string[]): void {
    const last = this.document.lines.at(-1);
    const separator = last === undefined || strip(last.text) === '' ? [] : [''];
    this.apply([{ start: this.document.lines.length, count: 0, texts: [...separator, header, ...lines] }]);
  }

  /** Bottom up, so each splice's line numbers still hold. */
  private apply(splices: readonly Splice[]): void {
    for (const { start, count, texts } of [...splices].sort((a, b) => b.start - a.start))
      this.document = this.document.splice(start, count, texts);
  }

  private refuse(message: string): LatchkeyError {
    return new LatchkeyError('aws-file', `${this.path}: ${message}`);
  }
}

/** Whether the AWS SDK for JavaScript reads a header line as one: it cuts a `#`/`;` comment that follows white space, then wants `[…]`. */
function jsSdkHeader(text: string): boolean {
  const line = (text.split(/(?:^|\s)[;#]/)[0] ?? '').trim();
  return line.startsWith('[') && line.endsWith(']');
}

/** The key line with a new value: its indentation kept, and the spacing around `=` when it had a value. */
function rewrite({ layout }: IniEntry, key: string, value: string): string {
  const delimiter = layout.delimiter === '=' && layout.value !== '' ? `${layout.before}=${layout.after}` : ' = ';
  return `${layout.indent}${key}${delimiter}${value}${layout.trailing}`;
}
