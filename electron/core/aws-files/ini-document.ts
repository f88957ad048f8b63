/**
 * An AWS INI file as lines that remember their own line endings, so printing it gives back the exact
 * text it was parsed from (a UTF-8 BOM, CRLF or mixed endings, a missing final newline), and an edit
 * replaces whole lines and nothing else. Lines end at \r\n, \n or a lone \r, as Python reads them.
 *
 * Files can hold thousands of profiles, so the document is its text and where each line starts and
 * ends in it, rather than a string and an object per line; its sections are found when the text is
 * parsed and each is read when first asked for (see iniSections), and an edit reads again only the part
 * it changed.
 */
import { iniSections, readAllSections, spliceSections, type IniLines, type IniSection } from './ini-sections';
import { Recent } from './recent';

const BOM = '\ufeff';

// A command that reads the credentials and config files to check them, then edits one, parses it once.
const parsed = new Recent<string, IniDocument>(2, (a, b) => a === b);

export class IniDocument implements IniLines {
  readonly sections: readonly IniSection[];
  #sectionsRead: readonly IniSection[] | undefined;

  private constructor(
    /** The whole text, BOM included. */
    readonly source: string,
    /** Line i is source[starts[i], ends[i]); its ending runs to the next line's start, or the end. */
    readonly starts: Uint32Array,
    readonly ends: Uint32Array,
    sections: (document: IniDocument) => IniSection[],
  ) {
    this.sections = sections(this);
  }

  static parse(text: string): IniDocument {
    return parsed.get(text, () => {
      const { starts, ends, bracketed } = lineBounds(text);
      return new IniDocument(text, starts, ends, (document) => iniSections(document, bracketed));
    });
  }

  /**
   * The same sections, every line read in one pass: for a caller that needs the keys of all of them,
   * which costs less than reading them one by one.
   */
  get sectionsRead(): readonly IniSection[] {
    this.#sectionsRead ??= readAllSections(this);
    return this.#sectionsRead;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The text of line i, without its ending. */
  text(i: number): string {
    return this.source.slice(this.starts[i], this.ends[i]);
  }

  /** The index of the line whose text or ending holds the character at `position` (0 for a BOM). */
  lineOf(position: number): number {
    let low = 0;
    let high = this.lineCount;
    // The first line that starts after `position`, less one.
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.starts[middle] ?? 0) <= position) low = middle + 1;
      else high = middle;
    }
    return Math.max(low - 1, 0);
  }

  /** The texts of lines [start, end). */
  texts(start: number, end: number): string[] {
    return Array.from({ length: end - start }, (_, i) => this.text(start + i));
  }

  /** The ending of line i: '' only on a last line that has none. */
  eol(i: number): string {
    return this.source.slice(this.ends[i], this.starts[i + 1] ?? this.source.length);
  }

  /** The UTF-8 byte order mark the text starts with, or ''. */
  get bom(): string {
    return this.source.startsWith(BOM) ? BOM : '';
  }

  /** The ending new lines get: the file's own (its first), or \n for a file that has none yet. */
  get newline(): string {
    for (let i = 0; i < this.lineCount; i++) {
      const eol = this.eol(i);
      if (eol !== '') return eol;
    }
    return '\n';
  }

  toString(): string {
    return this.source;
  }

  /**
   * Replaces `count` lines from `start` with new ones. A replacement keeps the ending of the last line it
   * replaces; lines added after a last line that had no ending give it one and leave the new last line
   * without, so a file that did not end with a newline still does not.
   */
  splice(start: number, count: number, texts: readonly string[]): IniDocument {
    const { source, lineCount } = this;
    const newline = this.newline;
    const from = this.starts[start] ?? source.length;
    const to = this.starts[start + count] ?? source.length;
    let lastEol = newline;
    let opening = '';
    if (count > 0) lastEol = this.eol(start + count - 1);
    else if (texts.length > 0 && start === lineCount && start > 0 && this.eol(start - 1) === '') {
      opening = newline;
      lastEol = '';
    }
    const starts = new Uint32Array(lineCount - count + texts.length);
    const ends = new Uint32Array(starts.length);
    starts.set(this.starts.subarray(0, start));
    ends.set(this.ends.subarray(0, start));
    let added = opening;
    let at = from + opening.length;
    texts.forEach((text, i) => {
      const eol = i === texts.length - 1 ? lastEol : newline;
      starts[start + i] = at;
      ends[start + i] = at + text.length;
      at += text.length + eol.length;
      added += text + eol;
    });
    // The lines after keep their text and move by as many characters as the replaced ones changed.
    const by = at - to;
    for (let i = start + count; i < lineCount; i++) {
      starts[i - count + texts.length] = (this.starts[i] ?? 0) + by;
      ends[i - count + texts.length] = (this.ends[i] ?? 0) + by;
    }
    const text = source.slice(0, from) + added + source.slice(to);
    return new IniDocument(text, starts, ends, (document) => spliceSections(this.sections, document, start, count, texts.length));
  }
}

// A line break as Python reads one: \r\n, a lone \r or \n.
const LINE_BREAK = /\r\n?|\n/g;

/**
 * Where each line of the text starts and ends (before its ending), past a BOM, and which lines start
 * with `[`: found in the same pass, as the headers are among them.
 */
function lineBounds(text: string): { starts: Uint32Array; ends: Uint32Array; bracketed: number[] } {
  // Room for every line there can be (one per \r and \n, and the last), filled by one native search per
  // line: no array grows line by line, and a file can have thousands of lines.
  let room = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) room++;
  const newlines = room;
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) room++;
  const starts = new Uint32Array(room);
  const ends = new Uint32Array(room);
  const bracketed: number[] = [];
  let count = 0;
  let from = text.startsWith(BOM) ? BOM.length : 0;
  if (room === newlines) {
    // No \r: every line ends at a \n, found by the quickest search there is.
    for (let at = text.indexOf('\n', from); at >= 0; from = at + 1, at = text.indexOf('\n', from)) {
      if (text.charCodeAt(from) === 0x5b) bracketed.push(count);
      starts[count] = from;
      ends[count++] = at;
    }
  } else {
    for (LINE_BREAK.lastIndex = from; LINE_BREAK.test(text); from = LINE_BREAK.lastIndex) {
      const next = LINE_BREAK.lastIndex;
      if (text.charCodeAt(from) === 0x5b) bracketed.push(count);
      starts[count] = from;
      ends[count++] = next - (text.charCodeAt(next - 1) === 0x0a && text.charCodeAt(next - 2) === 0x0d ? 2 : 1);
    }
  }
  if (from < text.length) {
    if (text.charCodeAt(from) === 0x5b) bracketed.push(count);
    starts[count] = from;
    ends[count++] = text.length;
  }
  return { starts: starts.subarray(0, count), ends: ends.subarray(0, count), bracketed };
}
