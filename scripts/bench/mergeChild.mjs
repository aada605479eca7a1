// One merge-side measurement in its own process, so its time and peak memory are its own:
//   node mergeChild.mjs parse ROOT      bare single-threaded `yaml` parse of every record file
//   node mergeChild.mjs merge ROOT      `ledger merge` (cold or warm, whatever ledgers/.cache holds)
//   node mergeChild.mjs merge1 ROOT     the same on the main thread only (--jobs 1)
//   node mergeChild.mjs validate ROOT   `ledger validate` of the whole campaign
// Prints one JSON line: ms and peak RSS (MB).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { mergeCampaign } from '../../dist/pipeline/mergeCampaign.js';
import { validateCampaign } from '../../dist/pipeline/validateCampaign.js';

const [mode, root] = process.argv.slice(2);
const t = performance.now();
let extra;
if (mode === 'parse') {
  const files = readdirSync(path.join(root, 'groups'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
  let docs = 0;
  for (const f of files)
    for (const d of parseAllDocuments(readFileSync(f, 'utf8'))) {
      d.toJS();
      docs++;
    }
  extra = { files: files.length, docs };
} else if (mode === 'merge' || mode === 'merge1') {
  const r = await mergeCampaign(root, { tool: 'bench', ...(mode === 'merge1' ? { threads: 1 } : {}) });
  if (!r.written) throw new Error('the generated campaign did not merge');
  extra = { records: r.summary.records };
} else {
  const r = validateCampaign(root);
  extra = { records: r.summary.records };
}
console.log(JSON.stringify({ ms: performance.now() - t, maxRssMB: process.resourceUsage().maxRSS / 1024, ...extra }));
