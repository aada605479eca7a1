// Text from the groups' files can hold anything: the workbook and the reports built from it
// must still open (well-formed XML), and Markdown tables must stay tables.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { copyCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { convertToPdf, soffice, warnIfMissing } from '../helpers/soffice.js';

const AS_OF = ['--as-of', '2014-05-24'];

describe('noncharacters and line breaks from the files', () => {
  it('U+FFFE, U+FFFF and a lone CR in the title, a group name and records: the workbook, the Word report and the Markdown tables hold', async () => {
    const root = copyCampaign('zh-CN');
    const plan = path.join(root, 'ledger.yaml');
    writeFileSync(
      plan,
      readFileSync(plan, 'utf8')
        .replace(/^title: (.*)$/m, 'title: "下基层\\uFFFE听意见"')
        .replace('name: 第一组（局领导）', 'name: "第一组\\r（局领导）\\uFFFF"'),
    );
    const visit = path.join(root, 'groups/g1/visits/2014-04-15-v1.yaml');
    writeFileSync(visit, readFileSync(visit, 'utf8').replace('content: "希望', 'content: "\\uFFFE希望'));
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const xlsx = await runCli(['export', ...AS_OF, '--out', 'out.xlsx'], { cwd: root });
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(root, 'out.xlsx'));
    const opinions = wb.getWorksheet('下基层听意见台账') as ExcelJS.Worksheet;
    expect(opinions.rowCount - 3).toBe(64);
    const zip = await JSZip.loadAsync(readFileSync(path.join(root, 'out.xlsx')));
    for (const name of Object.keys(zip.files)) expect(await zip.file(name)?.async('string')).not.toMatch(/[\uFFFE\uFFFF]/);
    const docx = await runCli(['report', ...AS_OF, '--format', 'docx', '--out', 'r.docx'], { cwd: root });
    expect(docx.code, docx.stderr).toBe(0);
    const doc = await JSZip.loadAsync(readFileSync(path.join(root, 'r.docx')));
    expect(await doc.file('word/document.xml')?.async('string')).not.toMatch(/[\uFFFE\uFFFF]/);
    const md = await runCli(['report', ...AS_OF, '--format', 'md', '--out', 'r.md'], { cwd: root });
    expect(md.code).toBe(0);
    const text = readFileSync(path.join(root, 'r.md'), 'utf8');
    expect(text).not.toMatch(/\r/);
    // Every table row has as many cells as its header.
    for (const table of text.split(/\n\n/).filter((b) => b.startsWith('|'))) {
      const widths = table.split('\n').map((l) => l.split(/(?<!\\)\|/).length);
      expect(new Set(widths).size, table).toBe(1);
    }
    warnIfMissing('outputs');
    if (soffice) {
      expect(convertToPdf(path.join(root, 'out.xlsx'))).toBeGreaterThan(10_000);
      expect(convertToPdf(path.join(root, 'r.docx'))).toBeGreaterThan(10_000);
    }
  }, 120_000);
});
