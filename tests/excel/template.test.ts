// `ledger template`: the blank workbook a group fills in, read back with exceljs (and its XML
// for protection): sheets named as in the export, hidden keys, header comments, drop-downs
// from the hidden list sheet, date and number checks, text format for ID numbers and phones,
// locked headers over unlocked input rows, frozen panes, the instructions and the metadata.
import type ExcelJS from 'exceljs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIRST_ROW, HEADER_ROW, MIN_INPUT_ROWS, templateLayout } from '../../src/model/templateLayout.js';
import { schemaHash } from '../../src/schema/jsonSchema.js';
import { AUDIENCES } from '../../src/schema/vocab.js';
import { copyCampaign, MINI_CAMPAIGN, writeCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { convertToPdf, soffice, warnIfMissing } from '../helpers/soffice.js';
import { readBook, sheetXml } from '../helpers/workbook.js';

warnIfMissing('excel/template.test');

const ZH_SHEETS = [
  '填表说明',
  '活动台账',
  '活动台账-听取对象',
  '下基层听意见台账',
  '民情信息采集台账',
  '民生诉求登记卡',
  '维稳工作登记卡',
  '维稳工作登记卡-当事人',
  '困难群众登记卡',
  '困难群众登记卡-帮扶记录',
  '代码表',
  'ledger',
];

function headerTexts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(HEADER_ROW).eachCell((c) => out.push(c.text));
  return out;
}

