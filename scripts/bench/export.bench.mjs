// Issue 5: exporting 100,000 opinions (plus their visits and cards) takes at most 1.5× the time
// of writing the same cell values with a bare exceljs streaming writer, measured in the same
// run, and the export's peak memory stays below 400 MB.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeCampaign } from '../../dist/pipeline/mergeCampaign.js';
import { generateCampaign } from '../../tests/helpers/generate.mjs';

export const title = 'export: 100,000 opinions and their cards to xlsx';
const here = path.dirname(fileURLToPath(import.meta.url));

function child(mode, root, out) {
  const stdout = execFileSync(process.execPath, [path.join(here, 'exportChild.mjs'), mode, root, out], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop());
}

export async function run({ tmp }) {
  const root = path.join(tmp, 'export-campaign');
  const counts = generateCampaign(root, { groups: 200, records: 120_000, mix: { opinion: 10, info: 0, card: 1 / 3 } });
  const t = performance.now();
  const merged = await mergeCampaign(root, { tool: 'bench' });
  if (!merged.written) throw new Error('export bench: the generated campaign did not merge');
  const mergeMs = performance.now() - t;
  const bare = child('bare', root, path.join(tmp, 'bare.xlsx'));
  const ours = child('ours', root, path.join(tmp, 'ours.xlsx'));
  const ratio = ours.exportMs / bare.writeMs;
  return [
    { name: 'records generated (opinions)', value: `${counts.records} (${counts.opinion})` },
    { name: 'merge of the generated campaign (s)', value: (mergeMs / 1000).toFixed(1) },
    { name: 'ledgers loaded by the export (s)', value: (ours.loadMs / 1000).toFixed(1) },
    { name: 'rows written', value: ours.rows },
    { name: 'bare exceljs streaming writer, same values (s)', value: (bare.writeMs / 1000).toFixed(1) },
    { name: 'ledger export, model and styled workbook (s)', value: (ours.exportMs / 1000).toFixed(1) },
    { name: 'export / bare writer', value: ratio.toFixed(2), target: '≤ 1.5', pass: ratio <= 1.5 },
    { name: 'export end to end incl. loading / bare writer', value: ((ours.loadMs + ours.exportMs) / bare.writeMs).toFixed(2) },
    { name: 'export peak memory (MB)', value: Math.round(ours.maxRssMB), target: '< 400', pass: ours.maxRssMB < 400 },
  ];
}
