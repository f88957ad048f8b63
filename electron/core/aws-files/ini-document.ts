/**
 * An AWS INI file as lines that remember their own line endings, so printing it gives back the exact
 * text it was parsed from (a UTF-8 BOM, CRLF or mixed endings, a missing final newline), and an edit
 * replaces whole lines and nothing else. Lines end at \r\n, \n or a lone \r, as Python reads them.
 */
import { iniSections, type IniSection } from './ini-sections';

export interface IniLine {
  readonly text: string;
  /** '' only on a last line that has no line ending. */
  readonly eol: string;
}

const BOM = '\ufeff';

export class IniDocument {
  readonly sections: readonly IniSection[];

  private constructor(
    private readonly bom: string,
    readonly lines: readonly IniLine[],
  ) {
    this.sections = iniSections(lines.map((line) => line.text));
  }

  static parse(text: string): IniDocument {
    const bom = text.startsWith(BOM) ? BOM : '';
    const body = text.slice(bom.length);
    const lines: IniLine[] = [];
    let from = 0;
    for (const match of body.matchAll(/\r\n|\n|\r/g)) {
      lines.push({ text: body.slice(from, match.index), eol: match[0] });
      from = match.index + match[0].length;
    }
    if (from < body.length) lines.push({ text: body.slice(from), eol: '' });
    return new IniDocument(bom, lines);
  }

  /** The ending new lines get: the file's own (its first), or \n for a file that has none yet. */
  get newline(): string {
    return this.lines.find((line) => line.eol !== '')?.eol ?? '\n';
  }

  toString(): string {
    return this.bom + this.lines.map((line) => line.text + line.eol).join('');
  }

  /**
   * Replaces `count` lines from `start` with new ones. A replacement keeps the ending of the last line it
   * replaces; lines added after a last line that had no ending give it one and leave the new last line
   * without, so a file that did not end with a newline still does not.
   */
  splice(start: number, count: number, texts: readonly string[]): IniDocument {
    const lines = [...this.lines];
    const newline = this.newline;
    const previous = lines[start - 1];
    let lastEol = newline;
    if (count > 0) lastEol = lines[start + count - 1]?.eol ?? newline;
    else if (texts.length > 0 && start === lines.length && previous?.eol === '') {
      lines[start - 1] = { text: previous.text, eol: newline };
      lastEol = '';
    }
    lines.splice(start, count, ...texts.map((text, i) => ({ text, eol: i === texts.length - 1 ? lastEol : newline })));
    return new IniDocument(this.bom, lines);
  }
}
