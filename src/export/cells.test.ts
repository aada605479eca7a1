import { describe, expect, it } from 'vitest';
import { CUT_MARKER, EXCEL_TEXT_LIMIT, cellWidth, excelDate, safeText, sheetName } from './cells.js';

describe('cells', () => {
  it('removes control characters but keeps tabs and line breaks', () => {
    expect(safeText('a\u0000b\u0007c\u001bd\te\nf\r\ng\u007f')).toBe('abcd\te\nf\r\ng');
  });

  it('cuts text at the Excel limit with a visible marker', () => {
    expect(safeText('x'.repeat(EXCEL_TEXT_LIMIT))).toHaveLength(EXCEL_TEXT_LIMIT);
    const cut = safeText('x'.repeat(EXCEL_TEXT_LIMIT + 1));
    expect(cut).toHaveLength(EXCEL_TEXT_LIMIT);
    expect(cut.endsWith(CUT_MARKER)).toBe(true);
  });

  it('makes dates at midnight UTC, and nothing of non-dates', () => {
    expect(excelDate('2014-05-24')?.toISOString()).toBe('2014-05-24T00:00:00.000Z');
    expect(excelDate('2014-5-24')).toBeNull();
    expect(excelDate(20140524)).toBeNull();
  });

  it('measures CJK text in display columns', () => {
    expect(cellWidth('群众')).toBe(4);
    expect(cellWidth('ab\n群众群众')).toBe(8);
    expect(cellWidth(null)).toBe(0);
  });

  it('keeps sheet names within Excel rules: 31 characters, no []:*?/\\, unique ignoring case', () => {
    const taken = new Set<string>();
    expect(sheetName('a/b:c*d?e[f]g\\h', taken)).toBe('a b c d e f g h');
    expect(sheetName("'quoted'", taken)).toBe('quoted');
    expect(sheetName('   ', taken)).toBe('Sheet');
    const long = '下'.repeat(40);
    expect(Array.from(sheetName(long, taken))).toHaveLength(31);
    expect(sheetName('QUOTED', taken)).toBe('QUOTED (2)');
    expect(Array.from(sheetName(long, taken)).join('')).toBe(`${'下'.repeat(27)} (2)`);
  });
});
