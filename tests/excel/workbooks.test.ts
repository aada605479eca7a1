// Workbooks as they come back: saved by other writers (inline strings, LibreOffice), in old
// formats (.xls, .et), from another campaign, group or template format, not from a template at
// all, or lying in a group folder; and summaries written in Word.
import ExcelJS from 'exceljs';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { copyCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { fill, G2_VISIT_ROW, G2_APPEAL_ROW } from '../helpers/fill.js';
import { soffice, warnIfMissing } from '../helpers/soffice.js';
import { editBook, inlineStrings, resave } from '../helpers/workbook.js';

warnIfMissing('excel/workbooks.test');

const VISIT = G2_VISIT_ROW;
const CARD = G2_APPEAL_ROW;

async function template(root: string, group = 'g2', out = `${group}.xlsx`, extra: string[] = []): Promise<string> {
  const run = await runCli(['template', '--group', group, '--out', out, ...extra], { cwd: root });
  expect(run.code, run.stderr).toBe(0);
  return path.join(root, out);
}

function importedText(root: string, name = 'g2.yaml'): string {
  return readFileSync(path.join(root, 'groups/g2/imported', name), 'utf8');
}

/** The records of an import file without its comments (which name the workbook). */
const body = (text: string) => text.replace(/^#.*\n/gm, '');

describe('returned workbooks as other software saves them', () => {
  it('inline strings instead of shared ones: the same records', async () => {
    const root = copyCampaign('zh-CN');
    const file = await fill(await template(root), { 活动台账: [VISIT], 民生诉求登记卡: [CARD] });
    await inlineStrings(file, path.join(root, 'inline.xlsx'));
    expect(readFileSync(path.join(root, 'inline.xlsx')).includes(Buffer.from('sharedStrings'))).toBe(false);
    const shared = await runCli(['import', 'g2.xlsx', '--dry-run', '--format', 'json'], { cwd: root });
    const run = await runCli(['import', 'inline.xlsx'], { cwd: root });
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(shared.stdout).workbooks[0].records).toMatchObject({ visit: 1, appeal: 1 });
    expect(importedText(root, 'inline.yaml')).toMatch(/id_number: "410182196202128568"\n {2}phone: "0371-66705379"\n/);
    // The workbook with shared strings is the same instance: it replaces that file with the same records.
    const inline = body(importedText(root, 'inline.yaml'));
    expect((await runCli(['import', 'g2.xlsx'], { cwd: root })).code).toBe(0);
    expect(importedText(root, 'inline.yaml')).toMatch(/从表格 g2\.xlsx 导入/);
    expect(body(importedText(root, 'inline.yaml'))).toBe(inline.replace(/inline\.xlsx/g, 'g2.xlsx'));
  });

  it.skipIf(!soffice)(
    'typed the way people type (serial and text dates, numbers in text columns, blank rows, 、，, lists) and saved by LibreOffice: read as meant',
    async () => {
      const root = copyCampaign('zh-CN');
      const file = await template(root);
      await editBook(file, (wb) => {
        const ws = wb.getWorksheet('活动台账')!;
        const row = (r: number, values: unknown[]) => values.forEach((v, i) => (ws.getCell(r, i + 1).value = v as ExcelJS.CellValue));
        // id, date, register no., place, pattern, methods, led_by, participants
        row(4, ['v9', 41771, null, 12, '下基层', '座谈会，入户走访', '王海燕', '王海燕,周敏']);
        row(7, ['v10', '2014年5月13日', null, '北湖社区', 'grassroots', '座谈会', '王海燕', '王海燕']);
        ws.getCell('B4').numFmt = 'General';
        const audiences = wb.getWorksheet('活动台账-听取对象')!;
        audiences.getCell('A4').value = 'v9';
        audiences.getCell('B4').value = '群众';
        audiences.getCell('C4').value = '12';
      });
      const [saved] = resave([file]);
      const run = await runCli(['import', saved!], { cwd: root });
      expect(run.code, run.stdout).toBe(0);
      const text = body(importedText(root));
      expect(text).toContain(
        'kind: visit\nid: v9\ndate: "2014-05-12"\nplace: "12"\npattern: grassroots\nmethods:\n  - symposium\n  - home-visit\nled_by: 王海燕\nparticipants:\n  - 王海燕\n  - 周敏\naudiences:\n  - kind: masses\n    count: 12\n',
      );
      expect(text).toContain('kind: visit\nid: v10\ndate: "2014-05-13"\nplace: 北湖社区\n');
    },
    120_000,
  );

  it.skipIf(!soffice)(
    '.xls (Excel 97-2003) and .et (WPS) are converted through LibreOffice',
    async () => {
      const root = copyCampaign('zh-CN');
      const file = await fill(await template(root), { 活动台账: [VISIT] });
      const [xls] = resave([file], 'xls');
      copyFileSync(xls!, path.join(root, 'g2.xls'));
      copyFileSync(xls!, path.join(root, 'g2-wps.et'));
      const env = { NO_COLOR: '1', LANG: 'en_US.UTF-8', PATH: process.env.PATH };
      const run = await runCli(['validate', 'g2.xls', 'g2-wps.et'], { cwd: root, env });
      expect(run.code, run.stdout + run.stderr).toBe(1);
      // Two files of one workbook instance: the second is refused as a copy of the first.
      expect(run.stdout).toMatch(/^g2-wps\.et 错误 这与 g2\.xls 是同一份表格（同一个模板）：只导入最新的一份 duplicate-workbook$/m);
      const one = await runCli(['import', 'g2-wps.et'], { cwd: root, env });
      expect(one.code, one.stdout + one.stderr).toBe(0);
      expect(body(importedText(root, 'g2-wps.yaml'))).toMatch(/^kind: visit\nid: v9\n/);
    },
    120_000,
  );

  it('without LibreOffice an .xls is answered with one line saying how to save it as .xlsx', async () => {
    const root = copyCampaign('zh-CN');
    writeFileSync(path.join(root, 'old.xls'), 'not really');
    const run = await runCli(['import', 'old.xls'], { cwd: root, env: { NO_COLOR: '1', LEDGER_SOFFICE: '' } });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      'ledger: old.xls 是旧格式的表格，本机没有安装 LibreOffice，无法自动转换：请用 Excel 或 WPS 打开，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再给出另存的文件\n',
    );
    const txt = await runCli(['import', 'notes.txt'], { cwd: root });
    expect(txt.code).toBe(2);
  });
});

