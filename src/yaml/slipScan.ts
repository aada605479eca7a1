// What scanning a text for input-method slips has found so far, and the repairs shared by the
// parts of a line: full-width spaces used as spaces, full-width brackets, Chinese quotes.
import type { WideSpaceAt } from '../messages/diagnosticCodes.js';
import type { Edit } from './applyEdits.js';

export type SlipCode =
  'fullwidth-colon' | 'fullwidth-comma' | 'fullwidth-bracket' | 'fullwidth-quote' | 'fullwidth-quote-text' | 'ideographic-space';

export interface Slip {
  code: SlipCode;
  /** Offset of the offending character in the original text. */
  at: number;
  char: string;
  /** For a colon: the key; for a bracket: the ASCII bracket to type. */
  key?: string;
  ascii?: string;
  /** For a full-width space: where it is (none: in the indentation). */
  where?: WideSpaceAt;
}

/** What the values of a key are: the slips around a value depend on it. */
export interface KeyRoles {
  /** Codes, names, dates, ids: Chinese quotes or full-width spaces around them are slips, repaired. */
  strict(key: string): boolean;
  /** Free text: Chinese quotes around the whole value are kept, with a warning. */
  text(key: string): boolean;
  /** Lists: 「…」 or （…） around the whole value are list brackets typed in Chinese. */
  list(key: string): boolean;
}

export const NO_ROLES: KeyRoles = { strict: () => false, text: () => false, list: () => false };

export const WIDE = '\u3000';
const isBlank = (c: string | undefined) => c === ' ' || c === WIDE;

export class SlipScan {
  readonly slips: Slip[] = [];
  readonly edits: Edit[] = [];
  /** Start of the line whose full-width space was reported: one such error per line is enough. */
  private wideLine = -1;
  /** Start of the line being scanned. */
  line = 0;

  constructor(
    readonly text: string,
    readonly roles: KeyRoles,
  ) {}

  slip(s: Slip, edit?: string): void {
    this.slips.push(s);
    if (edit !== undefined) this.edits.push({ at: s.at, with: edit });
  }

  /**
   * Skips spaces and full-width spaces from `i`; each full-width space becomes `width` spaces. Reported
   * once (`where`, or the indentation when undefined) unless `quiet`: right after a full-width
   * colon or comma the space belongs to that slip. Returns where the run ends.
   */
  blanks(i: number, where: WideSpaceAt | undefined, quiet = false, width = 1): number {
    const text = this.text;
    while (isBlank(text[i])) {
      if (text[i] === WIDE) {
        if (!quiet && this.wideLine !== this.line) {
          this.wideLine = this.line;
          this.slips.push({ code: 'ideographic-space', at: i, char: WIDE, ...(where ? { where } : {}) });
        }
        this.edits.push({ at: i, with: ' '.repeat(width) });
      }
      i++;
    }
    return i;
  }

  /** The last character of `from..last` that is not a space or full-width space (from - 1 if none). */
  trimEnd(from: number, last: number): number {
    while (last >= from && isBlank(this.text[last])) last--;
    return last;
  }

  /** The first character from `i` that is not a space or full-width space. */
  skipBlanks(i: number, end: number): number {
    while (i < end && isBlank(this.text[i])) i++;
    return i;
  }

  /** Trailing full-width spaces of a value ending at `last`: whitespace, repaired and reported. */
  trailing(from: number, last: number): void {
    const end = this.trimEnd(from, last);
    if (end < last) this.blanks(end + 1, 'around-value');
  }

  bracket(char: string, ascii: string, at: number): void {
    this.slip({ code: 'fullwidth-bracket', at, char, ascii }, ascii);
  }

  /**
   * “x” or ‘x’ around a whole value from `from` to `last`: around a strict value both quotes
   * become ASCII ones (an error); around free text they stay, with a warning. Quotes inside a
   * sentence, or several quoted pieces (“甲”和“乙”), are the text's own.
   */
  quoted(from: number, last: number, strict: boolean, text: boolean): void {
    if ((!strict && !text) || last <= from) return;
    const a = this.text[from];
    const b = this.text[last];
    const pair = (a === '“' && b === '”') || (a === '‘' && b === '’');
    if (!pair || (!strict && this.text.slice(from + 1, last).includes(a === '“' ? '“' : '‘'))) return;
    if (strict) {
      const q = a === '“' ? '"' : "'";
      this.slip({ code: 'fullwidth-quote', at: from, char: a }, q);
      this.edits.push({ at: last, with: q });
    } else this.slip({ code: 'fullwidth-quote-text', at: from, char: a });
  }
}
