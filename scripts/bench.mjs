// `npm run bench`: runs every scripts/bench/*.bench.mjs against the built dist/ and prints
// the figures the issues set targets for. Heavy measurements live here, not in the tests.
import { readdirSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(path.join(here, 'bench'))
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'ledger-bench-'));
  try {
    const mod = await import(pathToFileURL(path.join(here, 'bench', file)).href);
    console.log(`\n## ${mod.title ?? file}`);
    const results = await mod.run({ tmp });
    for (const r of results ?? []) {
      const ok = r.pass === undefined ? '' : r.pass ? '  PASS' : '  FAIL';
      if (r.pass === false) failed++;
      console.log(`${r.name.padEnd(58)} ${String(r.value).padStart(12)}${r.target ? `  (target ${r.target})` : ''}${ok}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
console.log(failed ? `\n${failed} target(s) missed` : '\nall targets met');
process.exitCode = failed ? 1 : 0;
