// One merge-side measurement in its own process, so its time and peak memory are its own:
//   node mergeChild.cjs parse ROOT      bare single-threaded `yaml` parse of every record file
//   node mergeChild.cjs merge ROOT      `ledger merge` (cold or warm, whatever ledgers/.cache holds)
//   node mergeChild.cjs merge1 ROOT     the same on the main thread only (--jobs 1)
//   node mergeChild.cjs validate ROOT   `ledger validate` of the whole campaign
// The ledger commands run as the installed command does: a CommonJS script requiring the
// bundle's main() as bin/ledger.js does (with the compiled code kept from the last run), timed
// from the start of the process, so their start-up counts as a clerk sees it, and nothing else
// does (the parse mode's `yaml` is loaded only there).
// Prints one JSON line: ms and peak RSS (MB).
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

function parse(root) {
  const { parseAllDocuments } = require('yaml');
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
  return { ms: performance.now() - t, extra: { files: files.length, docs } };
}

async function ledger(mode, root) {
  const argv = { merge: ['merge'], merge1: ['merge', '--jobs', '1'], validate: ['validate'] }[mode];
  const bundle = path.join(__dirname, '..', '..', 'dist', 'bundle');
  require(path.join(bundle, 'compileCache.js')).useCompileCache(path.dirname(bundle), argv);
  const { main } = require(path.join(bundle, 'main.js'));
  let out = '';
  const sink = { write: (s) => void (out += s) };
  const code = await main({
    argv: ['-C', root, ...argv, '--format', 'json'],
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    stdout: sink,
    stderr: { write: () => true },
  });
  const ms = performance.now(); // since the process started: start-up included
  if (code !== 0) throw new Error(`ledger ${argv.join(' ')} exited ${code}`);
  const json = JSON.parse(out);
  const clusters = json.duplicates ?? [];
  const clustered = clusters.reduce((n, c) => n + c.ids.length, 0);
  return { ms, extra: { records: json.summary?.records, duplicates: clusters.length, clustered } };
}

(async () => {
  const [mode, root] = process.argv.slice(2);
  const { ms, extra } = mode === 'parse' ? parse(root) : await ledger(mode, root);
  console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, ...extra }));
})();
