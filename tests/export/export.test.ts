// `ledger export`: the workbook is read back with exceljs and its cells checked (never the zip
// bytes): sheets, headers, row counts against the ledgers, real dates and numbers, no formulas,
// redaction, the frozen header and the print settings.
import { pagesAcross } from '../../src/export/a4Landscape.js';
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLedgers } from '../../src/read/loadLedgers.js';
import type { LedgerSet } from '../../src/model/ledgers.js';
import { copyCampaign, MINI_CAMPAIGN, writeCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2014-05-24'];
const ZH_SHEETS = [
  '汇总',
  '活动台账',
  '下基层听意见台账',
  '整改台账',
  '民情信息采集台账',
  '民生诉求登记卡',
  '维稳工作登记卡',
  '困难群众登记卡',
  '督导问题清单',
];
const EN_SHEETS = [
  'Summary',
  'Activities',
  'Opinions',
  'Rectification',
  'Public-opinion info',
  'Livelihood appeals',
  'Stability cards',
  'Hardship cards',
  'Supervision findings',
];
const LEDGER_OF: Record<string, keyof LedgerSet['ledgers']> = {
  活动台账: 'visit',
  下基层听意见台账: 'opinion',
  整改台账: 'opinion',
  民情信息采集台账: 'info',
  民生诉求登记卡: 'appeal',
  维稳工作登记卡: 'stability',
  困难群众登记卡: 'hardship',
};
const HEADER_ROW = 3;

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Data rows of a ledger sheet: everything under the header row. */
function dataRows(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  ws.eachRow((row, n) => {
    if (n > HEADER_ROW) rows.push(row);
  });
  return rows;
}

function headers(ws: ExcelJS.Worksheet): string[] {
  return (ws.getRow(HEADER_ROW).values as unknown[]).slice(1).map(String);
}

function allCells(wb: ExcelJS.Workbook): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(c))));
  return cells;
}

