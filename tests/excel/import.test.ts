// `ledger import` and `ledger validate FILE.xlsx` on workbooks filled in the way groups fill
// them: new rows (numbered on import), rows edited that were locked, ids that collide, visits
// that go missing; the import file replaced, never doubled; nothing written while an error
// remains; diagnostics at the sheet and the cell.
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { cellDate, fill } from '../helpers/fill.js';
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
const OPINION = {
  日期: D('2014-05-12'),
  听取渠道: '当面',
  收集人: '周敏',
  对象类别: '群众',
  意见类别: '形式主义',
  意见指向: '干部队伍',
  意见内容: '办事指南更新不及时。',
};

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
    expect(run.stdout).toMatch(/^g2-改\.xlsx → groups\/g2\/imported\/g2\.yaml：导入 2 条记录/);
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
        'g2.xlsx:活动台账!A4 错误 编号“v1”是 groups/g2/visits/2014-04-15-v1.yaml:1 的活动台账，而本行与之不同（地点）：请到该文件中修改，或给本行换一个编号 import-conflict',
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
      民生诉求登记卡: [
        {
          日期: D('2014-05-12'),
          诉求人: '林国强',
          身份证号码: Number('410182196202128568'), // what a spreadsheet keeps of it
          联系电话: 37166705379,
          诉求类别: '社会保障',
          诉求内容: '医保报销慢。',
          承办单位: '区人社局',
          办理时限: D('2014-06-01'),
          办理状态: '办理中',
        },
      ],
    });
    await editBook(file, (wb) => {
      const ws = wb.getWorksheet('活动台账')!;
      ws.getCell('M3').value = '自己加的列';
      ws.getCell('M4').value = '备忘';
    });
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
