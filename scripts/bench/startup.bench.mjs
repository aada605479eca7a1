// Issue 19: a clerk runs these commands dozens of times a day, and editors and git hooks run
// validate on every save, so start-up counts. Each command runs as the installed `ledger` does
// (bin/ledger.js, a new process each time) on a copy of the example campaigns, measured as a
// ratio to `node -e ''` in the same run; commands and the baseline take turns, and the fastest
// of the runs counts (a 2-core machine shared with other work is noisy; the minimum is what
// the code costs). Targets: --version and --help ≤ 2×; validate, status and audit ≤ 4×;
// export and report ≤ 6×.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const title = 'start-up: commands on the example campaigns, against node -e ""';
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(repo, 'bin', 'ledger.js');

/** Wall time of one process, in ms (exit 1 is allowed only where `exits` says: audit's groups that must make up). */
function once(args, cwd, exits = [0]) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (!exits.includes(r.status)) throw new Error(`start-up bench: ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** The fastest of `runs` runs of each case, the cases taking turns with each other. */
export function fastest(cases, runs) {
  const best = cases.map(() => Infinity);
  for (let i = 0; i < runs; i++) {
    cases.forEach((c, k) => {
      best[k] = Math.min(best[k], once(c.args, c.cwd, c.exits));
    });
  }
  return best;
}

export async function run({ tmp, runs = Number(process.env.STARTUP_RUNS ?? 15) }) {
  const campaigns = {};
  for (const lang of ['zh-CN', 'en']) {
    campaigns[lang] = path.join(tmp, `startup-${lang}`);
    cpSync(path.join(repo, 'examples', lang), campaigns[lang], { recursive: true });
    rmSync(path.join(campaigns[lang], 'ledgers'), { recursive: true, force: true });
    rmSync(path.join(campaigns[lang], 'exports'), { recursive: true, force: true });
    // Audit, export and report read the ledgers: merged once, before the clock.
    once([BIN, 'merge'], campaigns[lang]);
  }
  const zh = campaigns['zh-CN'];
  const out = (f) => path.join(tmp, f);
  const cases = [
    { name: 'node -e ""', args: ['-e', ''], cwd: tmp },
    { name: 'ledger --version', args: [BIN, '--version'], cwd: tmp, limit: 2 },
    { name: 'ledger --help', args: [BIN, '--help'], cwd: tmp, limit: 2 },
    { name: 'ledger validate (examples/zh-CN)', args: [BIN, 'validate'], cwd: zh, limit: 4 },
    { name: 'ledger validate (examples/en)', args: [BIN, 'validate'], cwd: campaigns.en, limit: 4 },
    { name: 'ledger status', args: [BIN, 'status', '--as-of', '2014-05-20'], cwd: zh, limit: 4 },
    { name: 'ledger audit', args: [BIN, 'audit', '--as-of', '2014-05-24'], cwd: zh, limit: 4, exits: [0, 1] },
    { name: 'ledger export', args: [BIN, 'export', '--as-of', '2014-05-24', '--out', out('x.xlsx')], cwd: zh, limit: 6 },
    { name: 'ledger report (html)', args: [BIN, 'report', '--as-of', '2014-05-25', '--out', out('r.html')], cwd: zh, limit: 6 },
    {
      name: 'ledger report --format docx',
      args: [BIN, 'report', '--as-of', '2014-05-25', '--format', 'docx', '--out', out('r.docx')],
      cwd: zh,
      limit: 6,
    },
  ];
  const best = fastest(cases, runs);
  const base = best[0];
  return cases.map((c, k) => {
    const ms = `${best[k].toFixed(0)} ms`;
    if (c.limit === undefined) return { name: `${c.name} (fastest of ${runs})`, value: ms };
    const ratio = best[k] / base;
    return { name: c.name, value: `${ms} ${ratio.toFixed(2)}×`, target: `≤ ${c.limit}×`, pass: ratio <= c.limit };
  });
}
