import { describe, expect, it } from 'vitest';
import { importedRows } from './importedFiles.js';

describe('importedRows', () => {
  it('reads the row comments `ledger import` writes, in both languages', () => {
    const text =
      '# ledger-import: instance=x\n# 第二组.xlsx：活动台账 第4行\nkind: visit\n---\n# g2.xlsx, sheet Opinions, row 7\nkind: opinion\n';
    expect(importedRows(text)).toEqual([
      { line: 2, workbook: '第二组.xlsx', sheet: '活动台账', row: 4 },
      { line: 5, workbook: 'g2.xlsx', sheet: 'Opinions', row: 7 },
    ]);
  });
});