describe('workbooks that are not this group’s template', () => {
  it('a workbook not made by ledger template', async () => {
    const root = copyCampaign('zh-CN');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '日期';
    await wb.xlsx.writeFile(path.join(root, 'own.xlsx'));
    const run = await runCli(['import', 'own.xlsx'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^own\.xlsx 错误 这份表格不是用 ledger template 生成的（没有模板信息）.* not-a-template$/m);
    writeFileSync(path.join(root, 'broken.xlsx'), 'PK not a zip');
    const broken = await runCli(['validate', 'broken.xlsx'], { cwd: root });
    expect(broken.stdout).toMatch(
      /^broken\.xlsx 错误 无法读取该表格（.*）：请用 Excel 或 WPS 打开，重新另存为 \.xlsx workbook-unreadable$/m,
    );
  });

  it('another campaign, another group, a group no longer listed, another format', async () => {
    const root = copyCampaign('zh-CN');
    const en = copyCampaign('en');
    await template(en, 'g1', path.join(root, 'other.xlsx'));
    const file = await template(root);
    const meta = async (key: string, value: string, out: string) =>
      editBook(
        file,
        (wb) => {
          const ws = wb.getWorksheet('ledger')!;
          ws.eachRow((r) => {
            if (r.getCell(1).text === key) r.getCell(2).value = value;
          });
        },
        path.join(root, out),
      );
    await meta('group', 'g9', 'g9.xlsx');
    await meta('format', '2', 'newer.xlsx');
    const lines = async (...args: string[]) => (await runCli(['validate', ...args], { cwd: root })).stdout.split('\n');
    expect(await lines('other.xlsx')).toContain(
      'other.xlsx 错误 这份表格是“Going to the grassroots to listen to opi…”的模板，不是“下基层听意见主题活动”的 template-campaign',
    );
    expect(await lines('g9.xlsx')).toContain('g9.xlsx 错误 这份表格是 g9 组的模板，但 ledger.yaml 中没有这个组 template-group');
    expect(await lines('newer.xlsx')).toContain(
      'newer.xlsx 错误 这份表格是新版 ledger 生成的模板（格式 2，本程序只能读取格式 1）：请升级 ledger template-format',
    );
    const other = await runCli(['import', 'g2.xlsx', '--group', 'g3'], { cwd: root });
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(/^g2\.xlsx 错误 这份表格是 g2 组的模板，不是 g3 组的（--group） template-group$/m);
  });

  it('a template of an earlier record format is read with a warning when every column still maps; a column that no longer does is an error', async () => {
    const root = copyCampaign('zh-CN');
    const file = await fill(await template(root), { 活动台账: [VISIT] });
    await editBook(file, (wb) => {
      const ws = wb.getWorksheet('ledger')!;
      ws.eachRow((r) => {
        if (r.getCell(1).text === 'schema') r.getCell(2).value = 'an-older-hash';
      });
    });
    const run = await runCli(['import', 'g2.xlsx'], { cwd: root });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/^g2\.xlsx 警告 这份模板生成于记录格式调整之前；各列仍能对应到字段，照常读取 template-schema$/m);
    await editBook(file, (wb) => {
      wb.getWorksheet('活动台账')!.getCell('D1').value = 'visit/weather';
    });
    const gone = await runCli(['import', 'g2.xlsx'], { cwd: root });
    expect(gone.code).toBe(1);
    expect(gone.stdout).toMatch(
      /^g2\.xlsx:活动台账!D3 错误 “\*地点”一列已对应不到任何字段：请重新生成模板，把内容复制过去 template-column$/m,
    );
    expect(gone.stdout).not.toMatch(/template-schema/);
  });
});

