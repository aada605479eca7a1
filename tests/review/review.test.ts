// `ledger review`: golden scenarios in both languages; unknown ids name the nearest one; a
// record changed after approval shows as changed (in status before the merge, in list after
// it), a merge that only moves a record changes nothing, a removed record's review shows as
// removed; the lock keeps reviews and merges apart and loses no review when they race; status
// JSON shape; export --reviewed-only and the report's review sentence.
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReviews } from '../../src/read/loadReviews.js';
import { REPO } from '../helpers/campaign.js';
import { mergedCopy, runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

const BIN = path.join(REPO, 'bin/ledger.js');
const AS_OF = ['--as-of', '2014-05-24'];

/** Runs commands one after the other and writes down what a clerk would see. */
async function transcript(root: string, commands: string[][]): Promise<string> {
  let out = '';
  for (const argv of commands) {
    const run = await runCli(argv, { cwd: root });
    out += `$ ledger ${argv.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}\n${run.stdout}${run.stderr}[exit ${run.code}]\n\n`;
  }
  return out;
}

// No reviews.yaml yet (every review of a race refused under load): no entries.
const reviews = (root: string) =>
  existsSync(path.join(root, 'reviews.yaml')) ? parseReviews(readFileSync(path.join(root, 'reviews.yaml'), 'utf8'), 'reviews.yaml') : [];

/** Replaces one line of a group file. */
function edit(root: string, file: string, from: RegExp, to: string): void {
  const f = path.join(root, file);
  const text = readFileSync(f, 'utf8');
  expect(text).toMatch(from);
  writeFileSync(f, text.replace(from, to));
}

describe('ledger review: golden scenarios', () => {
  it('zh-CN: approve, return, an unknown id, list, clear, status', async () => {
    const root = await mergedCopy('zh-CN');
    const text = await transcript(root, [
      ['review', 'approve', 'g1/o1', 'g1/o2', '--note', '已核实', '--date', '2014-05-23'],
      ['review', 'return', 'g2/o2', '--reason', '整改时限已过，请补充整改结果', '--date', '2014-05-23'],
      ['review', 'approve', 'g2/o22', '--date', '2014-05-23'],
      ['review', 'list', '--group', 'g2', '--state', 'returned'],
      ['review', 'list', '--group', 'g1'],
      ['review', 'clear', 'g1/o2'],
      ['review', 'list', '--state', 'approved'],
      ['status', ...AS_OF],
    ]);
    expectGolden('review/zh-CN.txt', text);
    expect(reviews(root).map((e) => [e.id, e.state])).toEqual([
      ['g1/o1', 'approved'],
      ['g2/o2', 'returned'],
    ]);
  });

  it('en: the same in English, and list as JSON', async () => {
    const root = await mergedCopy('en');
    const text = await transcript(root, [
      ['review', 'approve', 'g1/o1', 'j-north/o1', '--date', '2014-05-23'],
      ['review', 'return', 'g1/a1', '--reason', 'The due date is missing the year', '--date', '2014-05-23'],
      ['review', 'approve', 'g1/o9', '--date', '2014-05-23'],
      ['review', 'list'],
      ['review', 'list', '--state', 'returned', '--format', 'json'],
      ['status', ...AS_OF],
    ]);
    expectGolden('review/en.txt', text);
  });
});

describe('ledger review', () => {
  it('an unknown id is an error naming the nearest record, and nothing is written', async () => {
    const root = await mergedCopy('zh-CN');
    const run = await runCli(['review', 'approve', 'g1/o1', 'g3/o99'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('ledger: 台账中没有编号为“g3/o99”的记录，最接近的是“g3/o9”（编号写作“组编号/记录编号”）\n');
    expect(existsSync(path.join(root, 'reviews.yaml'))).toBe(false);
    const en = await runCli(['review', 'clear', 'g1/o1', '--lang', 'en'], { cwd: root });
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('ledger: "g1/o1" has no review in reviews.yaml\n');
  });

  it('the id it offers as the example is one of this campaign’s (the en one has no g2)', async () => {
    const root = await mergedCopy('en');
    const ids = readdirSync(path.join(root, 'ledgers'))
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) => [...readFileSync(path.join(root, 'ledgers', f), 'utf8').matchAll(/^- id: (\S+)$/gm)].map((m) => m[1]));
    for (const id of ['g2/o3', 'x', 'j-north/o99']) {
      const run = await runCli(['review', 'approve', id], { cwd: root });
      expect(run.code).toBe(2);
      const nearest = /the nearest is "([^"]+)" \(ledger ids are written group\/id\)\n$/.exec(run.stderr)?.[1];
      expect(ids, run.stderr).toContain(nearest);
      expect(run.stderr.replace(id, '')).not.toContain('g2/');
    }
  });

  it('refuses a command that says too little or the wrong thing, before it changes anything', async () => {
    const root = await mergedCopy('en');
    const cases: [string[], RegExp][] = [
      [['review', 'return', 'g1/o1'], /needs --reason/],
      [['review', 'approve'], /name the records to approve/],
      [['review', 'approve', 'g1/o1', '--reason', 'x'], /--reason does not go with `ledger review approve`/],
      [['review', 'list', 'g1/o1'], /g1\/o1 does not go with `ledger review list`/],
      [['review', 'lsit'], /ledger review must be one of approve, return, list, clear/],
      [['review', 'list', '--state', 'done'], /--state must be one of approved, returned, changed, unreviewed, removed/],
      [['review', 'list', '--group', 'g2'], /no group "g2" in the ledgers; did you mean "g1"\?/],
      [['review', 'approve', 'g1/o1', '--date', '2014-02-30'], /--date needs a date/],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli(argv, { cwd: root });
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr, argv.join(' ')).toMatch(message);
    }
    expect(existsSync(path.join(root, 'reviews.yaml'))).toBe(false);
  });

  it('a record changed after approval shows as changed: in status at once, in list after the merge', async () => {
    const root = await mergedCopy('zh-CN');
    expect((await runCli(['review', 'approve', 'g1/o1', 'g1/o2', '--date', '2014-05-23'], { cwd: root })).code).toBe(0);
    const file = 'groups/g1/visits/2014-04-15-v1.yaml';
    // Moving a record (a comment line above it) changes where it is, not what it says: still approved.
    edit(root, file, /^kind: visit$/m, '# 第一次活动\nkind: visit');
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    let list = JSON.parse((await runCli(['review', 'list', '--group', 'g1', '--format', 'json'], { cwd: root })).stdout);
    expect(list.summary).toEqual({ approved: 2, returned: 0, changed: 0, unreviewed: 25, removed: 0 });
    // Now the group edits what o1 says.
    edit(root, file, /希望多组织法律知识讲座进社区，时间安排在晚上。/, '希望多组织法律知识讲座进社区。');
    const status = JSON.parse((await runCli(['status', '--format', 'json', ...AS_OF], { cwd: root })).stdout);
    expect(status.ledgers).toBe('stale');
    expect(status.groups[0].review).toEqual({ approved: 1, returned: 0, changed: 1, unreviewed: 25 });
    expect((await runCli(['review', 'list'], { cwd: root })).stderr).toMatch(/台账已过时/);
    expect((await runCli(['review', 'list', '--merge', '--state', 'changed', '--format', 'json'], { cwd: root })).code).toBe(0);
    list = JSON.parse((await runCli(['review', 'list', '--state', 'changed', '--format', 'json'], { cwd: root })).stdout);
    expect(list.records.map((r: { id: string }) => r.id)).toEqual(['g1/o1']);
    expect(list.records[0].review.state).toBe('approved');
    // Approved again, it is approved again.
    expect((await runCli(['review', 'approve', 'g1/o1'], { cwd: root })).code).toBe(0);
    list = JSON.parse((await runCli(['review', 'list', '--group', 'g1', '--format', 'json'], { cwd: root })).stdout);
    expect(list.summary.changed).toBe(0);
    expect(list.summary.approved).toBe(2);
  });

  it('status hashes the records it reads from the folders exactly as the ledgers hold them', async () => {
    for (const example of ['zh-CN', 'en']) {
      const root = await mergedCopy(example);
      const all = JSON.parse((await runCli(['review', 'list', '--format', 'json'], { cwd: root })).stdout);
      const ids = all.records.map((r: { id: string }) => r.id);
      expect((await runCli(['review', 'approve', ...ids], { cwd: root })).code).toBe(0);
      const status = JSON.parse((await runCli(['status', '--format', 'json', ...AS_OF], { cwd: root })).stdout);
      const total = { approved: 0, returned: 0, changed: 0, unreviewed: 0 };
      for (const g of status.groups) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += g.review[k];
      expect(total, example).toEqual({ approved: ids.length, returned: 0, changed: 0, unreviewed: 0 });
    }
  });

  it('a review whose record was removed shows as removed, and can be cleared', async () => {
    const root = await mergedCopy('en');
    expect((await runCli(['review', 'approve', 'j-north/o2', 'j-north/o1'], { cwd: root })).code).toBe(0);
    const file = path.join(root, 'groups/j-north/records.yaml');
    const docs = readFileSync(file, 'utf8').split(/^---$/m);
    writeFileSync(file, docs.filter((d) => !/^id: o2$/m.test(d)).join('---'));
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const list = JSON.parse((await runCli(['review', 'list', '--format', 'json'], { cwd: root })).stdout);
    expect(list.removed).toEqual([{ id: 'j-north/o2', state: 'removed', review: expect.objectContaining({ state: 'approved' }) }]);
    expect(list.summary.removed).toBe(1);
    const text = (await runCli(['review', 'list', '--state', 'removed'], { cwd: root })).stdout;
    expect(text).toMatch(/^j-north\/o2 +record removed/m);
    expect(text).not.toMatch(/j-north\/o1/);
    expect((await runCli(['review', 'clear', 'j-north/o2'], { cwd: root })).code).toBe(0);
    expect(reviews(root).map((e) => e.id)).toEqual(['j-north/o1']);
  });

  it('takes the merge lock: no review while a merge runs, no merge while a review writes', async () => {
    const root = await mergedCopy('en');
    const ledgers = path.join(root, 'ledgers');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      const lock = (command?: string) =>
        writeFileSync(
          path.join(ledgers, '.lock'),
          JSON.stringify({ pid: sleeper.pid, host: hostname(), started: '2014-05-20T08:00:00.000Z', ...(command ? { command } : {}) }),
        );
      lock();
      const review = await runCli(['review', 'approve', 'g1/o1'], { cwd: root });
      expect(review.code).toBe(2);
      expect(review.stderr).toMatch(/^ledger: another `ledger merge` is running on this campaign \(pid \d+/);
      expect(existsSync(path.join(root, 'reviews.yaml'))).toBe(false);
      lock('review');
      const merge = await runCli(['merge'], { cwd: root });
      expect(merge.code).toBe(2);
      expect(merge.stderr).toMatch(
        /^ledger: `ledger review` is writing reviews\.yaml of this campaign \(pid \d+, since 2014-05-20T08:00:00\.000Z\)/,
      );
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('loses no review when reviews and merges race (real processes)', async () => {
    const root = await mergedCopy('zh-CN');
    const ids = ['g1/o1', 'g1/o2', 'g1/o3', 'g2/o1', 'g2/o2', 'g3/o1', 'g3/o2', 'g4/o1'];
    const exec = (args: string[]) =>
      new Promise<{ code: number; stderr: string; args: string[] }>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: root, env: { ...process.env, LEDGER_LANG: 'en', NO_COLOR: '1' } });
        let stderr = '';
        child.stderr.on('data', (b) => (stderr += String(b)));
        child.on('exit', (code) => resolve({ code: code ?? -1, stderr, args }));
      });
    const later = (ms: number, args: string[]) => new Promise<void>((r) => setTimeout(r, ms)).then(() => exec(args));
    // Two merges and eight reviews, started a little apart so that some meet a merge and some do not.
    const runs = await Promise.all([
      exec(['merge', '--no-cache']),
      ...ids.map((id, i) => later(i * 200, ['review', 'approve', id, '--date', '2014-05-23'])),
      later(700, ['merge']),
    ]);
    for (const r of runs) {
      if (r.code !== 0) expect(r.stderr, r.args.join(' ')).toMatch(/is running on this campaign|is writing reviews\.yaml/);
      expect([0, 2], r.args.join(' ')).toContain(r.code);
    }
    const approved = runs.filter((r) => r.args[0] === 'review' && r.code === 0).map((r) => r.args[2]);
    expect(
      reviews(root)
        .map((e) => e.id)
        .sort(),
    ).toEqual([...approved].sort());
    const list = JSON.parse((await runCli(['review', 'list', '--format', 'json'], { cwd: root })).stdout);
    expect(list.summary.approved).toBe(approved.length);
    // Reviews wait for each other rather than fail: eight clerks at once, eight reviews kept.
    const more = ['g5/o1', 'g5/o2', 'g5/o3', 'g5/o4', 'j-xiguan/o1', 'j-xiguan/o2', 'j-xiguan/o3', 'j-xiguan/o4'];
    const together = await Promise.all(more.map((id) => exec(['review', 'return', id, '--reason', `请核实 ${id}`])));
    for (const r of together) expect(r.code, r.stderr).toBe(0);
    expect(
      reviews(root)
        .filter((e) => e.state === 'returned')
        .map((e) => [e.id, e.reason]),
    ).toEqual(more.map((id) => [id, `请核实 ${id}`]));
  }, 90_000);

  it('status JSON: per group review {approved, returned, changed, unreviewed}, after warnings', async () => {
    const root = await mergedCopy('zh-CN');
    await runCli(['review', 'return', 'g2/o2', '--reason', '请补充整改结果'], { cwd: root });
    const status = JSON.parse((await runCli(['status', '--format', 'json', ...AS_OF], { cwd: root })).stdout);
    for (const g of status.groups) {
      expect(Object.keys(g)).toEqual([
        'group',
        'name',
        'type',
        'files',
        'counts',
        'photos',
        'summary',
        'errors',
        'warnings',
        'review',
        'daysToDeadline',
        'state',
      ]);
      expect(Object.keys(g.review)).toEqual(['approved', 'returned', 'changed', 'unreviewed']);
      const records = Object.values(g.counts as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(g.review.approved + g.review.returned + g.review.changed + g.review.unreviewed).toBe(records);
    }
    expect(status.groups[1].review).toEqual({ approved: 0, returned: 1, changed: 0, unreviewed: 18 });
  });
});

