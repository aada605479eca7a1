// `ledger` on the PATH: the README's install command (`npm install -g .` from a checkout) gives a
// `ledger` that runs from any folder, `npm pack` holds what the command needs (and docx with
// the nanoid that agrees with Node 20), and every package the tool depends on agrees with
// `engines`: Node 20 and 22. (.ci/run also installs the packed tarball on the CI machine.)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/campaign.js';

const npm = (args: string[], cwd: string) =>
  spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false' } });
const hasNpm = npm(['--version'], REPO).status === 0;

type Version = [number, number, number];

function parse(v: string): Version {
  const [a = 0, b = 0, c = 0] = v
    .replace(/^[=v]+/, '')
    .split(/[.-]/)
    .slice(0, 3)
    .map((x) => (/^\d+$/.test(x) ? Number(x) : 0));
  return [a, b, c];
}

function cmp(x: Version, y: Version): number {
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** Whether `version` is in an npm `engines` range (||, space-joined comparators, ^, ~, x, hyphen ranges). */
export function inRange(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((alt) => {
    const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(alt);
    if (hyphen) {
      // A partial upper bound takes its whole span: 14 - 16 is up to 16.x.x.
      const given = hyphen[2]!.split('.').length;
      const top = given >= 3 ? v : ([...v.slice(0, given), 0, 0].slice(0, 3) as Version);
      return cmp(v, parse(hyphen[1]!)) >= 0 && cmp(top, parse(hyphen[2]!)) <= 0;
    }
    return alt
      .trim()
      .replace(/([<>=^~]+)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((c) => {
        const m = /^(<=|>=|<|>|=|\^|~)?(.*)$/.exec(c)!;
        const op = m[1] ?? '';
        const raw = m[2]!;
        if (raw === '*' || raw === 'x' || raw === '') return true;
        const parts = raw.split('.');
        const wild = parts.findIndex((p) => p === 'x' || p === '*' || p === 'X');
        const given = wild >= 0 ? wild : parts.length;
        const low = parse(raw);
        if (op === '' || op === '=') {
          if (given >= 3) return cmp(v, low) === 0;
          return v.slice(0, given).every((n, i) => n === low[i]);
        }
        if (op === '>=') return cmp(v, low) >= 0;
        if (op === '>') return cmp(v, low) > 0;
        if (op === '<') return cmp(v, low) < 0;
        if (op === '<=') return cmp(v, low) <= 0;
        if (op === '~') return cmp(v, low) >= 0 && v[0] === low[0] && (given < 2 || v[1] === low[1]);
        // ^: the leftmost non-zero part stays.
        if (cmp(v, low) < 0) return false;
        if (low[0] !== 0 || given < 2) return v[0] === low[0];
        if (low[1] !== 0 || given < 3) return v[0] === 0 && v[1] === low[1];
        return cmp(v, low) === 0;
      });
  });
}

describe('engines', () => {
  it('reads npm ranges as npm does', () => {
    expect(inRange('20.0.0', '>=20')).toBe(true);
    expect(inRange('20.0.0', '^22 || ^24 || >=26')).toBe(false);
    expect(inRange('22.3.0', '^22 || ^24 || >=26')).toBe(true);
    expect(inRange('20.0.0', '^18 || >=20')).toBe(true);
    expect(inRange('20.0.0', '^10 || ^12 || ^13.7 || ^14 || >=15.0.1')).toBe(true);
    expect(inRange('20.0.0', '>= 10.13.0')).toBe(true);
    expect(inRange('20.0.0', '^20.19.0 || ^22.13.0 || >=24')).toBe(false);
    expect(inRange('22.13.0', '^20.19.0 || ^22.13.0 || >=24')).toBe(true);
    expect(inRange('20.5.1', '20.x')).toBe(true);
    expect(inRange('21.0.0', '>=14 <21')).toBe(false);
    expect(inRange('16.2.0', '14 - 16')).toBe(true);
    expect(inRange('20.0.0', '*')).toBe(true);
  });

  it('every package the tool runs with allows Node 20 and 22, as package.json says', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(inRange('20.0.0', pkg.engines.node) && inRange('22.0.0', pkg.engines.node)).toBe(true);
    const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; engines?: { node?: string } | string[] }>;
    };
    const refusing = Object.entries(lock.packages)
      .filter(([name, p]) => name !== '' && !p.dev && !Array.isArray(p.engines) && p.engines?.node)
      .filter(([, p]) => !['20.0.0', '22.0.0'].every((v) => inRange(v, (p.engines as { node: string }).node)))
      .map(([name, p]) => `${name} (${(p.engines as { node: string }).node})`);
    expect(refusing).toEqual([]);
  });
});

describe.skipIf(!hasNpm)('install', () => {
  it('`npm install -g .` from the checkout puts a ledger on the PATH that runs from another folder', () => {
    const prefix = tempDir('ledger-prefix-');
    // As the README's command, into a prefix of the test's own; the checkout is built already (npm test builds first).
    const installed = npm(['install', '--global', '--prefix', prefix, '--ignore-scripts', REPO], REPO);
    expect(installed.status, installed.stderr).toBe(0);
    const elsewhere = tempDir();
    const r = spawnSync(path.join(prefix, 'bin', 'ledger'), ['--version'], { cwd: elsewhere, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  }, 60_000);

  it('`npm pack` holds the command, its bundles, templates, schemas and docs, and docx with its own nanoid; no sources or tests', () => {
    const r = npm(['pack', '--dry-run', '--json', '--ignore-scripts'], REPO);
    expect(r.status, r.stderr).toBe(0);
    const [packed] = JSON.parse(r.stdout) as { files: { path: string }[]; bundled: string[] }[];
    const files = packed!.files.map((f) => f.path);
    for (const f of ['bin/ledger.js', 'dist/bundle/main.js', 'dist/bundle/run-report.js', 'dist/index.js', 'dist/schema/validators.cjs']) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => f.startsWith('templates/'))).toBe(true);
    expect(files.some((f) => f.startsWith('schemas/'))).toBe(true);
    // The README's links into docs/ hold in the installed package too.
    for (const f of ['README.md', 'docs/使用说明.md', 'docs/diagnostics.md', 'docs/format.md', 'docs/rules.md']) expect(files).toContain(f);
    expect(packed!.bundled).toContain('docx');
    const nanoid = files.find((f) => /^node_modules\/docx\/node_modules\/nanoid\/package\.json$/.test(f));
    expect(nanoid).toBeDefined();
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('tests/') || f.endsWith('.test.js'))).toEqual([]);
  }, 60_000);
});
