// Issue 15: importing a returned workbook of 10,000 records takes at most 2× a bare exceljs
// streaming read of the same file (every cell's value touched), measured in the same run. The
// workbook is the round trip's: a generated group's records written by `ledger template
// --records`, the group's YAML then removed, so import reads, checks and writes all of them.
import ExcelJS from 'exceljs';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadCampaign } from '../../dist/read/loadCampaign.js';
import { templateRecords } from '../../dist/pipeline/templateRecords.js';
import { writeTemplate } from '../../dist/export/templateWorkbook.js';
import { checkWorkbooks, writeImports } from '../../dist/pipeline/importWorkbook.js';
import { generateCampaign } from '../../tests/helpers/generate.mjs';

export const title = 'import: a 10,000-record workbook';

async function bareRead(file) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  let cells = 0;
  for await (const ws of reader) {
    for await (const row of ws) {
      row.eachCell({ includeEmpty: false }, (c) => {
        if (c.value !== undefined) cells++;
      });
    }
  }
  return cells;
}

async function timed(fn) {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

export async function run({ tmp }) {
  const root = path.join(tmp, 'import-10k');
  const counts = generateCampaign(root, { groups: 1, records: 10_000 });
  const { campaign } = loadCampaign(root);
  const group = campaign.groups[0];
  const { instance, records } = templateRecords(root, group, true);
  const file = path.join(tmp, 'returned.xlsx');
  const made = await timed(() => writeTemplate(file, { campaign, group, instance, made: '2014-05-20', records }));
  for (const f of readdirSync(path.join(root, 'groups', group.id), { recursive: true })) {
    if (String(f).endsWith('.yaml')) rmSync(path.join(root, 'groups', group.id, String(f)));
  }
  // The machine's speed drifts: each side runs twice, interleaved, and the faster run counts.
  const bare = [];
  const ours = [];
  let written = 0;
  for (let i = 0; i < 2; i++) {
    bare.push((await timed(() => bareRead(file))).ms);
    const t = await timed(async () => writeImports(root, await checkWorkbooks(root, [{ abs: file, shown: 'returned.xlsx' }])));
    if (t.value.summary.errors) throw new Error(`import bench: the workbook did not import (${t.value.diagnostics[0]?.message})`);
    written = t.value.plans[0].rows;
    rmSync(path.join(root, 'groups', group.id, 'imported'), { recursive: true, force: true });
    ours.push(t.ms);
  }
  const b = Math.min(...bare);
  const o = Math.min(...ours);
  const ratio = o / b;
  return [
    { name: 'records generated', value: counts.records },
    { name: 'workbook written by ledger template --records (s)', value: (made.ms / 1000).toFixed(1) },
    { name: 'workbook size (MB)', value: (statSync(file).size / 1048576).toFixed(1) },
    { name: 'records imported', value: written },
    { name: 'bare exceljs streaming read, every cell (s)', value: bare.map((x) => (x / 1000).toFixed(2)).join(' / ') },
    { name: 'ledger import: read, check, write YAML (s)', value: ours.map((x) => (x / 1000).toFixed(2)).join(' / ') },
    { name: 'import / bare read', value: ratio.toFixed(2), target: '≤ 2', pass: ratio <= 2 },
  ];
}
