// What may go into a cell. Spreadsheet cells are never formulas or links: text stays text,
// whatever it starts with; control characters go; Excel's 32,767-character limit is kept
// with a visible marker.
import { cleanText } from '../text/clean.js';
import { displayWidthFast } from './width.js';

export type Cell = string | number | Date | null;

export const EXCEL_TEXT_LIMIT = 32_767;
export const CUT_MARKER = ' …[cut: text too long for one cell]';

export function safeText(value: string): string {
  let s = cleanText(value);
  if (s.length > EXCEL_TEXT_LIMIT) s = s.slice(0, EXCEL_TEXT_LIMIT - CUT_MARKER.length) + CUT_MARKER;
  return s;
}

/** A YYYY-MM-DD string as an Excel date at midnight UTC, so no time zone moves it. */
export function excelDate(s: unknown): Date | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

export function cellWidth(c: Cell): number {
  if (c === null) return 0;
  if (c instanceof Date) return 10;
  if (typeof c === 'number') return String(c).length;
  let max = 0;
  for (const line of c.split('\n')) max = Math.max(max, displayWidthFast(line));
  return max;
}

const SHEET_NAME_BAD = /[[\]:*?/\\]/g;

/** Excel's rules for sheet names: ≤ 31 characters, none of []:*?/\, not blank, unique. */
export function sheetName(wanted: string, taken: Set<string>): string {
  let name =
    wanted
      .replace(SHEET_NAME_BAD, ' ')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  name = Array.from(name).slice(0, 31).join('');
  let n = 2;
  let candidate = name;
  while (taken.has(candidate.toLowerCase())) {
    const suffix = ` (${n++})`;
    candidate =
      Array.from(name)
        .slice(0, 31 - suffix.length)
        .join('') + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}
