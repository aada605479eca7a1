import { describe, expect, it } from 'vitest';
import { importedRows } from './importedFiles.js';

describe('importedRows', () => {
  it('reads the row comments `ledger import` writes, in both languages', () => {
    const text =
      '# ledger-import: instance=x\n# 第二组.xlsx：活动台账 第4行\nkind: visit\n---\n# g2.xlsx, sheet Opinions, row 7\nkind: opinion\n';
    expect(importedRows(text)).toEqual([
      { line: 2, workbook: '第二组.xlsx', sheet: '活动台账', row: 4, kind: 'visit' },
      { line: 5, workbook: 'g2.xlsx', sheet: 'Opinions', row: 7, kind: 'opinion' },
    ]);
  });

  it('takes the kind from the record’s own top-level kind line only', () => {
    const text = '# g2.xlsx, sheet X, row 4\nid: o1\nsource:\n  kind: masses\nkind: opinion\n---\n# g2.xlsx, sheet Y, row 5\nkind: 意见\n';
    expect(importedRows(text).map((r) => r.kind)).toEqual(['opinion', null]);
  });
});