describe('workbooks and Word files in group folders', () => {
  it('a workbook lying in a group folder is a warning saying to import it; it is not read as records', async () => {
    const root = copyCampaign('zh-CN');
    const file = await fill(await template(root), { 活动台账: [VISIT] });
    copyFileSync(file, path.join(root, 'groups/g2/g2.xlsx'));
    writeFileSync(path.join(root, 'groups/g2/~$g2.xlsx'), 'lock file of an open workbook');
    const run = await runCli(['validate', 'groups/g2'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^groups\/g2\/g2\.xlsx 警告 表格不是记录文件，不会被直接合并：请用 ledger import 导入（可先用 ledger validate 检查） workbook-in-group$/m,
    );
    expect(run.stdout.match(/workbook-in-group/g)).toHaveLength(1);
  });

  it('summary.docx counts as the summary (status, the audit, the manifest); an empty one does not', async () => {
    const root = copyCampaign('zh-CN');
    const docx = async (text: string) => Packer.toBuffer(new Document({ sections: [{ children: text ? [new Paragraph(text)] : [] }] }));
    const summary = path.join(root, 'groups/g2/summary.md');
    writeFileSync(summary, '');
    writeFileSync(path.join(root, 'groups/g2/summary.docx'), await docx('第二组活动总结：共开展活动四次。'));
    mkdirSync(path.join(root, 'groups/g3'), { recursive: true });
    writeFileSync(path.join(root, 'groups/g3/summary.md'), '');
    writeFileSync(path.join(root, 'groups/g3/summary.docx'), await docx(''));
    const status = JSON.parse((await runCli(['status', '--as-of', '2014-05-24', '--format', 'json'], { cwd: root })).stdout);
    const g = (id: string) => status.groups.find((x: { group: string }) => x.group === id);
    expect(g('g2').summary).toBe(true);
    expect(g('g3').summary).toBe(false);
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const audit = JSON.parse((await runCli(['audit', '--as-of', '2014-05-24', '--format', 'json'], { cwd: root })).stdout);
    const missing = audit.findings.filter((f: { code: string }) => f.code === 'missing-summary').map((f: { group: string }) => f.group);
    expect(missing).toContain('g3');
    expect(missing).not.toContain('g2');
    const manifest = readFileSync(path.join(root, 'ledgers/manifest.yaml'), 'utf8');
    expect(manifest).toMatch(/summary: groups\/g2\/summary\.docx/);
  });
});
