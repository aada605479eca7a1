// One merge-side measurement in its own process, so its time and peak memory are its own:
//   node mergeChild.mjs parse ROOT      bare single-threaded `yaml` parse of every record file
//   node mergeChild.mjs merge ROOT      `ledger merge` (cold or warm, whatever ledgers/.cache holds)
//   node mergeChild.mjs merge1 ROOT     the same on the main thread only (--jobs 1)
//   node mergeChild.mjs validate ROOT   `ledger validate` of the whole campaign
// The ledger commands run as the installed command does (the bundle's main(), as bin/ledger.js
// calls it), timed from the start of the process, so their start-up counts as a clerk sees it.
// Prints one JSON line: ms and peak RSS (MB).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const [mode, root] = process.argv.slice(2);
let ms;
let extra;
if (mode === 'parse') {
  const t = performance.now();
  const files = readdirSync(path.join(root, 'groups'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
  let docs = 0;
  for (const f of files)
    for (const d of parseAllDocuments(readFileSync(f, 'utf8'))) {
      d.toJS();
      docs++;
    }
  ms = performance.now() - t;
  extra = { files: files.length, docs };
} else {
  // Required as bin/ledger.js requires it (an ES import would first scan the bundle for its exports).
  const { main } = createRequire(import.meta.url)('../../dist/bundle/main.js');
  const argv = { merge: ['merge'], merge1: ['merge', '--jobs', '1'], validate: ['validate'] }[mode];
  let out = '';
  const sink = { write: (s) => void (out += s) };
  const code = await main({
    argv: ['-C', root, ...argv, '--format', 'json'],
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    stdout: sink,
    stderr: { write: () => true },
  });
  ms = performance.now(); // since the process started: start-up included
  if (code !== 0) throw new Error(`ledger ${argv.join(' ')} exited ${code}`);
  const json = JSON.parse(out);
  const clusters = json.duplicates ?? [];
  extra = { records: json.summary?.records, duplicates: clusters.length, clustered: clusters.reduce((n, c) => n + c.ids.length, 0) };
}
console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, ...extra }));
