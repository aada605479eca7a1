// `ledger import` and `ledger validate FILE.xlsx` on workbooks filled in the way groups fill
// them: new rows (numbered on import), rows edited that were locked, ids that collide, visits
// that go missing; the import file replaced, never doubled; nothing written while an error
// remains; diagnostics at the sheet and the cell.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { cellDate, fill, G2_OPINION_ROW, G2_APPEAL_AS_NUMBERS, addOwnColumn } from '../helpers/fill.js';
import { expectGolden } from '../helpers/golden.js';
import { editBook } from '../helpers/workbook.js';

const D = cellDate;

async function blank(root: string, group = 'g2', out = `${group}.xlsx`): Promise<string> {
  const run = await runCli(['template', '--group', group, '--out', out], { cwd: root });
  expect(run.code, run.stderr).toBe(0);
  return path.join(root, out);
}

const VISIT = {
  日期: D('2014-05-12'),
  地点: '南湖社区',
  活动形式: '下基层',
  工作方式: '座谈会、入户走访',
  带队领导: '王海燕',
  参加人员: '王海燕、周敏',
};
const OPINION = G2_OPINION_ROW;

function imported(root: string, group = 'g2'): string[] {
  const dir = path.join(root, 'groups', group, 'imported');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

describe('ledger import: a blank template filled in', () => {
  it('numbers new rows after the group’s ids, writes groups/<id>/imported/<workbook>.yaml with where each record came from, and merges', async () => {
    const root = copyCampaign('zh-CN');
    const file = await fill(await blank(root), {
      活动台账: [{ ...VISIT, 编号: 'v9' }],
      '活动台账-听取对象': [{ 活动编号: 'v9', 对象类别: '群众', 人数: 12 }],
      下基层听意见台账: [
        { ...OPINION, 所属活动: 'v9' },
        { ...OPINION, 意见内容: '窗口排队时间长。' },
      ],
    });
    const run = await runCli(['import', path.basename(file)], { cwd: root });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toBe(
      'g2.xlsx → groups/g2/imported/g2.yaml：导入 3 条记录（活动台账 1 条、下基层听意见台账 2 条）\n\n共检查 1 个文件、3 条记录：0 个错误，0 个警告\n',
    );
    const text = readFileSync(path.join(root, 'groups/g2/imported/g2.yaml'), 'utf8');
    expect(text).toMatch(
      /^# 本文件由 ledger import 从表格 g2\.xlsx 导入，请勿手工修改：\n# 表格改正后重新导入，即可整体替换本文件。\n# ledger-import: instance=[0-9a-f-]{36}\n# g2\.xlsx：活动台账 第4行\nkind: visit\nid: v9\n/,
    );
    // g2 has o1..o10 in its YAML: the opinions without an id become o11 and o12.
    expect(text).toMatch(/# g2\.xlsx：下基层听意见台账 第4行\nkind: opinion\nid: o11\n[\s\S]*visit: v9\n/);
    expect(text).toMatch(/# g2\.xlsx：下基层听意见台账 第5行\nkind: opinion\nid: o12\n/);
    expect(text).toMatch(/audiences:\n {2}- kind: masses\n {4}count: 12\n/);
    const merged = await runCli(['merge', '--format', 'json'], { cwd: root });
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.stdout).groups.find((g: { id: string }) => g.id === 'g2')).toMatchObject({ visit: 5, opinion: 12 });
  });

  it('a corrected workbook under another name replaces the same file (it is known by its instance); hand-written YAML is never touched', async () => {
    const root = copyCampaign('zh-CN');
    const file = await fill(await blank(root), { 活动台账: [{ ...VISIT, 编号: 'v9' }] });
    expect((await runCli(['import', 'g2.xlsx'], { cwd: root })).code).toBe(0);
    const before = readdirSync(path.join(root, 'groups/g2/visits')).map((f) =>
      readFileSync(path.join(root, 'groups/g2/visits', f), 'utf8'),
    );
    renameSync(file, path.join(root, 'g2-改.xlsx'));
    await fill(path.join(root, 'g2-改.xlsx'), {
      活动台账: [
        { '@row': 4, 地点: '北湖社区' },
        { ...VISIT, 编号: 'v10' },
      ],
    });
    const run = await runCli(['import', 'g2-改.xlsx'], { cwd: root });
    expect(run.code, run.stdout).toBe(0);
    // Another file name than last time is said (it could be another member's copy); nothing of the earlier import is lost.
    expect(run.stdout).toMatch(
      /^g2-改\.xlsx 警告 这份模板上次是从 g2\.xlsx 导入的，本次的文件是 g2-改\.xlsx.* import-renamed\n\ng2-改\.xlsx → groups\/g2\/imported\/g2\.yaml：导入 2 条记录/,
    );
    expect(imported(root)).toEqual(['g2.yaml']);
    const text = readFileSync(path.join(root, 'groups/g2/imported/g2.yaml'), 'utf8');
    expect(text).toMatch(/从表格 g2-改\.xlsx 导入/);
    expect(text).toMatch(/place: 北湖社区/);
    expect(
      readdirSync(path.join(root, 'groups/g2/visits')).map((f) => readFileSync(path.join(root, 'groups/g2/visits', f), 'utf8')),
    ).toEqual(before);
    const again = await runCli(['import', 'g2-改.xlsx'], { cwd: root });
    expect(again.stdout).toMatch(/与上次导入相同，未改动/);
  });

  it('--dry-run says what would be written and writes nothing; --format json has the documented shape', async () => {
    const root = copyCampaign('zh-CN');
    await fill(await blank(root), { 活动台账: [VISIT] });
    const run = await runCli(['import', 'g2.xlsx', '--dry-run'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^g2\.xlsx → groups\/g2\/imported\/g2\.yaml：将导入 1 条记录（活动台账 1 条）\n[\s\S]*试运行：没有写入任何文件\n$/,
    );
    expect(imported(root)).toEqual([]);
    const json = JSON.parse((await runCli(['import', 'g2.xlsx', '--dry-run', '--format', 'json'], { cwd: root })).stdout);
    expect(Object.keys(json)).toEqual(['written', 'dryRun', 'workbooks', 'diagnostics', 'summary']);
    expect(json.workbooks[0]).toMatchObject({
      file: 'g2.xlsx',
      group: 'g2',
      output: 'groups/g2/imported/g2.yaml',
      replaces: false,
      skipped: 0,
    });
    expect(json.workbooks[0].records).toMatchObject({ visit: 1, opinion: 0 });
    expect(json.written).toBe(false);
  });
});

describe('ledger import: rows filled in from the group’s records (--records)', () => {
  async function withRecords(root: string): Promise<string> {
    const run = await runCli(['template', '--group', 'g2', '--records', '--out', 'g2.xlsx'], { cwd: root });
    expect(run.code).toBe(0);
    return path.join(root, 'g2.xlsx');
  }

  it('identical rows from hand-written YAML are left out; an edited one is an error at both places, and nothing is written', async () => {
    const root = copyCampaign('zh-CN');
    const file = await withRecords(root);
    await fill(file, {
      活动台账: [
        { '@row': 4, 地点: '北湖社区' },
        { ...VISIT, 编号: 'v9' },
      ],
    });
    const run = await runCli(['import', 'g2.xlsx'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'g2.xlsx:活动台账!A4 错误 编号“v1”是 groups/g2/visits/2014-04-15-v1.yaml 第1行的活动台账，而本行与之不同（地点）：请到该文件中修改，或给本行换一个编号 import-conflict',
        '',
        'groups/g2/visits/2014-04-15-v1.yaml:2:5 错误 编号“v1”也是表格中 g2.xlsx:活动台账!A4 一行的编号，而那一行与本记录不同（地点） import-conflict',
        '',
        '共检查 1 个文件、20 条记录：2 个错误，0 个警告',
        '未导入：请先在表格中改正上面的错误，再运行 ledger import',
        '',
      ].join('\n'),
    );
    expect(imported(root)).toEqual([]);
    await fill(file, { 活动台账: [{ '@row': 4, 地点: '南湖社区' }] });
    const ok = await runCli(['import', 'g2.xlsx'], { cwd: root });
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toMatch(/导入 1 条记录（活动台账 1 条）\n {2}另有 19 行与本组其他文件中的记录相同，未重复导入\n/);
  });

  it('the workbook of a group that works in Excel keeps its instance: rows of its earlier import are editable, and it replaces that file', async () => {
    const root = copyCampaign('zh-CN');
    await fill(await blank(root), { 活动台账: [{ ...VISIT, 编号: 'v9' }] });
    expect((await runCli(['import', 'g2.xlsx'], { cwd: root })).code).toBe(0);
    const file = await withRecords(root);
    await editBook(file, (wb) => {
      const ws = wb.getWorksheet('活动台账')!;
      const row = [4, 5, 6, 7, 8].find((r) => ws.getCell(r, 1).text === 'v9')!;
      expect(ws.getCell(row, 4).protection?.locked).toBe(false);
      expect(ws.getCell(row + 1, 4).protection?.locked).not.toBe(false);
      ws.getCell(row, 4).value = '北湖社区';
    });
    const run = await runCli(['import', 'g2.xlsx'], { cwd: root });
    expect(run.code, run.stdout).toBe(0);
    expect(imported(root)).toEqual(['g2.yaml']);
    expect(readFileSync(path.join(root, 'groups/g2/imported/g2.yaml'), 'utf8')).toMatch(/id: v9\n[\s\S]*place: 北湖社区/);
  });

  it('a visit the import would remove, which a hand-written record names, is an error where that record names it', async () => {
    const root = copyCampaign('zh-CN');
    await fill(await blank(root), { 活动台账: [{ ...VISIT, 编号: 'v9' }] });
    expect((await runCli(['import', 'g2.xlsx'], { cwd: root })).code).toBe(0);
    writeFileSync(
      path.join(root, 'groups/g2/visits/o99.yaml'),
      'kind: opinion\nid: o99\ndate: 2014-05-12\nvisit: v9\nchannel: 当面\ncollected_by: 周敏\nsource: { kind: 群众 }\ncategory: 形式主义\nabout: 干部队伍\ncontent: 路灯不亮。\n',
    );
    await editBook(path.join(root, 'g2.xlsx'), (wb) => {
      wb.getWorksheet('活动台账')!.getCell('A4').value = 'v10';
    });
    const run = await runCli(['import', 'g2.xlsx'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^groups\/g2\/visits\/o99\.yaml:4:8 错误 活动“v9”不在本组（g2）的活动台账中.* unknown-visit$/m);
  });
});

describe('workbook diagnostics name the sheet and the cell', () => {
  async function bad(root: string): Promise<void> {
    const file = await fill(await blank(root), {
      活动台账: [{ ...VISIT, 编号: 'v9', 日期: '2014-02-30', 带队领导: '王海艳' }],
      '活动台账-听取对象': [{ 活动编号: 'v8', 对象类别: '群众', 人数: 3 }],
      下基层听意见台账: [{ ...OPINION, 听取渠道: '当面谈', 意见内容: null, 所属活动: 'v7' }],
      // No id typed: the import numbers it.
      民生诉求登记卡: [{ ...G2_APPEAL_AS_NUMBERS, 编号: null }],
    });
    await addOwnColumn(file);
  }

  for (const lang of ['zh-CN', 'en']) {
    it(`validate g2.xlsx, text and json (${lang}); exit 1`, async () => {
      const root = copyCampaign('zh-CN');
      await bad(root);
      const text = await runCli(['validate', 'g2.xlsx', '--lang', lang], { cwd: root });
      expect(text.code).toBe(1);
      expectGolden(`import/validate-workbook.${lang}.txt`, text.stdout);
      const json = await runCli(['validate', 'g2.xlsx', '--lang', lang, '--format', 'json'], { cwd: root });
      expect(JSON.parse(json.stdout).diagnostics[0]).toMatchObject({
        file: 'g2.xlsx',
        sheet: '下基层听意见台账',
        cell: 'D4',
        line: 4,
        column: 4,
      });
      expectGolden(`import/validate-workbook.${lang}.json`, json.stdout);
    });
  }

  for (const lang of ['zh-CN', 'en']) {
    it(`import refuses with the same problems and writes nothing (${lang})`, async () => {
      const root = copyCampaign('zh-CN');
      await bad(root);
      const run = await runCli(['import', 'g2.xlsx', '--lang', lang], { cwd: root });
      expect(run.code).toBe(1);
      expectGolden(`import/refused.${lang}.txt`, run.stdout);
      expect(imported(root)).toEqual([]);
    });
  }

  it('validate FILE.xlsx of a clean workbook exits 0 and writes nothing', async () => {
    const root = copyCampaign('zh-CN');
    await fill(await blank(root), { 活动台账: [VISIT] });
    const run = await runCli(['validate', 'g2.xlsx'], { cwd: root });
    expect(run).toMatchObject({ code: 0, stdout: '共检查 1 个文件、1 条记录：0 个错误，0 个警告\n' });
    expect(imported(root)).toEqual([]);
  });
});

describe('ledger import: what replacing an earlier import removes is said, never silent', () => {
  const row = (content: string) => ({ ...OPINION, 意见内容: content });

  it('a second copy of the same blank template keeps none of the first’s records: refused (also in --dry-run), until --replace', async () => {
    const root = copyCampaign('zh-CN');
    const first = await blank(root);
    const copy = path.join(root, 'lo1', 'f1.xlsx');
    mkdirSync(path.dirname(copy));
    await fill(first, { 下基层听意见台账: [row('办事指南更新不及时。'), row('窗口排队时间长。')] }, path.join(root, 'f3.xlsx'));
    await fill(first, { 下基层听意见台账: [row('路灯不亮。')] }, copy);
    expect((await runCli(['import', 'f3.xlsx'], { cwd: root })).code).toBe(0);
    const before = readFileSync(path.join(root, 'groups/g2/imported/f3.yaml'), 'utf8');
    for (const extra of [[], ['--dry-run']]) {
      const run = await runCli(['import', 'lo1/f1.xlsx', ...extra], { cwd: root });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        /^lo1\/f1\.xlsx 错误 本表格与上次导入的 f3\.xlsx 是同一份模板，但上次从它导入的 2 条记录在本表格中一条也没有：o11（下基层听意见台账 第4行）、o12（下基层听意见台账 第5行）。.*--replace 导入 import-replaces-all$/m,
      );
    }
    expect(readFileSync(path.join(root, 'groups/g2/imported/f3.yaml'), 'utf8')).toBe(before);
    const json = JSON.parse((await runCli(['import', 'lo1/f1.xlsx', '--dry-run', '--format', 'json'], { cwd: root })).stdout);
    expect(json.workbooks[0]).toMatchObject({ previous: 'f3.xlsx', removed: ['o11', 'o12'] });
    const replaced = await runCli(['import', 'lo1/f1.xlsx', '--replace'], { cwd: root });
    expect(replaced.code, replaced.stdout).toBe(0);
    expect(replaced.stdout).toMatch(
      /^lo1\/f1\.xlsx 警告 上次从 f3\.xlsx 导入的 2 条记录在本表格中已没有.*：o11（下基层听意见台账 第4行）、o12（下基层听意见台账 第5行） import-removes$/m,
    );
    expect(replaced.stdout).toMatch(/^lo1\/f1\.xlsx 警告 这份模板上次是从 f3\.xlsx 导入的，本次的文件是 f1\.xlsx.* import-renamed$/m);
    // The copy's row is a new record: it does not take an id the removed records had.
    expect(readFileSync(path.join(root, 'groups/g2/imported/f3.yaml'), 'utf8')).toMatch(/id: o13\n[\s\S]*content: 路灯不亮。/);
  });

  it('a corrected workbook saved as “g2(1).xlsx” with a row deleted: the removed id is named, the other rows keep theirs', async () => {
    const root = copyCampaign('zh-CN');
    const file = await fill(await blank(root), { 下基层听意见台账: [row('甲。'), row('乙。'), row('丙。')] });
    expect((await runCli(['import', 'g2.xlsx'], { cwd: root })).code).toBe(0);
    await editBook(file, (wb) => void wb.getWorksheet('下基层听意见台账')!.spliceRows(5, 1), path.join(root, 'g2(1).xlsx'));
    const run = await runCli(['import', 'g2(1).xlsx', '--lang', 'en'], { cwd: root });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain(
      'g2(1).xlsx warning 1 record imported earlier from g2.xlsx is not in this workbook, and the import removes it from groups/g2/imported/g2.yaml: o12 (下基层听意见台账, row 5) import-removes',
    );
    expect(run.stdout).toMatch(
      /^g2\(1\)\.xlsx warning this template was imported before from g2\.xlsx, and this file is g2\(1\)\.xlsx.* import-renamed$/m,
    );
    const text = readFileSync(path.join(root, 'groups/g2/imported/g2.yaml'), 'utf8');
    expect(text).toMatch(/id: o11\n[\s\S]*content: 甲。[\s\S]*id: o13\n[\s\S]*content: 丙。/);
    const again = await runCli(['import', 'g2(1).xlsx'], { cwd: root });
    expect(again.stdout).toBe(
      'g2(1).xlsx → groups/g2/imported/g2.yaml：与上次导入相同，未改动\n\n共检查 1 个文件、2 条记录：0 个错误，0 个警告\n',
    );
  });

  it('a row without an id whose contents changed is a new record: its earlier id is reported as removed', async () => {
    const root = copyCampaign('zh-CN');
    const file = await fill(await blank(root), { 下基层听意见台账: [row('甲。'), row('乙。')] });
    expect((await runCli(['import', 'g2.xlsx'], { cwd: root })).code).toBe(0);
    await fill(file, { 下基层听意见台账: [{ '@row': 4, 意见内容: '甲，改过。' }] });
    const run = await runCli(['import', 'g2.xlsx', '--format', 'json'], { cwd: root });
    expect(run.code, run.stdout).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.workbooks[0]).toMatchObject({ previous: 'g2.xlsx', removed: ['o11'] });
    expect(json.diagnostics.map((d: { code: string }) => d.code)).toEqual(['import-removes']);
    expect(readFileSync(path.join(root, 'groups/g2/imported/g2.yaml'), 'utf8')).toMatch(
      /id: o13\n[\s\S]*content: 甲，改过。[\s\S]*id: o12\n/,
    );
  });
});

describe('problems of imported records are shown at their workbook rows', () => {
  it('validate names the sheet and row, says to correct the workbook and import again; json keeps the YAML place', async () => {
    const root = copyCampaign('zh-CN');
    await fill(await blank(root), { 下基层听意见台账: [OPINION] });
    expect((await runCli(['import', 'g2.xlsx'], { cwd: root })).code).toBe(0);
    // As a change of the group's members since the import would leave it.
    const yaml = path.join(root, 'groups/g2/imported/g2.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('collected_by: 周敏', 'collected_by: 周敏敏'));
    const run = await runCli(['validate', 'groups/g2'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('g2.xlsx：下基层听意见台账 第4行 错误 “周敏敏”不是本组（g2）成员，是否应为“周敏”？ unknown-member\n');
    expect(run.stdout).toContain('请在表格中改正，再运行 ledger import 重新导入（imported/ 中的文件由导入生成，请勿手工修改）');
    expect(run.stdout).not.toMatch(/imported\/g2\.yaml:\d/);
    const json = JSON.parse((await runCli(['validate', 'groups/g2', '--format', 'json'], { cwd: root })).stdout);
    expect(json.diagnostics[0]).toMatchObject({
      file: 'groups/g2/imported/g2.yaml',
      pointer: '/collected_by',
      workbook: { file: 'g2.xlsx', sheet: '下基层听意见台账', row: 4 },
    });
  });

  it('a row that conflicts with a record imported from another workbook: correct that workbook, never the imported file', async () => {
    const root = copyCampaign('zh-CN');
    await fill(await blank(root), { 活动台账: [{ ...VISIT, 编号: 'v9' }] });
    expect((await runCli(['import', 'g2.xlsx'], { cwd: root })).code).toBe(0);
    await fill(await blank(root, 'g2', 'other.xlsx'), { 活动台账: [{ ...VISIT, 编号: 'v9', 地点: '北湖社区' }] });
    const run = await runCli(['import', 'other.xlsx'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'other.xlsx:活动台账!A4 错误 编号“v9”是从表格 g2.xlsx：活动台账 第4行导入的活动台账，而本行与之不同（地点）：请在那份表格中改正后重新导入，或给本行换一个编号 import-conflict',
    );
    expect(run.stdout).toContain('g2.xlsx：活动台账 第4行 错误 编号“v9”也是表格中 other.xlsx:活动台账!A4 一行的编号');
    expect(run.stdout).not.toContain('请到该文件中修改');
  });
});
