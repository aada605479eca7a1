// docs/ledgers.md is a contract: other tools read the files `ledger merge` writes and the JSON the
// commands print. Each documented shape is a fenced block after `<!-- contract: NAME -->`; this
// test runs the commands on a copy of examples/zh-CN (a first merge, reviews, a second merge
// with a changed and a refused record, returned workbooks with and without errors) and checks
// that every documented block has exactly the keys the real output has, at every depth (list
// items merged; the path-keyed maps of the manifest compared by their shape).
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { copyCampaign, REPO } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { fill } from '../helpers/fill.js';

const DOC = readFileSync(path.join(REPO, 'docs/ledgers.md'), 'utf8');
const AS_OF = ['--as-of', '2014-05-24'];

/** The documented blocks by name. */
function contracts(text: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const m of text.matchAll(/^<!-- contract: (.+?) -->\n```(json|yaml)\n([\s\S]*?)^```$/gm)) {
    const name = m[1]!;
    if (out.has(name)) throw new Error(`two contract blocks named ${name}`);
    out.set(name, m[2] === 'json' ? JSON.parse(m[3]!) : parse(m[3]!, { schema: 'core' }));
  }
  return out;
}

/**
 * Every key path of a value: `a.b`, `list[].key`; items of a list merged, lists of plain
 * values only by their own key. Children of the keys in `maps` (keyed by file names) are `*`.
 */
function keyPaths(v: unknown, maps: readonly string[] = [], prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) {
    for (const x of v) if (x !== null && typeof x === 'object') keyPaths(x, maps, `${prefix}[]`, out);
    return out;
  }
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = maps.includes(prefix) ? `${prefix}.*` : prefix ? `${prefix}.${k}` : k;
      out.add(p);
      keyPaths(x, maps, p, out);
    }
  }
  return out;
}

const union = (values: readonly unknown[], maps: readonly string[] = []) =>
  [...new Set(values.flatMap((v) => [...keyPaths(v, maps)]))].sort();

const json = async (argv: string[], cwd: string, codes = [0]) => {
  const run = await runCli([...argv, '--format', 'json'], { cwd });
  expect(codes, `ledger ${argv.join(' ')}: ${run.stderr}`).toContain(run.code);
  return JSON.parse(run.stdout) as unknown;
};

const D = (s: string) => new Date(`${s}T00:00:00Z`);
const VISIT = {
  日期: D('2014-05-12'),
  地点: '南湖社区',
  活动形式: '下基层',
  工作方式: '座谈会',
  带队领导: '王海燕',
  参加人员: '王海燕、周敏',
};

/** Real outputs per contract name: every scenario that shows a documented key. */
const actual = new Map<string, unknown[]>();
const add = (name: string, v: unknown) => actual.set(name, [...(actual.get(name) ?? []), v]);
const file = (root: string, rel: string) => parse(readFileSync(path.join(root, rel), 'utf8'), { schema: 'core' }) as unknown;

