// One export measurement in its own process, so its peak memory is its own:
//   node exportChild.mjs ours ROOT OUT   the real export (ledgers loaded, then exportWorkbook)
//   node exportChild.mjs bare ROOT OUT   the same cell values written by a bare exceljs streaming writer
// Prints one JSON line of timings (ms) and peak RSS (MB).
import ExcelJS from 'exceljs';
import path from 'node:path';
import { loadLedgers } from '../../dist/read/loadLedgers.js';
import { buildWorkbookModel, exportWorkbook } from '../../dist/export/exportWorkbook.js';

const [mode, root, out] = process.argv.slice(2);
const options = { lang: 'zh-CN', asOf: '2014-05-24', redact: false };
const t0 = performance.now();
const set = loadLedgers(path.join(root, 'ledgers'));
const loadMs = performance.now() - t0;

if (mode === 'ours') {
  const t1 = performance.now();
  const result = await exportWorkbook(set, out, options);
  const exportMs = performance.now() - t1;
  const rows = result.sheets.reduce((s, x) => s + x.rows, 0);
  console.log(JSON.stringify({ loadMs, exportMs, rows, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
} else {
  // The same values, computed before the clock starts: the baseline is the writing alone.
  const { model } = buildWorkbookModel(set, options);
  const sheets = model.sheets.map((s) => ({
    name: s.name,
    rows: s.tables.flatMap((t) => [t.columns.map((c) => c.header), ...[...t.rows()].map((r) => r.cells)]),
  }));
  const t1 = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
  let rows = 0;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const values of s.rows) {
      ws.addRow(values).commit();
      rows++;
    }
    await ws.commit();
  }
  await wb.commit();
  console.log(JSON.stringify({ loadMs, writeMs: performance.now() - t1, rows }));
}
