// `ledger feedback`: a sheet for every group of both examples in all three formats (Markdown
// golden; the Word file unzipped and the workbook read back with exceljs), no personal data in
// any of them; a campaign with problems (validate errors, refused and returned records) in both
// languages; stale or missing ledgers; the default place and names of the files.
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findPersonal } from '../../src/personal/find.js';
import { copyCampaign, FIXTURES, MINI_CAMPAIGN, writeCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { docxParagraphs } from '../helpers/docx.js';
import { readBook } from '../helpers/workbook.js';
import { expectGolden } from '../helpers/golden.js';

const AS_OF = ['--as-of', '2014-05-24'];
const GROUPS: Record<string, string[]> = {
  'zh-CN': ['g1', 'g2', 'g3', 'g4', 'g5', 'j-dongcheng', 'j-xiguan'],
  en: ['g1', 'j-north'],
};
/** The landline format the messages give as an example: not anybody's number. */
const EXAMPLE_LANDLINE = '0371-12345678';

/** Every ID number and phone number written in a campaign's group files. */
function personalData(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) {
        for (const m of readFileSync(p, 'utf8').matchAll(/(?:id_number|phone):\s*"?([0-9Xx-]{7,18})"?/g)) out.push(m[1] as string);
      }
    }
  };
  walk(path.join(root, 'groups'));
  return out;
}

/** No ID or phone number, whole, in part (4 digits or more of one) or masked (138****8000), anywhere. */
function expectNoPersonalData(text: string, values: readonly string[], where: string): void {
  for (const v of values) expect(text.includes(v), `${where} shows ${v}`).toBe(false);
  const digits = values.map((v) => v.replace(/\D/g, ''));
  for (const run of text.replaceAll(EXAMPLE_LANDLINE, '').match(/\d{4,}/g) ?? [])
    expect(
      digits.find((d) => d.includes(run)),
      `${where} shows ${run}, digits of an ID or phone`,
    ).toBeUndefined();
  expect(text, where).not.toMatch(/\d(\\?\*){3,}|(\\?\*){3,}\\?\d/);
  const found = findPersonal(text)
    .map((f) => text.slice(f.start, f.end))
    .filter((m) => m !== EXAMPLE_LANDLINE);
  expect(found, where).toEqual([]);
}

/** The rows of the Markdown tables of a sheet (problem cell), to compare with the other formats. */
const tableRows = (md: string) => md.split('\n').filter((l) => /^\| \d+ \|/.test(l));