describe('review progress in the workbook and the report', () => {
  it('export --reviewed-only: only approved records unchanged since, said on every sheet', async () => {
    const root = await mergedCopy('zh-CN');
    await runCli(['review', 'approve', 'g1/v1', 'g1/o1', 'g1/o2', 'g2/a1'], { cwd: root });
    await runCli(['review', 'return', 'g1/o3', '--reason', '请补充整改时限'], { cwd: root });
    const run = await runCli(['export', '--reviewed-only', ...AS_OF], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('exports/下基层听意见主题活动-2014-05-24-已审核.xlsx\n');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(root, run.stdout.trim()));
    const ids: string[] = [];
    const empty: string[] = [];
    wb.eachSheet((ws) => {
      expect(String(ws.getRow(2).getCell(1).value), ws.name).toMatch(
        ws.name === '督导问题清单'
          ? /仅列涉及审核通过且审核后未改动记录的问题.*和针对整个工作组的问题$/
          : /仅含审核通过且审核后未改动的记录$/,
      );
      if (['活动台账', '下基层听意见台账', '民生诉求登记卡', '民情信息采集台账', '维稳工作登记卡', '困难群众登记卡'].includes(ws.name)) {
        // The group's id is in the hidden column headed 组编号 (the visible one shows its name).
        const groupCol = (ws.getRow(3).values as unknown[]).indexOf('组编号');
        ws.eachRow((row, n) => {
          // An empty sheet says （无） under its header.
          if (n > 3 && row.getCell(1).value !== '（无）')
            ids.push(`${String(row.getCell(groupCol).value)}/${String(row.getCell(3).value)}`);
        });
        if (ws.getRow(4).getCell(1).value === '（无）') empty.push(ws.name);
      }
    });
    expect(ids.sort()).toEqual(['g1/o1', 'g1/o2', 'g1/v1', 'g2/a1']);
    // The sheets with no approved record say so under their header.
    expect(empty).toEqual(['民情信息采集台账', '维稳工作登记卡', '困难群众登记卡']);
    const summary = wb.getWorksheet('汇总') as ExcelJS.Worksheet;
    const figures = new Map<string, unknown>();
    summary.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(figures.get('审核通过的记录（条）')).toBe(4);
    expect(figures.get('退回补报的记录（条）')).toBe(1);
    // Of the 128 records dated by --as-of (the card dated after it is left out, as everywhere).
    expect(figures.get('尚未审核的记录（条）')).toBe(123);
    expect(figures.get('征求意见（条）')).toBe(2);
  });

  it('export --reviewed-only: the duplicates and findings sheets hold what their headers say, in both languages', async () => {
    const root = await mergedCopy('zh-CN');
    // g2/o5 and j-xiguan/o2 are alike, g3/o6 and g4/o6 too (only g3/o6 approved); g2/o2 is overdue (must make up).
    const approved = ['g2/o2', 'g2/o5', 'g3/o1', 'g3/o3', 'g3/o6', 'j-xiguan/o2'];
    expect((await runCli(['review', 'approve', ...approved], { cwd: root })).code).toBe(0);
    for (const lang of ['zh-CN', 'en']) {
      const zh = lang === 'zh-CN';
      const run = await runCli(['export', '--reviewed-only', '--lang', lang, '--out', `r-${lang}.xlsx`, ...AS_OF], { cwd: root });
      expect(run.code, run.stderr).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(root, `r-${lang}.xlsx`));
      const rows = (name: string) => {
        const out: string[][] = [];
        (wb.getWorksheet(name) as ExcelJS.Worksheet).eachRow((row) =>
          out.push(Array.from((row.values as unknown[]).slice(1), (v) => String(v ?? ''))),
        );
        return out;
      };
      // Likely duplicates: only approved members, a cluster left with one dropped; the first is the first approved.
      const dup = rows(zh ? '疑似重复意见' : 'Likely duplicates');
      expect(dup[1]?.[0]).toMatch(zh ? /仅含审核通过且审核后未改动的记录$/ : /only records approved in review and unchanged since$/);
      expect(dup.slice(3).map((r) => [r[0], `${r[7]}/${r[2]}`, r[6]])).toEqual([
        ['1', 'g2/o5', zh ? '基准条' : 'reference'],
        ['1', 'j-xiguan/o2', '1'],
      ]);
      // Findings: each names approved records only, or none (about the group as a whole).
      const audit = rows(zh ? '督导问题清单' : 'Supervision findings');
      expect(audit[1]?.[0]).toMatch(
        zh
          ? /问题按全部记录查出，仅列涉及审核通过且审核后未改动记录的问题（涉及记录只列这些记录）和针对整个工作组的问题$/
          : /findings made over all records; listed are those about records approved in review and unchanged since \(only those records named\) and those about a group as a whole$/,
      );
      const head = audit.findIndex((r) => r.includes(zh ? '规则代码' : 'Rule code'));
      const end = audit.findIndex((r, i) => i > head && r.length === 1);
      const findings = audit.slice(head + 1, end).map((r) => ({ group: r[6], code: r[7], records: r[5] }));
      for (const f of findings) {
        const named = f.records ? f.records.split(zh ? '、' : ', ').map((id) => `${f.group}/${id}`) : [];
        for (const id of named) expect(approved, `${f.code} names ${id}`).toContain(id);
      }
      expect(findings).toContainEqual({ group: 'g4', code: 'missing-photos', records: '' });
      expect(findings).toContainEqual({ group: 'g3', code: 'written-only', records: zh ? 'o1、o3、o6' : 'o1, o3, o6' });
      expect(findings.map((f) => `${f.group} ${f.code}`)).not.toContain('g1 no-rectification');
      expect(findings.map((f) => `${f.group} ${f.code}`)).not.toContain('g2 appeal-overdue');
      expect(findings).toContainEqual({ group: 'j-xiguan', code: 'missing-summary', records: '' });
      // Groups that must make up their work: only for the findings listed above (g2's overdue appeal a1 is not).
      const makeup = audit.slice(end + 2).map((r) => [r[1], r[2]]);
      expect(makeup).toEqual([
        ['第二组（法律援助）', zh ? '整改超期未完成、群众不满意的整改待复号' : expect.not.stringMatching(/appeal/i)],
        ['第三组（人民调解）', expect.any(String)],
        ['西关司法所', expect.any(String)],
      ]);
    }
  });

  it('the report says how far the review has come', async () => {
    const root = await mergedCopy('zh-CN');
    const before = await runCli(['report', '--format', 'md', '--out', 'r.md', ...AS_OF], { cwd: root });
    expect(before.code).toBe(0);
    // Nothing reviewed yet: the report says nothing of reviews (no sentence that reads like a disclaimer).
    expect(readFileSync(path.join(root, 'r.md'), 'utf8')).not.toMatch(/审核/);
    await runCli(['review', 'approve', 'g1/v1', 'g1/o1'], { cwd: root });
    await runCli(['review', 'return', 'g1/o3', '--reason', '请补充整改时限'], { cwd: root });
    await runCli(['report', '--format', 'md', '--out', 'r.md', ...AS_OF], { cwd: root });
    expect(readFileSync(path.join(root, 'r.md'), 'utf8')).toMatch(
      /协调小组办公室正在对各组报送的128条记录逐条审核，已审核通过2条，占1\.6%；退回补报1条；审核后又有改动、待重新审核0条；尚未审核125条。/,
    );
    mkdirSync(path.join(root, 'x'), { recursive: true });
    const en = await runCli(['report', '--format', 'html', '--lang', 'en', '--out', 'x/r.html', ...AS_OF], { cwd: root });
    expect(en.code).toBe(0);
    expect(readFileSync(path.join(root, 'x/r.html'), 'utf8')).toMatch(
      /The coordination office is reviewing the 128 records one by one: 2 approved \(1\.6%\)/,
    );
  });
});