function column(ws: ExcelJS.Worksheet, header: string): number {
  const i = headerTexts(ws).findIndex((h) => h.replace(/^\*/, '') === header);
  expect(i, `${ws.name}: ${header}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

describe('ledger template (blank, examples/zh-CN)', () => {
  let root = '';
  let file = '';
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    root = copyCampaign('zh-CN');
    const run = await runCli(['template', '--group', 'g2', '--out', 'g2.xlsx'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('g2.xlsx\n');
    expect(run.stderr).toBe('ledger: 已生成 1 个模板\n');
    file = path.join(root, 'g2.xlsx');
    wb = await readBook(file);
  });

  it('has the instructions first, a sheet per kind named as in the export, part sheets <parent>-<part>, then the hidden lists and metadata', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(ZH_SHEETS);
    expect(wb.worksheets.map((w) => w.state)).toEqual([...Array(10).fill('visible'), 'hidden', 'veryHidden']);
  });

  it('keys every column in a hidden first row; the keys are those of the layout', () => {
    const sheets = templateLayout().filter((s) => s.key);
    wb.worksheets.slice(1, 10).forEach((ws, i) => {
      const layout = sheets[i]!;
      expect(ws.getRow(1).hidden).toBe(true);
      const keys: string[] = [];
      ws.getRow(1).eachCell((c) => keys.push(String(c.value)));
      expect(keys).toEqual(layout.columns.map((c) => `${layout.key}/${c.key}`));
    });
  });

  it('takes headers from the export column tables, marks required ones with *, and has rectification as columns of the opinions sheet', () => {
    const ws = wb.getWorksheet('下基层听意见台账')!;
    expect(headerTexts(ws)).toEqual([
      '编号',
      '*日期',
      '登记编号',
      '所属活动',
      '*听取渠道',
      '*收集人',
      '*对象类别',
      '意见提出人',
      '单位',
      '联系电话',
      '*意见类别',
      '*意见指向',
      '具体指向',
      '*意见内容',
      '整改措施',
      '责任人',
      '整改时限',
      '整改状态',
      '完成日期',
      '整改结果',
      '已反馈',
      '群众满意度',
      '复号日期',
    ]);
    expect(headerTexts(wb.getWorksheet('活动台账-听取对象')!)).toEqual(['*活动编号', '*对象类别', '*人数']);
  });

  it('comments each header with what it takes, whether it is required, and an example', () => {
    const ws = wb.getWorksheet('活动台账')!;
    const note = (h: string) => {
      const n = ws.getRow(HEADER_ROW).getCell(column(ws, h)).note;
      return typeof n === 'string' ? n : (n?.texts ?? []).map((t) => t.text).join('');
    };
    expect(note('日期')).toBe('日期\n日期，按“年-月-日”填写。\n必填。\n示例：2014-04-08');
    expect(note('带队领导')).toMatch(/本组成员.*\n必填。\n示例：王海燕$/);
    expect(note('工作方式')).toMatch(/多项用“、”分隔：面对面交谈、座谈会/);
    expect(note('编号')).toMatch(/可以不填，导入时自动编号。\n选填。\n示例：v1$/);
  });

  it('offers drop-downs from the hidden list sheet (lists longer than 255 characters too), members, visits and yes/no', () => {
    const ws = wb.getWorksheet('下基层听意见台账')!;
    const dv = (h: string, row = FIRST_ROW) => ws.getCell(row, column(ws, h)).dataValidation;
    const kind = dv('对象类别');
    expect(kind).toMatchObject({ type: 'list', showErrorMessage: true, errorStyle: 'stop' });
    const ref = String(kind.formulae?.[0]);
    expect(ref).toMatch(/^'代码表'!\$[A-Z]+\$2:\$[A-Z]+\$16$/);
    const lists = wb.getWorksheet('代码表')!;
    const col = ref.replace(/^'代码表'!\$([A-Z]+)\$.*/, '$1');
    const values: string[] = [];
    for (let r = 2; r <= 16; r++) values.push(lists.getCell(`${col}${r}`).text);
    expect(values).toEqual(AUDIENCES.map((t) => t.zh));
    expect(String(dv('收集人').formulae?.[0])).toMatch(/^'代码表'!/);
    expect(dv('所属活动')).toMatchObject({ type: 'list' });
    expect(dv('所属活动').showErrorMessage).toBeFalsy();
    expect(String(dv('所属活动').formulae?.[0])).toMatch(/^'活动台账'!\$A\$4:\$A\$\d+$/);
    expect(dv('已反馈')).toMatchObject({ type: 'list' });
    // Multi-value columns take any text (several values joined by 、) and say so.
    const methods = wb.getWorksheet('活动台账')!;
    expect(methods.getCell(FIRST_ROW, column(methods, '工作方式')).dataValidation).toMatchObject({ type: 'list', showInputMessage: true });
    expect(methods.getCell(FIRST_ROW, column(methods, '工作方式')).dataValidation.showErrorMessage).toBeFalsy();
    // Formatted and validated for at least 1,000 rows.
    expect(dv('对象类别', FIRST_ROW + MIN_INPUT_ROWS - 1)).toMatchObject({ type: 'list' });
  });

  it('checks dates and counts, and keeps ID numbers and phones as text', () => {
    const ws = wb.getWorksheet('民生诉求登记卡')!;
    const date = ws.getCell(FIRST_ROW, column(ws, '日期'));
    expect(date.dataValidation).toMatchObject({ type: 'date', operator: 'between', showErrorMessage: true });
    expect(date.numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell(FIRST_ROW + 500, column(ws, '身份证号码')).numFmt).toBe('@');
    expect(ws.getCell(FIRST_ROW + 500, column(ws, '联系电话')).numFmt).toBe('@');
    const parts = wb.getWorksheet('活动台账-听取对象')!;
    expect(parts.getCell(FIRST_ROW, 3).dataValidation).toMatchObject({ type: 'whole', operator: 'between', formulae: [1, 100000] });
  });

  it('locks the header rows under a protection without password that allows inserting rows and columns, sorting and filtering', async () => {
    for (const name of ZH_SHEETS.slice(1, 10)) {
      const ws = wb.getWorksheet(name)!;
      // Locked is the default: only unlocked cells say so.
      expect(ws.getCell(HEADER_ROW, 1).protection?.locked, name).not.toBe(false);
      expect(ws.getCell(FIRST_ROW + 10, 1).protection?.locked, name).toBe(false);
      expect(ws.getCell(FIRST_ROW + MIN_INPUT_ROWS, 2).protection?.locked, name).toBe(false);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW, xSplit: 1 });
      const xml = await sheetXml(file, name);
      const protection = /<sheetProtection [^>]*\/>/.exec(xml)?.[0] ?? '';
      expect(protection).toMatch(/sheet="1"/);
      for (const allowed of ['insertRows', 'insertColumns', 'sort', 'autoFilter', 'formatColumns'])
        expect(protection).toContain(`${allowed}="0"`);
      expect(protection).not.toMatch(/hashValue|password/);
      expect(xml).toMatch(/<autoFilter ref="A3:[A-Z]+3"/);
    }
  });

  it('has instructions in Chinese and hidden metadata naming the campaign, group, format, schema and instance', () => {
    const info = wb.getWorksheet('填表说明')!;
    expect(info.getCell('A1').text).toBe('河东区司法局下基层听意见主题活动\u3000第二组（法律援助）填报表');
    const all: string[] = [];
    info.eachRow((r) => r.eachCell((c) => void all.push(c.text)));
    expect(all.join('\n')).toMatch(/编号可以不填/);
    expect(all.join('\n')).toMatch(/报送截止：2014年5月22日/);
    const meta = wb.getWorksheet('ledger')!;
    const values: Record<string, string> = {};
    meta.eachRow((r, n) => n > 1 && (values[r.getCell(1).text] = r.getCell(2).text));
    expect(meta.getCell('A1').text).toBe('ledger-template');
    expect(values).toMatchObject({
      format: '1',
      campaign: '下基层听意见主题活动',
      unit: '河东区司法局',
      group: 'g2',
      schema: schemaHash(),
      lang: 'zh-CN',
    });
    expect(values.instance).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.skipIf(!soffice)(
    'opens in LibreOffice',
    () => {
      expect(convertToPdf(file)).toBeGreaterThan(10_000);
    },
    180_000,
  );
});

describe('ledger template: every group, English, --records, long lists', () => {
  it('a drop-down longer than the 255 characters Excel allows inline is a range of the list sheet', async () => {
    const names = Array.from({ length: 80 }, (_, i) => `成员${String(i + 1).padStart(3, '0')}号`);
    const root = writeCampaign({
      'ledger.yaml': MINI_CAMPAIGN.replace('locale: en', 'locale: zh-CN').replace(
        '      - { name: Li Hua }\n',
        `      - { name: Li Hua }\n${names.map((n) => `      - { name: ${n} }\n`).join('')}`,
      ),
    });
    const run = await runCli(['template', '--group', 'g1', '--out', 'g1.xlsx'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const wb = await readBook(path.join(root, 'g1.xlsx'));
    const ws = wb.getWorksheet('活动台账')!;
    const dv = ws.getCell(FIRST_ROW, column(ws, '带队领导')).dataValidation;
    expect(['Zhang Ming', 'Li Hua', ...names].join(',').length).toBeGreaterThan(255);
    expect(String(dv.formulae?.[0])).toMatch(/^'代码表'!\$([A-Z]+)\$2:\$\1\$83$/);
    const col = String(dv.formulae?.[0]).replace(/^'代码表'!\$([A-Z]+)\$.*/, '$1');
    expect(wb.getWorksheet('代码表')!.getCell(`${col}83`).text).toBe('成员080号');
  });

  it('writes one workbook per group into exports/templates/, each with a new instance', async () => {
    const root = copyCampaign('zh-CN');
    const run = await runCli(['template'], { cwd: root });
    expect(run.code).toBe(0);
    const files = run.stdout.trim().split('\n');
    expect(files).toHaveLength(7);
    expect(files[1]).toBe('exports/templates/g2-第二组（法律援助）.xlsx');
    const bad = await runCli(['template', '--out', 'x.xlsx'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ledger: 不加 --group 时，--out 应为文件夹/);
  });

  it('speaks the campaign language: English sheet names and headers for an en campaign', async () => {
    const root = copyCampaign('en');
    const run = await runCli(['template', '--group', 'g1', '--out', 'g1.xlsx'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const wb = await readBook(path.join(root, 'g1.xlsx'));
    expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual(['Instructions', 'Activities', 'Activities-Audiences', 'Opinions']);
    expect(headerTexts(wb.getWorksheet('Opinions')!).slice(0, 5)).toEqual(['Id', '*Date', 'Register no.', 'Visit', '*Channel']);
  });

  it('--records fills in the group: hand-written rows locked and grey, ids kept, parts under their parent', async () => {
    const root = copyCampaign('zh-CN');
    const run = await runCli(['template', '--group', 'g2', '--records', '--out', 'g2.xlsx'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('ledger: 已生成 1 个模板，已填入 19 条已有记录\n');
    const wb = await readBook(path.join(root, 'g2.xlsx'));
    const visits = wb.getWorksheet('活动台账')!;
    expect(visits.getCell(FIRST_ROW, 1).text).toBe('v1');
    expect(visits.getCell(FIRST_ROW, column(visits, '活动形式')).text).toBe('结对认亲');
    expect(visits.getCell(FIRST_ROW, column(visits, '参加人员')).text).toBe('王海燕、孙立新、周敏');
    expect((visits.getCell(FIRST_ROW, column(visits, '日期')).value as Date).toISOString()).toBe('2014-04-15T00:00:00.000Z');
    expect(visits.getCell(FIRST_ROW, 3).protection?.locked).not.toBe(false);
    expect(visits.getCell(FIRST_ROW + 4, 3).protection?.locked).toBe(false);
    const parts = wb.getWorksheet('活动台账-听取对象')!;
    expect([1, 2, 3].map((c) => parts.getCell(FIRST_ROW, c).text)).toEqual(['v1', '群众', '23']);
    const cards = wb.getWorksheet('民生诉求登记卡')!;
    expect(cards.getCell(FIRST_ROW, column(cards, '身份证号码')).value).toBe('410182196202128568');
  });
});