describe('export of examples/zh-CN', () => {
  let root = '';
  let set: LedgerSet;
  let wb: ExcelJS.Workbook;
  let file = '';

  beforeAll(async () => {
    root = copyCampaign('zh-CN');
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    set = loadLedgers(path.join(root, 'ledgers'));
    const run = await runCli(['export', ...AS_OF], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('exports/下基层听意见主题活动-2014-05-24.xlsx\n');
    file = path.join(root, run.stdout.trim());
    wb = await readBook(file);
  });

  it('has the nine sheets, named in the campaign language, and the likely duplicates after them', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([...ZH_SHEETS, '疑似重复意见']);
  });

  it('lists the likely duplicates cluster by cluster, the first of each and how alike the others are to it', () => {
    const ws = wb.getWorksheet('疑似重复意见') as ExcelJS.Worksheet;
    expect(headers(ws)).toEqual(['重复组', '工作组', '编号', '日期', '对象类别', '意见内容', '与基准条的相似度', '组编号', '来源文件']);
    const names = new Map(set.manifest.groups.map((g) => [g.id, g.name]));
    for (const r of dataRows(ws)) expect(r.getCell(2).value).toBe(names.get(String(r.getCell(8).value)));
    const rows = dataRows(ws).map((r) => [
      r.getCell(1).value,
      `${String(r.getCell(8).value)}/${String(r.getCell(3).value)}`,
      r.getCell(7).value,
    ]);
    const expected = set.manifest.duplicates.flatMap((c, n) => c.ids.map((id, i) => [n + 1, id, i === 0 ? '基准条' : c.similarity]));
    expect(set.manifest.duplicates.length).toBeGreaterThan(0);
    expect(rows).toEqual(expected);
    for (const r of dataRows(ws)) expect(typeof r.getCell(6).value === 'string' && (r.getCell(6).value as string).length > 0).toBe(true);
  });

  it('has one row per ledger record dated up to --as-of in every ledger sheet, and says how many later ones it left out', () => {
    let later = 0;
    for (const [name, kind] of Object.entries(LEDGER_OF)) {
      const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
      const upTo = set.ledgers[kind].filter((r) => r.date <= '2014-05-24');
      later += set.ledgers[kind].length - upTo.length;
      expect(dataRows(ws).length, name).toBe(upTo.length);
      expect(ws.getCell(`A${HEADER_ROW + 1}`).value).toBe(1);
    }
    expect(later).toBe(1); // the example's hardship card of 2014-05-27
    for (const ws of wb.worksheets) expect(ws.getCell('A2').text, ws.name).toContain('另有1条记录日期晚于2014年5月24日，未列入');
  });

  it('hides on paper the columns nobody filled in, and only those (with the ids and source files)', () => {
    for (const name of Object.keys(LEDGER_OF)) {
      const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
      const rows = dataRows(ws);
      headers(ws).forEach((header, i) => {
        const filled = rows.some((r) => r.getCell(i + 1).text !== '');
        const hidden = ws.getColumn(i + 1).hidden === true;
        if (header === '组编号' || header === '来源文件') expect(hidden, `${name} ${header}`).toBe(true);
        else expect(hidden, `${name} ${header}`).toBe(!filled);
      });
    }
  });

  it('without --as-of before a record, lists every record', async () => {
    const run = await runCli(['export', '--as-of', '2014-06-30', '--out', 'all.xlsx'], { cwd: root });
    expect(run.code).toBe(0);
    const all = await readBook(path.join(root, 'all.xlsx'));
    for (const [name, kind] of Object.entries(LEDGER_OF))
      expect(dataRows(all.getWorksheet(name)!).length, name).toBe(set.ledgers[kind].length);
    expect(all.worksheets[0]!.getCell('A2').text).not.toContain('未列入');
  });

  it('writes the headers of the paper forms', () => {
    const ws = wb.getWorksheet('下基层听意见台账') as ExcelJS.Worksheet;
    expect(headers(ws)).toEqual([
      '序号',
      '工作组',
      '编号',
      '登记编号',
      '日期',
      '所属活动',
      '听取渠道',
      '收集人',
      '对象类别',
      '意见提出人',
      '单位',
      '联系电话',
      '意见类别',
      '意见指向',
      '具体指向',
      '意见内容',
      '整改状态',
      '组编号',
      '来源文件',
    ]);
    // The group's id and the source file are there to filter by, hidden and never printed.
    const hidden = (ws.columns ?? []).map((c, i) => (c.hidden ? headers(ws)[i] : null)).filter(Boolean);
    expect(hidden).toEqual(['单位', '具体指向', '组编号', '来源文件']); // the first two: nobody filled them in
    expect(headers(wb.getWorksheet('整改台账') as ExcelJS.Worksheet)).toContain('超期天数');
  });

  it('writes dates as real dates at midnight UTC, numbers as numbers, codes as zh-CN labels', () => {
    const ws = wb.getWorksheet('活动台账') as ExcelJS.Worksheet;
    const h = headers(ws);
    const first = set.ledgers.visit[0] as Record<string, unknown>;
    const row = ws.getRow(HEADER_ROW + 1);
    const date = row.getCell(h.indexOf('日期') + 1);
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    expect((date.value as Date).toISOString()).toBe(`${String(first.date)}T00:00:00.000Z`);
    expect(date.numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(h.indexOf('听取人数') + 1).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(h.indexOf('编号') + 1).value).toBe(String(first.id).split('/')[1]);
    const pattern = row.getCell(h.indexOf('活动形式') + 1).value;
    expect(['下基层', '双报到', '结对认亲']).toContain(pattern);
  });

  it('has the columns of FORMAT 1.1 on the matching sheets, codes as labels, numbers as numbers', () => {
    const cell = (sheet: string, header: string, where: (r: Record<string, unknown>) => boolean, kind: keyof LedgerSet['ledgers']) => {
      const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
      const i = set.ledgers[kind].findIndex((r) => where(r as Record<string, unknown>));
      expect(i, `${sheet}: a record to look at`).toBeGreaterThanOrEqual(0);
      const col = headers(ws).indexOf(header);
      expect(col, `${sheet} has ${header}`).toBeGreaterThanOrEqual(0);
      return ws.getRow(HEADER_ROW + 1 + i).getCell(col + 1);
    };
    const rect = (r: Record<string, unknown>) => (r.rectification ?? {}) as Record<string, unknown>;
    expect(cell('整改台账', '群众满意度', (r) => rect(r).satisfaction === 'unsatisfied', 'opinion').value).toBe('不满意');
    const reopened = cell('整改台账', '复号日期', (r) => rect(r).reopened_on === '2014-05-21', 'opinion');
    expect(reopened.type).toBe(ExcelJS.ValueType.Date);
    expect(cell('下基层听意见台账', '登记编号', (r) => r.ref_no === '410102-2014-0001', 'opinion').value).toBe('410102-2014-0001');
    expect(cell('民生诉求登记卡', '诉求来源渠道', (r) => r.channel === 'hotline-12345', 'appeal').value).toBe('12345热线');
    const people = cell('维稳工作登记卡', '涉及人数', (r) => r.people === 120, 'stability');
    expect([people.type, people.value]).toEqual([ExcelJS.ValueType.Number, 120]);
    expect(cell('困难群众登记卡', '致困原因', (r) => r.cause === 'illness', 'hardship').value).toBe('因病');
    const income = cell('困难群众登记卡', '家庭月收入', (r) => r.monthly_income === 1350.5, 'hardship');
    expect([income.value, income.numFmt]).toEqual([1350.5, '#,##0.00_ ']);
    expect(cell('困难群众登记卡', '已享受政策', (r) => Array.isArray(r.policies), 'hardship').value).toBe('残疾人补贴、低保');
  });

  it('has no formula or hyperlink cell anywhere', () => {
    for (const c of allCells(wb)) {
      expect(c.type, c.address).not.toBe(ExcelJS.ValueType.Formula);
      expect(c.type, c.address).not.toBe(ExcelJS.ValueType.Hyperlink);
    }
  });

  it('freezes a bold header with a filter, and prints A4 landscape fit to width with repeated titles', () => {
    for (const name of Object.keys(LEDGER_OF)) {
      const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
      expect(ws.getCell(`A${HEADER_ROW}`).font?.bold).toBe(true);
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow).toBe(`1:${HEADER_ROW}`);
      // As many pages across as keep the text at 7.5 pt or more, read left to right, the first columns on each.
      const printed = ws.columns.filter((c) => !c.hidden).reduce((a, c) => a + (c.width ?? 0), 0);
      expect(ws.pageSetup.fitToWidth).toBe(pagesAcross(printed));
      if (ws.pageSetup.fitToWidth! > 1) expect(ws.pageSetup).toMatchObject({ pageOrder: 'overThenDown', printTitlesColumn: 'A:B' });
      expect((printed * 7 * 0.68) / ws.pageSetup.fitToWidth!).toBeLessThanOrEqual(784);
      // Title row: the ledger's own name; under it the unit, the campaign and the date.
      expect(String(ws.getCell('A1').value)).toBe(name);
      expect(String(ws.getCell('A2').value)).toContain(set.manifest.campaign.title);
      expect(String(ws.getCell('A2').value)).toContain('2014年5月24日');
    }
  });

  it('sizes columns to their CJK text, within a cap', () => {
    const ws = wb.getWorksheet('下基层听意见台账') as ExcelJS.Worksheet;
    const widths = ws.columns.map((c) => c.width ?? 0);
    expect(Math.max(...widths)).toBeLessThanOrEqual(44);
    // 意见内容 holds long Chinese text: wide and wrapped.
    const content = headers(ws).indexOf('意见内容') + 1;
    expect(ws.getColumn(content).width).toBeGreaterThan(30);
    expect(ws.getCell(HEADER_ROW + 1, content).alignment?.wrapText).toBe(true);
  });

  it('highlights exactly the overdue rectifications', () => {
    const ws = wb.getWorksheet('整改台账') as ExcelJS.Worksheet;
    const overdueCol = headers(ws).indexOf('超期天数') + 1;
    let highlighted = 0;
    for (const row of dataRows(ws)) {
      const overdue = typeof row.getCell(overdueCol).value === 'number';
      const fill = row.getCell(1).fill as ExcelJS.FillPattern | undefined;
      expect(fill?.fgColor?.argb === 'FFFFC7CE', `row ${row.number}`).toBe(overdue);
      if (overdue) highlighted++;
    }
    expect(highlighted).toBeGreaterThan(0);
  });

  it('summarises figures that equal the ledgers, and lists the make-up groups', () => {
    const ws = wb.getWorksheet('汇总') as ExcelJS.Worksheet;
    const figure = (label: string) => {
      let value: unknown;
      ws.eachRow((row) => {
        if (row.getCell(1).value === label) value = row.getCell(2).value;
      });
      return value;
    };
    expect(figure('开展活动（次）')).toBe(set.ledgers.visit.length);
    expect(figure('征求意见（条）')).toBe(set.ledgers.opinion.length);
    expect(figure('民生诉求登记卡（张）')).toBe(set.ledgers.appeal.length);
    const audit = wb.getWorksheet('督导问题清单') as ExcelJS.Worksheet;
    const rows = (audit.getColumn(1).values as unknown[]).map(String);
    const heading = rows.indexOf('二、须补课的工作组');
    expect(heading).toBeGreaterThan(0);
    const makeup = (audit.getColumn(2).values as unknown[])
      .slice(heading + 2)
      .map(String)
      .filter((v) => v !== 'undefined');
    expect(makeup).toEqual(['第二组（法律援助）', '第三组（人民调解）', '第四组（社区矫正）', '西关司法所']);
  });

  it('keeps personal data without --redact, masks all of it with --redact', async () => {
    const idsAndPhones = (b: ExcelJS.Workbook) =>
      allCells(b)
        .map((c) => String(c.value ?? ''))
        .filter((v) => /(?<!\d)\d{17}[\dX](?![\dX])|(?<!\d)1[3-9]\d{9}(?!\d)/.test(v));
    expect(idsAndPhones(wb).length).toBeGreaterThan(0);
    const run = await runCli(['export', ...AS_OF, '--redact', '--out', 'redacted.xlsx'], { cwd: root });
    expect(run.code).toBe(0);
    const redacted = await readBook(path.join(root, 'redacted.xlsx'));
    expect(idsAndPhones(redacted)).toEqual([]);
    const texts = allCells(redacted).map((c) => String(c.value ?? ''));
    expect(texts.some((v) => /^\d{6}\*{8}\d{3}[\dX]$/.test(v))).toBe(true);
    expect(texts.some((v) => /^1\d{2}\*{4}\d{4}$/.test(v))).toBe(true);
    // every sheet says what was masked, and what was not
    for (const ws of redacted.worksheets)
      expect(ws.getCell('A2').text, ws.name).toContain('身份证号码、联系电话已隐去部分数字，姓名、住址未隐去');
  });

  it('exports one group, in English, on request', async () => {
    const run = await runCli(['export', ...AS_OF, '--group', 'g1', '--lang', 'en'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('exports/下基层听意见主题活动-2014-05-24-g1-en.xlsx\n');
    const b = await readBook(path.join(root, run.stdout.trim()));
    expect(b.worksheets.map((w) => w.name)).toEqual(EN_SHEETS);
    const ws = b.getWorksheet('Opinions') as ExcelJS.Worksheet;
    expect(dataRows(ws).length).toBe(set.ledgers.opinion.filter((o) => o.group === 'g1').length);
    for (const row of dataRows(ws)) expect(row.getCell(2).value).toBe('第一组（局领导）');
    expect(headers(ws).slice(0, 5)).toEqual(['No.', 'Group', 'Id', 'Register no.', 'Date']);
  });
});

describe('export: unsafe input stays inert text', () => {
  const opinion = (id: string, content: string) => `kind: opinion
id: ${id}
date: 2014-04-25
channel: face-to-face
collected_by: Li Hua
source: { kind: masses }
category: formalism
about: unit
content: ${content}
`;
  it('formulas, links and control characters', async () => {
    const root = writeCampaign({
      'ledger.yaml': MINI_CAMPAIGN,
      'groups/g1/o.yaml': [
        opinion('o1', `"=HYPERLINK(\\"http://evil.example\\",\\"click\\")"`),
        opinion('o2', `"+1+2"`),
        opinion('o3', `"-2+3"`),
        opinion('o4', `"@SUM(A1:A2)"`),
        opinion('o5', `"bell\\a and escape\\e gone, tab\\tkept"`),
        opinion('o6', `https://example.com/page`),
      ].join('---\n'),
    });
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const run = await runCli(['export', ...AS_OF, '--out', 'x.xlsx'], { cwd: root });
    expect(run.code).toBe(0);
    const wb = await readBook(path.join(root, 'x.xlsx'));
    const ws = wb.getWorksheet('Opinions') as ExcelJS.Worksheet;
    const col = headers(ws).indexOf('Opinion') + 1;
    const values = dataRows(ws).map((r) => r.getCell(col));
    expect(values.map((c) => c.type)).toEqual(new Array(6).fill(ExcelJS.ValueType.String));
    expect(values.map((c) => c.value)).toEqual([
      '=HYPERLINK("http://evil.example","click")',
      '+1+2',
      '-2+3',
      '@SUM(A1:A2)',
      'bell and escape gone, tab\tkept',
      'https://example.com/page',
    ]);
  });

  it('text over 32,767 characters is cut with a marker and a warning', async () => {
    const long = 'x'.repeat(19_000);
    const root = writeCampaign({
      'ledger.yaml': MINI_CAMPAIGN,
      'groups/g1/h.yaml': `kind: hardship
id: h1
date: 2014-04-28
person: { name: Wu Hong }
categories: [empty-nester]
situation: Lives alone.
needs: Visits.
assistance:
  - { date: 2014-04-28, by: Li Hua, what: ${long} }
  - { date: 2014-04-29, by: Li Hua, what: ${long} }
`,
    });
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const run = await runCli(['export', ...AS_OF, '--out', 'x.xlsx'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("1 cell longer than Excel's 32,767 characters was cut");
    const ws = (await readBook(path.join(root, 'x.xlsx'))).getWorksheet('Hardship cards') as ExcelJS.Worksheet;
    const help = String(ws.getCell(HEADER_ROW + 1, headers(ws).indexOf('Help given') + 1).value);
    expect(help.length).toBe(32_767);
    expect(help.endsWith('…[cut: text too long for one cell]')).toBe(true);
  });
});

describe('export: refusals', () => {
  it('stale ledgers, a bad --out, an unknown group', async () => {
    const root = copyCampaign('en');
    expect((await runCli(['export', ...AS_OF], { cwd: root })).stderr).toMatch(/no ledgers .*run `ledger merge` first/);
    await runCli(['merge'], { cwd: root });
    writeFileSync(path.join(root, 'groups/g1/summary.md'), readFileSync(path.join(root, 'groups/g1/summary.md'), 'utf8') + 'More.\n');
    const stale = await runCli(['export', ...AS_OF], { cwd: root });
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/out of date .*ledger merge/);
    expect(existsSync(path.join(root, 'exports'))).toBe(false);
    expect((await runCli(['export', ...AS_OF, '--merge'], { cwd: root })).code).toBe(0);
    const badOut = await runCli(['export', ...AS_OF, '--out', 'x.csv'], { cwd: root });
    expect([badOut.code, badOut.stderr]).toEqual([2, 'ledger: --out must name a file ending in .xlsx (got "x.csv")\n']);
    const badGroup = await runCli(['export', ...AS_OF, '--group', 'g2'], { cwd: root });
    expect(badGroup.code).toBe(2);
    expect(badGroup.stderr).toMatch(/no group "g2" in the ledgers/);
  });
});