describe('ledger feedback on the examples', () => {
  const roots: Record<string, string> = {};
  beforeAll(async () => {
    for (const example of ['zh-CN', 'en']) {
      roots[example] = copyCampaign(example);
      expect((await runCli(['merge'], { cwd: roots[example] as string })).code).toBe(0);
    }
  });

  for (const example of ['zh-CN', 'en']) {
    it(`${example}: every group in Markdown (golden), Word and Excel, with no personal data`, async () => {
      const root = roots[example] as string;
      const zh = example === 'zh-CN';
      const personal = personalData(root);
      expect(personal.length).toBeGreaterThan(0);
      const name = (g: string, ext: string) => `${g}-${zh ? '问题反馈单' : 'feedback'}.${ext}`;
      const md = await runCli(['feedback', '--format', 'md', ...AS_OF], { cwd: root });
      expect(md.code, md.stderr).toBe(0);
      expect(md.stdout).toBe(GROUPS[example]?.map((g) => `exports/feedback/${name(g, 'md')}\n`).join(''));
      const docx = await runCli(['feedback', ...AS_OF], { cwd: root });
      expect(docx.code, docx.stderr).toBe(0);
      expect(docx.stdout).toBe(GROUPS[example]?.map((g) => `exports/feedback/${name(g, 'docx')}\n`).join(''));
      const xlsx = await runCli(['feedback', '--format', 'xlsx', ...AS_OF], { cwd: root });
      expect(xlsx.code, xlsx.stderr).toBe(0);
      for (const g of GROUPS[example] ?? []) {
        const dir = path.join(root, 'exports/feedback');
        const text = readFileSync(path.join(dir, name(g, 'md')), 'utf8');
        expectGolden(`feedback/${example}/${name(g, 'md')}`, text);
        expectNoPersonalData(text, personal, name(g, 'md'));
        const rows = tableRows(text);

        const word = await docxParagraphs(path.join(dir, name(g, 'docx')));
        expect(word.split('\n')[0]).toBe(zh ? '问题反馈单' : 'Feedback sheet');
        expect(word).toContain(text.split('\n')[2]?.replace(/\*\*/g, ''));
        expectNoPersonalData(word, personal, name(g, 'docx'));
        // every table row's problem is in the Word file
        for (const r of rows) expect(word).toContain((r.split(' | ')[3] ?? '').replace(/\\/g, ''));

        const wb = await readBook(path.join(dir, name(g, 'xlsx')));
        expect(wb.worksheets.map((ws) => ws.name)).toEqual([zh ? '问题反馈单' : 'Feedback sheet']);
        const ws = wb.worksheets[0] as ExcelJS.Worksheet;
        expect(String(ws.getRow(1).getCell(1).value)).toContain(zh ? '问题反馈单' : 'Feedback sheet');
        expect(String(ws.getRow(2).getCell(1).value)).toMatch(
          zh
            ? /报送截止日：2014年5月22日（截至2014年5月24日，已逾期2天）/
            : /Deadline for handing in: 22 May 2014 \(as of 24 May 2014: 2 days past\)/,
        );
        expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(
          zh ? ['序号', '类别', '位置', '问题', '改正方法'] : ['No.', 'Type', 'Where', 'Problem', 'How to correct it'],
        );
        expect(ws.pageSetup.paperSize).toBe(9);
        expect(ws.pageSetup.printTitlesRow).toBe('1:3');
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
        let cells = '';
        let data = 0;
        ws.eachRow((row, n) => {
          row.eachCell((c) => {
            expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
            cells += `${String(c.value)}\n`;
          });
          if (n > 3) data++;
        });
        expectNoPersonalData(cells, personal, name(g, 'xlsx'));
        expect(data).toBe(Math.max(1, rows.length));
      }
    });
  }

  it('a group with nothing to correct gets a short sheet saying so', () => {
    const text = readFileSync(path.join(roots.en as string, 'exports/feedback/g1-feedback.md'), 'utf8');
    expect(text).toContain('Nothing in the records your group handed in needs correcting.');
    expect(tableRows(text)).toEqual([]);
  });

  // The group's name, its deadline and the days left as of --as-of, in Markdown, Word and Excel alike.
  for (const [lang, asOf, name, deadline] of [
    ['en', '2014-05-24', 'Group 1 (bureau leaders):', 'Deadline for handing in: 22 May 2014 (as of 24 May 2014: 2 days past)'],
    ['en', '2014-05-20', 'Group 1 (bureau leaders):', 'Deadline for handing in: 22 May 2014 (as of 20 May 2014: 2 days left)'],
    ['zh-CN', '2014-05-21', 'Group 1 (bureau leaders)：', '报送截止日：2014年5月22日（截至2014年5月21日，还有1天）'],
  ] as const) {
    it(`${lang}, as of ${asOf}: the sheet with nothing to correct names the group, the deadline and the days left`, async () => {
      const root = roots.en as string;
      const out = `clean-${lang}-${asOf}`;
      for (const format of ['md', 'docx', 'xlsx']) {
        const run = await runCli(['feedback', 'g1', '--format', format, '--lang', lang, '--as-of', asOf, '--out', out], { cwd: root });
        expect(run.code, run.stderr).toBe(0);
      }
      const file = path.join(root, out, lang === 'en' ? 'g1-feedback' : 'g1-问题反馈单');
      const md = readFileSync(`${file}.md`, 'utf8');
      expect(tableRows(md)).toEqual([]);
      const word = await docxParagraphs(`${file}.docx`);
      for (const text of [md.replace(/\\/g, ''), word]) {
        expect(text).toContain(name);
        expect(text).toContain(deadline);
      }
      const ws = (await readBook(`${file}.xlsx`)).worksheets[0] as ExcelJS.Worksheet;
      expect(String(ws.getRow(1).getCell(1).value)).toContain(name.slice(0, -1));
      expect(String(ws.getRow(2).getCell(1).value)).toContain(deadline);
    });
  }
});

