import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook } from './readWorkbook.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readWorkbook', () => {
  // Inflated parts arrive in 16 KB chunks; a three-byte character across two of them must not
  // come out as two U+FFFD, whether the text is in the shared strings or inline in the sheet.
  for (const inline of [false, true]) {
    it(`keeps every Chinese character of a sheet larger than one chunk (${inline ? 'inline' : 'shared'} strings)`, async () => {
      const file = path.join(dir, `big-${inline}.xlsx`);
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: !inline });
      const ws = writer.addWorksheet('意见');
      ws.addRow(['opinion/content', 'opinion/place']).commit();
      const texts: string[] = [];
      for (let i = 0; i < 3000; i++) {
        const t = `第${i}条：群众反映基层党员干部联系群众不够，窗口办事排队时间长${'。'.repeat(i % 3)}`;
        texts.push(t);
        ws.addRow([t, `幸福社区${i}号`]).commit();
      }
      await writer.commit();
      const book = await readWorkbook(file);
      const sheet = book.sheets.find((s) => s.name === '意见');
      expect(sheet).toBeDefined();
      const got = sheet!.rows.map((r) => r.cells[0]);
      expect(got.filter((t) => typeof t === 'string' && t.includes('\uFFFD'))).toEqual([]);
      expect(got).toEqual(texts.slice(got.length ? texts.length - got.length : 0));
    });
  }
});