beforeAll(async () => {
  const root = copyCampaign('zh-CN');
  add('validate --format json', await json(['validate'], root));
  add('merge --format json', await json(['merge'], root));
  add('audit --format json', await json(['audit', ...AS_OF], root, [1]));
  add('status --format json', await json(['status', ...AS_OF], root));
  add('template --format json', await json(['template', '--group', 'g2', '--out', 'g2.xlsx'], root));
  await fill(path.join(root, 'g2.xlsx'), { 活动台账: [VISIT] });
  add('import --format json', await json(['import', 'g2.xlsx', '--dry-run'], root));
  // Reviews: approved with a note, returned with a reason, and one whose record is gone.
  for (const argv of [
    ['review', 'approve', 'g1/o1', '--note', '已核实', '--date', '2014-05-23'],
    ['review', 'return', 'g2/o2', '--reason', '请补充整改结果', '--date', '2014-05-23'],
  ])
    expect((await runCli(argv, { cwd: root })).code).toBe(0);
  appendFileSync(
    path.join(root, 'reviews.yaml'),
    `- id: g1/o99\n  state: approved\n  date: "2014-05-23"\n  sha256: "${'ab'.repeat(32)}"\n`,
  );
  add('review list --format json', await json(['review', 'list'], root));
  add('reviews.yaml', file(root, 'reviews.yaml'));
  // A second merge: one opinion changed (its rectification done), one record refused.
  const v1 = path.join(root, 'groups/g2/visits/2014-04-15-v1.yaml');
  const text = readFileSync(v1, 'utf8');
  const edited = text
    .replace(/(id: o3\n[\s\S]*?status: )整改中\n/, '$1已完成\n  done_on: 2014-05-20\n')
    .replace('content: "夜间路灯不亮，群众反映出行不安全。"', 'content: ""');
  expect(edited).not.toBe(text);
  writeFileSync(v1, edited);
  add('merge --format json', await json(['merge', '--allow-invalid'], root, [1]));
  add('ledgers/manifest.yaml', file(root, 'ledgers/manifest.yaml'));
  add('ledgers/rejected.yaml', file(root, 'ledgers/rejected.yaml'));
  add('ledgers/changes.yaml', file(root, 'ledgers/changes.yaml'));
  add('ledgers/opinions.yaml', file(root, 'ledgers/opinions.yaml'));
  add('audit --format json', await json(['audit', ...AS_OF], root, [1])); // with a refused-records finding
  // A returned workbook with errors: diagnostics at a sheet and a cell.
  await runCli(['template', '--group', 'g2', '--out', 'bad.xlsx'], { cwd: root });
  await fill(path.join(root, 'bad.xlsx'), { 活动台账: [{ ...VISIT, 编号: 'v9', 带队领导: '王海艳' }] });
  add('validate --format json', await json(['validate', 'bad.xlsx'], root, [1]));
  add('import --format json', await json(['import', 'bad.xlsx'], root, [1]));
  add('validate --format json', await importedProblem());
}, 120_000);

/** validate on a campaign whose imported file holds a record with an error: the diagnostic names its workbook row. */
async function importedProblem(): Promise<unknown> {
  const root = copyCampaign('zh-CN');
  await runCli(['template', '--group', 'g2', '--out', 'g2.xlsx'], { cwd: root });
  await fill(path.join(root, 'g2.xlsx'), { 活动台账: [VISIT] });
  expect((await runCli(['import', 'g2.xlsx'], { cwd: root })).code).toBe(0);
  // The imported record made wrong, as a change of the members since the import would make it.
  const imported = path.join(root, 'groups/g2/imported/g2.yaml');
  writeFileSync(imported, readFileSync(imported, 'utf8').replace('led_by: 王海燕', 'led_by: 王海艳'));
  return json(['validate'], root, [1]);
}

const MAPS: Record<string, string[]> = { 'ledgers/manifest.yaml': ['inputs', 'ledgers'] };

describe('docs/ledgers.md: the documented shapes are the real ones', () => {
  const documented = contracts(DOC);

  it('documents the JSON of every command that has --format json, and each ledger file', () => {
    const withJson = COMMANDS.filter((c) => c.options.some((o) => o.flags.startsWith('--format') && /json/.test(o.help.en))).map(
      (c) => `${c.name === 'review' ? 'review list' : c.name} --format json`,
    );
    expect(withJson.sort()).toEqual([...documented.keys()].filter((k) => k.endsWith('--format json')).sort());
    expect([...documented.keys()].sort()).toEqual([...actual.keys()].sort());
  });

  for (const [name, value] of contracts(DOC)) {
    if (name === 'ledgers/opinions.yaml') continue;
    it(`${name}: the same keys as the real output`, () => {
      expect(union([value], MAPS[name])).toEqual(union(actual.get(name) ?? [], MAPS[name]));
    });
  }

  it('ledgers/opinions.yaml: a record has id, group, date and origin, and only fields the ledger has', () => {
    const doc = union([documented.get('ledgers/opinions.yaml')]);
    const real = union(actual.get('ledgers/opinions.yaml') ?? []);
    for (const k of ['[].id', '[].group', '[].date', '[].origin', '[].origin.file', '[].origin.line']) expect(doc).toContain(k);
    expect(doc.filter((k) => !real.includes(k))).toEqual([]);
  });

  it('links no file outside the repository', () => {
    expect(DOC).not.toMatch(/\.\.\/shared/);
  });
});
