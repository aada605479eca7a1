// `npm run demo`: the whole pipeline on a fresh copy of examples/zh-CN, as a clerk would run it:
// template → validate → merge → audit → status → feedback → review → export → report. Works on
// a copy in demo-output/ so the repository's examples stay untouched.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// npm run demo [-- en] [--out DIR]: DIR instead of demo-output/<example> (the tests use a temp folder).
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outArg = outAt >= 0 ? args.splice(outAt, 2)[1] : undefined;
const example = args[0] ?? 'zh-CN';
const source = path.join(repo, 'examples', example);
if (!existsSync(source)) {
  console.error(`demo: there is no example ${example} (examples/: ${readdirSync(path.join(repo, 'examples')).join(', ')})`);
  process.exit(2);
}
const out = outArg ? path.resolve(outArg) : path.join(repo, 'demo-output', example);
const asOf = '2014-05-24';

if (!existsSync(path.join(repo, 'dist', 'main.js'))) {
  console.error('demo: dist/ is missing; run `npm ci` (or `npm run build`) first');
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });
cpSync(source, out, { recursive: true });
rmSync(path.join(out, 'ledgers'), { recursive: true, force: true });

// Each step with the exit codes that mean "worked as designed" (audit exits 1 when groups
// must make up their work, which this example is built to show).
const steps = [
  { args: ['template'], ok: [0] },
  { args: ['validate'], ok: [0] },
  { args: ['merge'], ok: [0] },
  { args: ['audit', '--as-of', asOf], ok: [0, 1] },
  { args: ['status', '--as-of', asOf], ok: [0] },
  { args: ['feedback', '--as-of', asOf], ok: [0] },
  { args: ['review', 'approve', 'g1/o1', 'g1/o2', '--note', example === 'en' ? 'checked' : '已核实', '--date', asOf], ok: [0] },
  { args: ['export', '--as-of', asOf], ok: [0] },
  { args: ['export', '--as-of', asOf, '--lang', example === 'en' ? 'zh-CN' : 'en', '--redact'], ok: [0] },
  { args: ['report', '--as-of', asOf, '--format', 'html'], ok: [0] },
  { args: ['report', '--as-of', asOf, '--format', 'docx'], ok: [0] },
  { args: ['report', '--as-of', asOf, '--format', 'md'], ok: [0] },
];

for (const step of steps) {
  console.log(`\n\x1b[1m$ ledger ${step.args.join(' ')}\x1b[0m`);
  const run = spawnSync(process.execPath, [path.join(repo, 'bin', 'ledger.js'), ...step.args], { cwd: out, stdio: 'inherit' });
  if (!step.ok.includes(run.status ?? -1)) {
    console.error(`demo: \`ledger ${step.args.join(' ')}\` exited ${run.status}; stopping`);
    process.exit(1);
  }
}

const rel = (p) => path.relative(process.cwd(), p) || '.';
console.log('\nDemo finished. Outputs:');
console.log(`  campaign copy:  ${rel(out)}`);
console.log(`  ledgers:        ${rel(path.join(out, 'ledgers'))}/`);
const exportsDir = path.join(out, 'exports');
const files = (dir) =>
  readdirSync(dir)
    .sort()
    .flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? files(path.join(dir, f)) : [path.join(dir, f)]));
if (existsSync(exportsDir)) for (const f of files(exportsDir)) console.log(`  exports:        ${rel(f)}`);
