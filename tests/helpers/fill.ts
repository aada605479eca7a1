// Fills a template as a group member would: rows typed under the headers of a sheet (matched by
// the visible header, * and all stripped), in the first empty rows.
import type ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { FIRST_ROW, HEADER_ROW } from '../../src/model/templateLayout.js';
import { editBook } from './workbook.js';

export type Row = Record<string, string | number | boolean | Date | null>;

/** A date as a workbook cell holds it (midnight UTC). */
export const cellDate = (s: string) => new Date(`${s}T00:00:00Z`);

/** A visit of the zh-CN example's group g2 as typed into the template's 活动台账. */
export const G2_VISIT_ROW: Row = {
  编号: 'v9',
  日期: cellDate('2014-05-12'),
  地点: '南湖社区',
  活动形式: '下基层',
  工作方式: '座谈会',
  带队领导: '王海燕',
  参加人员: '王海燕',
};

export function headerColumn(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(HEADER_ROW).eachCell((c, n) => {
    if (c.text.replace(/^\*/, '') === header) found = n;
  });
  expect(found, `${ws.name}: no column ${header}`).toBeGreaterThan(0);
  return found;
}

/** The first row at or below FIRST_ROW with no value in any cell. */
function firstEmpty(ws: ExcelJS.Worksheet): number {
  const filled = (r: number) => (ws.getRow(r).values as unknown[]).some((v) => v !== null && v !== undefined && v !== '');
  let r = FIRST_ROW;
  while (filled(r)) r++;
  return r;
}

/** Types `rows` into `sheet` of the workbook (in place, or into `out`); a row may say where it goes with `@row`. */
export async function fill(file: string, sheets: Record<string, Row[]>, out = file): Promise<string> {
  return editBook(
    file,
    (wb) => {
      for (const [name, rows] of Object.entries(sheets)) {
        const ws = wb.getWorksheet(name);
        expect(ws, name).toBeDefined();
        for (const row of rows) {
          const r = typeof row['@row'] === 'number' ? row['@row'] : firstEmpty(ws!);
          for (const [header, value] of Object.entries(row)) {
            if (header === '@row') continue;
            ws!.getCell(r, headerColumn(ws!, header)).value = value;
          }
        }
      }
    },
    out,
  );
}
