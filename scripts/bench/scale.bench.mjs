// Issue 19: a province's campaign. 230,000 records (200 groups) whose opinions are put together
// from four parts of twenty choices each, so that most opinions are alike to others, as they
// are when many groups hear the same complaints. The likely-duplicate check must stay bounded:
// a cold merge costs at most the single-threaded bare `yaml` parse of the same files (measured
// in the same run), peak memory stays below 2 GB, and the alike opinions read as clusters, one
// warning each, not one line per pair.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCampaign } from '../../tests/helpers/generate.mjs';

export const title = 'scale: 230,000 records with many alike opinions (likely duplicates as clusters)';
const here = path.dirname(fileURLToPath(import.meta.url));

function child(mode, root) {
  const stdout = execFileSync(process.execPath, [path.join(here, 'mergeChild.cjs'), mode, root], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop());
}

export async function run({ tmp }) {
  const root = path.join(tmp, 'province');
  const counts = generateCampaign(root, { groups: 200, records: 230_000, alike: true });
  const parse = child('parse', root);
  rmSync(path.join(root, 'ledgers'), { recursive: true, force: true });
  const cold = child('merge', root);
  const ratio = cold.ms / parse.ms;
  return [
    { name: 'records generated (opinions)', value: `${counts.records} (${counts.opinion})` },
    { name: 'bare yaml parse, single thread (s)', value: (parse.ms / 1000).toFixed(1) },
    { name: 'cold merge, as `ledger merge` runs (s)', value: (cold.ms / 1000).toFixed(1) },
    { name: 'cold merge / bare parse', value: ratio.toFixed(2), target: '≤ 1.0', pass: ratio <= 1.0 },
    { name: 'likely-duplicate clusters (opinions in them)', value: `${cold.duplicates} (${cold.clustered})` },
    { name: 'merge peak memory (MB)', value: Math.round(cold.maxRssMB), target: '< 2048', pass: cold.maxRssMB < 2048 },
  ];
}
