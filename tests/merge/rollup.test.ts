// Rollup: a city merges two districts' ledgers as units, ids prefixed; a unit edited by hand
// is refused; a unit merged again makes the city's ledgers stale.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadLedgers } from '../../src/read/loadLedgers.js';
import { EXAMPLES, tempDir, writeCity } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';

async function city(): Promise<string> {
  const top = tempDir();
  cpSync(path.join(EXAMPLES, 'zh-CN'), path.join(top, 'hedong'), { recursive: true });
  cpSync(path.join(EXAMPLES, 'en'), path.join(top, 'xicheng'), { recursive: true });
  for (const d of ['hedong', 'xicheng']) expect((await runCli(['merge'], { cwd: path.join(top, d) })).code).toBe(0);
  writeCity(top, ['../hedong/ledgers', '../xicheng/ledgers']);
  return top;
}

describe('rollup of two campaigns', () => {
  it('merges the units as groups, with ids prefixed by the unit', async () => {
    const top = await city();
    const run = await runCli(['merge'], { cwd: path.join(top, 'city') });
    expect(run.code, run.stdout).toBe(0);
    const set = loadLedgers(path.join(top, 'city/ledgers'));
    const hedong = loadLedgers(path.join(top, 'hedong/ledgers'));
    const xicheng = loadLedgers(path.join(top, 'xicheng/ledgers'));
    expect(set.ledgers.opinion.length).toBe(hedong.ledgers.opinion.length + xicheng.ledgers.opinion.length);
    expect(set.ledgers.visit.length).toBe(1 + hedong.ledgers.visit.length + xicheng.ledgers.visit.length);
    expect(set.manifest.groups.map((g) => g.id).slice(0, 3)).toEqual(['c1', 'hedong/g1', 'hedong/g2']);
    expect(set.manifest.groups.find((g) => g.id === 'hedong/g1')).toMatchObject({ unit: 'hedong', name: '河东区司法局 第一组（局领导）' });
    const o = set.ledgers.opinion.find((r) => r.id === 'hedong/g1/o1');
    expect(o).toMatchObject({
      group: 'hedong/g1',
      visit: 'hedong/g1/v1',
      origin: { file: '../hedong/groups/g1/visits/2014-04-15-v1.yaml' },
    });
    const ids = Object.values(set.ledgers)
      .flat()
      .map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(set.manifest.units?.map((u) => u.id)).toEqual(['hedong', 'xicheng']);
    // The rest of the pipeline runs on the rollup.
    expect((await runCli(['audit', '--as-of', '2014-05-24', '--format', 'json'], { cwd: path.join(top, 'city') })).code).toBeLessThan(2);
    expect(
      (await runCli(['report', '--as-of', '2014-05-24', '--format', 'md', '--out', 'r.md'], { cwd: path.join(top, 'city') })).code,
    ).toBe(0);
  });

  it('refuses a unit whose ledgers were edited by hand', async () => {
    const top = await city();
    const file = path.join(top, 'xicheng/ledgers/opinions.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('category: formalism', 'category: general'));
    const run = await runCli(['merge'], { cwd: path.join(top, 'city') });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^ledger\.yaml:11:5 错误 \.\.\/xicheng\/ledgers 的台账不能使用：\.\.\/xicheng\/ledgers\/opinions\.yaml 在生成后被改动过 unit-edited$/m,
    );
  });

  it('refuses a unit with no ledgers, and goes stale when a unit merges again', async () => {
    const top = await city();
    expect((await runCli(['merge'], { cwd: path.join(top, 'city') })).code).toBe(0);
    const hd = path.join(top, 'hedong/groups/g1/summary.md');
    writeFileSync(hd, `${readFileSync(hd, 'utf8')}\n补充。\n`);
    expect((await runCli(['merge'], { cwd: path.join(top, 'hedong') })).code).toBe(0);
    const audit = await runCli(['audit', '--as-of', '2014-05-24', '--lang', 'en'], { cwd: path.join(top, 'city') });
    expect(audit.code).toBe(2);
    expect(audit.stderr).toMatch(/out of date \(changed: \.\.\/hedong\/ledgers\/manifest\.yaml\)/);
    const status = await runCli(['status', '--as-of', '2014-05-24', '--format', 'json'], { cwd: path.join(top, 'city') });
    expect(JSON.parse(status.stdout)).toMatchObject({ ledgers: 'stale' });
    const plan = path.join(top, 'city/ledger.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('../xicheng/ledgers', '../nowhere/ledgers'));
    const run = await runCli(['merge'], { cwd: path.join(top, 'city') });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ledger\.yaml:11:5 错误 \.\.\/nowhere\/ledgers 没有台账.* unit-missing/);
    expect(parse(readFileSync(path.join(top, 'city/ledgers/manifest.yaml'), 'utf8')).units).toHaveLength(2);
  });
});
