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

/** An opinion heard by g2 as typed into 下基层听意见台账. */
export const G2_OPINION_ROW: Row = {
  日期: cellDate('2014-05-12'),
  听取渠道: '当面',
  收集人: '周敏',
  对象类别: '群众',
  意见类别: '形式主义',
  意见指向: '干部队伍',
  意见内容: '办事指南更新不及时。',
};

/** A livelihood appeal card of g2 as typed into 民生诉求登记卡, ID and phone as text. */
export const G2_APPEAL_ROW: Row = {
  编号: 'a9',
  日期: cellDate('2014-05-12'),
  诉求人: '林国强',
  身份证号码: '410182196202128568',
  联系电话: '0371-66705379',
  诉求类别: '社会保障',
  诉求内容: '医保报销慢。',
  承办单位: '区人社局',
  办理时限: cellDate('2014-06-01'),
  办理状态: '办理中',
};

/** The same card as a spreadsheet keeps it when the ID and the phone were typed as numbers (digits lost). */
export const G2_APPEAL_AS_NUMBERS: Row = { ...G2_APPEAL_ROW, 身份证号码: Number('410182196202128568'), 联系电话: 37166705379 };

/** A column a group member added to 活动台账 (M), with a note in it: an extra column to the import. */
export async function addOwnColumn(file: string): Promise<void> {
  await editBook(file, (wb) => {
    const ws = wb.getWorksheet('活动台账')!;
    ws.getCell('M3').value = '自己加的列';
    ws.getCell('M4').value = '备忘';
  });
}

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
