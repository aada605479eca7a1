// `ledger merge`: the examples merge to the committed golden ledgers; nothing is lost (records
// in = records in the ledgers + rejected); the same input gives the same bytes; a refused merge
// writes nothing; one group's change only changes that group's records.
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mergeCampaign } from '../../src/pipeline/mergeCampaign.js';
import { loadLedgers } from '../../src/read/loadLedgers.js';
import { copyCampaign, MINI_CAMPAIGN, writeCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

const LEDGER_FILES = ['appeals.yaml', 'hardship.yaml', 'info.yaml', 'manifest.yaml', 'opinions.yaml', 'stability.yaml', 'visits.yaml'];
const read = (dir: string, f: string) => readFileSync(path.join(dir, 'ledgers', f), 'utf8');
// The ledgers; changes.yaml (what the last merge changed) is beside them, not one of them.
const ledgerFiles = (dir: string) =>
  readdirSync(path.join(dir, 'ledgers'))
    .filter((f) => !f.startsWith('.') && f !== 'changes.yaml')
    .sort();

describe('ledger merge on the examples', () => {
  for (const example of ['zh-CN', 'en']) {
    it(`${example}: writes the golden ledgers, and the same bytes again`, async () => {
      const dir = copyCampaign(example);
      const run = await runCli(['merge'], { cwd: dir });
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toMatch(example === 'zh-CN' ? /台账已写入 ledgers\// : /ledgers written to ledgers\//);
      expect(ledgerFiles(dir)).toEqual(LEDGER_FILES);
      const first = LEDGER_FILES.map((f) => read(dir, f));
      LEDGER_FILES.forEach((f, i) => expectGolden(`merge/${example}/${f}`, first[i] as string));
      expect((await runCli(['merge'], { cwd: dir })).code).toBe(0);
      expect(LEDGER_FILES.map((f) => read(dir, f))).toEqual(first);
    });
  }

  it('gives the same bytes in another time zone and locale', async () => {
    const dir = copyCampaign('zh-CN');
    await runCli(['merge'], { cwd: dir });
    const before = LEDGER_FILES.map((f) => read(dir, f));
    const { spawnSync } = await import('node:child_process');
    const bin = path.resolve('bin/ledger.js');
    const child = spawnSync(process.execPath, [bin, 'merge'], {
      cwd: dir,
      env: { ...process.env, TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
      encoding: 'utf8',
    });
    expect(child.status, child.stderr).toBe(0);
    expect(LEDGER_FILES.map((f) => read(dir, f))).toEqual(before);
  });

  it('prints a per-group table and a JSON summary for scripts', async () => {
    const dir = copyCampaign('zh-CN');
    const json = await runCli(['merge', '--format', 'json'], { cwd: dir });
    const out = JSON.parse(json.stdout) as { written: boolean; summary: Record<string, number>; groups: { id: string; opinion: number }[] };
    expect(out.written).toBe(true);
    expect(out.summary).toMatchObject({ errors: 0, visit: 27, opinion: 64, rejected: 0 });
    expect(out.groups.map((g) => g.id)).toEqual(['g1', 'g2', 'g3', 'g4', 'g5', 'j-dongcheng', 'j-xiguan']);
  });

  it('changing one group changes only that group’s records', async () => {
    const dir = copyCampaign('zh-CN');
    await runCli(['merge'], { cwd: dir });
    const before = parse(read(dir, 'opinions.yaml')) as { id: string; group: string }[];
    const file = path.join(dir, 'groups/g3/visits', readdirSync(path.join(dir, 'groups/g3/visits'))[0] as string);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/content: "([^"]*)"/, 'content: "$1（已补充）"'));
    expect((await runCli(['merge'], { cwd: dir })).code).toBe(0);
    const after = parse(read(dir, 'opinions.yaml')) as { id: string; group: string }[];
    const changed = after.filter((r, i) => JSON.stringify(r) !== JSON.stringify(before[i]));
    expect(changed.length).toBe(1);
    expect(changed.every((r) => r.group === 'g3')).toBe(true);
  });
});

describe('a merge with errors', () => {
  const campaign = () =>
    writeCampaign({
      'ledger.yaml': MINI_CAMPAIGN,
      'groups/g1/good.yaml':
        'kind: visit\nid: v1\ndate: 2014-04-25\nplace: X\npattern: grassroots\nmethods: [symposium]\nled_by: Zhang Ming\nparticipants: [Zhang Ming]\n',
      'groups/g1/bad.yaml':
        'kind: visit\nid: v2\ndate: 2014-04-31\nplace: Y\npattern: grasroots\nmethods: [symposium]\nled_by: Zhang Ming\nparticipants: [Zhang Ming]\n---\nkind: opinion\nid: [broken\n',
    });

  it('refuses, names file:line:col, and writes nothing', async () => {
    const dir = campaign();
    const run = await runCli(['merge'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^groups\/g1\/bad\.yaml:3:7 error .* invalid-date$/m);
    expect(run.stdout).toMatch(/merge refused/);
    expect(existsSync(path.join(dir, 'ledgers'))).toBe(false);
  });

  it('with --allow-invalid merges the valid records and lists every refused one with its reasons', async () => {
    const dir = campaign();
    const run = await runCli(['merge', '--allow-invalid'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/2 refused records listed in ledgers\/rejected\.yaml/);
    expect(parse(read(dir, 'visits.yaml'))).toMatchObject([{ id: 'g1/v1' }]);
    const rejected = parse(read(dir, 'rejected.yaml')) as { file: string; line: number; reasons: { message: string }[] }[];
    expect(rejected.map((r) => `${r.file}:${r.line}`)).toEqual(['groups/g1/bad.yaml:1', 'groups/g1/bad.yaml:10']);
    expect(rejected[0]?.reasons.map((r) => r.message).join(' ')).toMatch(/2014-04-31|pattern/);
    const manifest = parse(read(dir, 'manifest.yaml')) as { totals: { rejected: number; visit: number } };
    expect(manifest.totals).toMatchObject({ visit: 1, rejected: 2 });
    // Fixed and merged again: rejected.yaml goes away.
    writeFileSync(path.join(dir, 'groups/g1/bad.yaml'), '');
    await runCli(['merge'], { cwd: dir });
    expect(existsSync(path.join(dir, 'ledgers/rejected.yaml'))).toBe(false);
  });
});

describe('nothing is lost (property)', () => {
  const KINDS = ['masses', 'retired-veteran', 'low-income', 'subordinate-unit'];
  const record = fc.record({
    kind: fc.constantFrom('visit', 'opinion'),
    day: fc.integer({ min: 10, max: 28 }),
    text: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
    source: fc.constantFrom(...KINDS),
    broken: fc.boolean(),
  });
  const campaignArb = fc.array(fc.array(record, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });

  function write(files: { kind: string; day: number; text: string; source: string; broken: boolean }[][]): {
    dir: string;
    records: number;
  } {
    const out: Record<string, string> = { 'ledger.yaml': MINI_CAMPAIGN };
    let n = 0;
    files.forEach((docs, f) => {
      out[`groups/g1/f${f}.yaml`] = docs
        .map((d, i) => {
          n++;
          const id = `${d.kind === 'visit' ? 'v' : 'o'}${f}-${i}`;
          const date = `2014-04-${d.broken ? 31 : d.day}`;
          return d.kind === 'visit'
            ? `kind: visit\nid: ${id}\ndate: ${date}\nplace: ${JSON.stringify(d.text)}\npattern: grassroots\nmethods: [symposium]\nled_by: Zhang Ming\nparticipants: [Li Hua]\n`
            : `kind: opinion\nid: ${id}\ndate: ${date}\nchannel: symposium\ncollected_by: Li Hua\nsource: { kind: ${d.source} }\ncategory: formalism\nabout: unit\ncontent: ${JSON.stringify(d.text)}\n`;
        })
        .join('---\n');
    });
    return { dir: writeCampaign(out), records: n };
  }

  it('records in = records in the ledgers + rejected, ids unique, a second merge byte-identical', async () => {
    await fc.assert(
      fc.asyncProperty(campaignArb, async (files) => {
        const { dir, records } = write(files);
        const result = await mergeCampaign(dir, { tool: 'test', allowInvalid: true, today: '2014-05-01' });
        expect(result.written).toBe(true);
        const set = loadLedgers(result.ledgersDir);
        const merged = set.ledgers.visit.length + set.ledgers.opinion.length;
        expect(merged + set.rejected.length).toBe(records);
        const ids = [...set.ledgers.visit, ...set.ledgers.opinion].map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        const first = ledgerFiles(dir).map((f) => read(dir, f));
        await mergeCampaign(dir, { tool: 'test', allowInvalid: true, today: '2014-05-01' });
        expect(ledgerFiles(dir).map((f) => read(dir, f))).toEqual(first);
      }),
      { numRuns: 40 },
    );
  });
});

describe('merge on worker threads', () => {
  it('writes the same ledgers as a single-threaded merge (and as a warm merge from the cache)', async () => {
    const { spawnSync } = await import('node:child_process');
    const { generateCampaign } = await import('../helpers/generate.mjs');
    const { tempDir } = await import('../helpers/campaign.js');
    const { rmSync } = await import('node:fs');
    const dir = path.join(tempDir(), 'threads');
    generateCampaign(dir, { groups: 10, records: 5000, seed: 3 }); // 500 files: above MIN_PARALLEL_FILES
    const bin = path.resolve('bin/ledger.js');
    const merge = (...args: string[]) => spawnSync(process.execPath, [bin, 'merge', ...args], { cwd: dir, encoding: 'utf8' });
    expect(merge('--jobs', '2', '--no-cache').status).toBe(0);
    const parallel = LEDGER_FILES.map((f) => read(dir, f));
    rmSync(path.join(dir, 'ledgers'), { recursive: true });
    expect(merge('--jobs', '1').status).toBe(0);
    expect(LEDGER_FILES.map((f) => read(dir, f))).toEqual(parallel);
    expect(merge().status).toBe(0); // warm: every file from the cache
    expect(LEDGER_FILES.map((f) => read(dir, f))).toEqual(parallel);
    expect(merge('--jobs', 'many').stderr).toMatch(/--jobs 需要 1 到 99 之间的整数/);
  }, 60_000);
});