describe('ledger feedback on a campaign with problems', () => {
  async function typos(): Promise<string> {
    const root = copyCampaign(path.join(FIXTURES, 'campaigns/typos'));
    expect((await runCli(['merge', '--allow-invalid'], { cwd: root })).code).toBe(1);
    const ret = await runCli(['review', 'return', 'g2/h1', '--reason', '联系电话13800138000打不通，请核实', '--date', '2014-05-20'], {
      cwd: root,
    });
    expect(ret.code, ret.stderr).toBe(0);
    return root;
  }

  for (const lang of ['zh-CN', 'en']) {
    it(`${lang}: validate errors with fixes and suggestions, findings, refused and returned records (golden)`, async () => {
      const root = await typos();
      const run = await runCli(['feedback', '--format', 'md', '--as-of', '2014-05-20', '--lang', lang, '--out', 'fb'], { cwd: root });
      expect(run.code, run.stderr).toBe(0);
      const suffix = lang === 'zh-CN' ? '问题反馈单' : 'feedback';
      expect(run.stdout).toBe(`fb/g1-${suffix}.md\nfb/g2-${suffix}.md\n`);
      for (const g of ['g1', 'g2']) {
        const text = readFileSync(path.join(root, `fb/${g}-${suffix}.md`), 'utf8');
        expectGolden(`feedback/typos/${g}.${lang}.md`, text);
        expectNoPersonalData(text, [...personalData(root), '13800138000'], g);
      }
    });
  }

  it('a returned record the group has changed since is received, to be reviewed again', async () => {
    const root = await typos();
    const file = path.join(root, 'groups/g2/cards.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('2014-06-02', '2014-05-02'));
    await runCli(['feedback', 'g2', '--format', 'md', ...AS_OF], { cwd: root });
    const text = readFileSync(path.join(root, 'exports/feedback/g2-问题反馈单.md'), 'utf8');
    expect(text).toContain(
      '| 1 | 请核实 | cards.yaml 第1行 | 困难群众登记卡 h1 被退回：联系电话〔已隐去〕打不通，请核实 | 退回后已修改，待重新审核（无需再改）。 |',
    );
    expect(text).toContain('经检查，你所报送的材料未发现需要改正的问题。'); // a judicial office is 你所
    // the folders changed after the merge: the findings wait for the next merge
    expect(text).toContain('台账尚未更新，本单暂未列入督导检查发现的问题和未能合并的记录');
    expect(text).not.toContain('督导检查发现的问题\n');
  });

  it('a refused record’s reasons are worded in the sheet’s language, not the campaign’s (its visit has errors)', async () => {
    const root = writeCampaign({
      'ledger.yaml': MINI_CAMPAIGN,
      'groups/g1/v.yaml':
        'kind: visit\nid: v1\ndate: 2014-04-25\nplace: X\npattern: grassroots\nmethods: [symposium]\nled_by: Zhang Mign\nparticipants: [Zhang Ming]\n',
      'groups/g1/o.yaml':
        'kind: opinion\nid: o1\ndate: 2014-04-25\nvisit: v1\nchannel: symposium\ncollected_by: Li Hua\nsource: { kind: masses }\ncategory: formalism\nabout: unit\ncontent: x\n',
    });
    expect((await runCli(['merge', '--allow-invalid'], { cwd: root })).code).toBe(1);
    await runCli(['feedback', '--format', 'md', '--lang', 'zh-CN', '--out', 'fb', ...AS_OF], { cwd: root });
    const text = readFileSync(path.join(root, 'fb/g1-问题反馈单.md'), 'utf8');
    expect(text).toContain('| o.yaml 第1行 | 下基层听意见台账 o1：所属活动“v1”本身有错误');
    expect(text).not.toMatch(/has errors|is not a member/);
  });

  it('before any merge, says the findings will follow; an unknown group is an error', async () => {
    const root = copyCampaign(path.join(FIXTURES, 'campaigns/typos'));
    const run = await runCli(['feedback', 'g1', '--format', 'md', ...AS_OF], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/尚未合并，反馈单未列入督导检查发现的问题/);
    expect(readFileSync(path.join(root, 'exports/feedback/g1-问题反馈单.md'), 'utf8')).toContain(
      '台账尚未合并，本单暂未列入督导检查发现的问题',
    );
    const bad = await runCli(['feedback', 'g3'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('ledger: ledger.yaml中没有“g3”组，是否应为“g1”？\n');
    const format = await runCli(['feedback', '--format', 'pdf'], { cwd: root });
    expect(format.stderr).toMatch(/--format 应为 docx、md、xlsx 之一/);
  });
});

/** The example campaign with group g2's records in a workbook (its record files as `ledger import` wrote them), merged. */
async function g2InExcel(): Promise<string> {
  const root = copyCampaign('zh-CN');
  expect((await runCli(['template', '--group', 'g2', '--records', '--out', 'g2.xlsx'], { cwd: root })).code).toBe(0);
  for (const dir of ['visits', 'cards']) rmSync(path.join(root, 'groups/g2', dir), { recursive: true, force: true });
  expect((await runCli(['import', 'g2.xlsx'], { cwd: root })).code).toBe(0);
  expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
  return root;
}

describe('ledger feedback for a group that works in Excel', () => {
  it('points to the workbook’s sheet and cell (row for a finding’s records), not to the file the import wrote', async () => {
    const root = await g2InExcel();
    expect((await runCli(['feedback', 'g2', '--format', 'md', ...AS_OF], { cwd: root })).code).toBe(0);
    const text = readFileSync(path.join(root, 'exports/feedback/g2-问题反馈单.md'), 'utf8');
    expect(text).toMatch(/o2（g2\.xlsx 工作表“下基层听意见台账”第\d+行）/);
    expect(text).toMatch(/\| g2\.xlsx 工作表“下基层听意见台账”[A-Z]+\d+单元格 \|/);
    expect(text).not.toContain('imported/');
  });

  it('points to the cell of the field, the same cell validate names in the workbook (the row when the field has no column there)', async () => {
    const root = await g2InExcel();
    // A member renamed in ledger.yaml: every record naming him is now wrong, at his cell.
    const campaign = path.join(root, 'ledger.yaml');
    writeFileSync(campaign, readFileSync(campaign, 'utf8').replace('{ name: 孙立新,', '{ name: 孙立明,'));
    // An audience's head count is on the part sheet, whose row the imported file does not know.
    const imported = path.join(root, 'groups/g2/imported/g2.yaml');
    writeFileSync(imported, readFileSync(imported, 'utf8').replace('count: 23', 'count: 0'));
    const validate = await runCli(['validate', 'g2.xlsx', '--format', 'json'], { cwd: root });
    const cells = (JSON.parse(validate.stdout) as { diagnostics: { code: string; sheet: string; cell: string }[] }).diagnostics
      .filter((d) => d.code === 'unknown-member')
      .map((d) => `${d.sheet}!${d.cell}`);
    expect(cells.length).toBeGreaterThan(4);
    for (const lang of ['zh-CN', 'en']) {
      const run = await runCli(['feedback', 'g2', '--format', 'md', '--lang', lang, '--out', lang, ...AS_OF], { cwd: root });
      expect(run.code, run.stderr).toBe(0);
      const zh = lang === 'zh-CN';
      const text = readFileSync(path.join(root, lang, zh ? 'g2-问题反馈单.md' : 'g2-feedback.md'), 'utf8');
      const shown = zh
        ? [...text.matchAll(/\| g2\.xlsx 工作表“([^”]+)”([A-Z]+\d+)单元格 \| “孙立新”不是本组/g)]
        : [...text.matchAll(/\| g2\.xlsx, sheet "([^"]+)", cell ([A-Z]+\d+) \| "孙立新" is not a member/g)];
      expect(shown.map((m) => `${m[1]}!${m[2]}`).sort()).toEqual([...cells].sort());
      expect(text).toMatch(zh ? /\| g2\.xlsx 工作表“活动台账”第4行 \| “人数”/ : /\| g2\.xlsx, sheet "活动台账", row 4 \| /);
    }
  });
});
