// Every diagnostic code as a person reads it, in both languages: one scenario per code (or a few
// codes a scenario cannot help producing together), run through the CLI as a clerk would, the
// text output kept as a golden file. The last test fails when a code has no scenario, so a new
// code cannot ship without its words being looked at in both languages.
import ExcelJS from 'exceljs';
import { cpSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticLines } from '../../src/format/diagnostics.js';
import { diagnostic } from '../../src/messages/diagnostic.js';
import { DIAGNOSTIC_CODES } from '../../src/messages/diagnosticCodes.js';
import {
  copyCampaign,
  EXAMPLES,
  FIXTURES,
  JPEG,
  MINI_CAMPAIGN,
  MINI_VISIT,
  tempDir,
  writeCampaign,
  mkfifo,
  writeCity,
} from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { fill, G2_VISIT_ROW, G2_OPINION_ROW, G2_APPEAL_AS_NUMBERS, addOwnColumn } from '../helpers/fill.js';
import { expectGolden } from '../helpers/golden.js';
import { editBook } from '../helpers/workbook.js';

const LANGS = ['zh-CN', 'en'] as const;
const seen = new Set<string>();

interface Scenario {
  /** The campaign folder the command runs in. */
  root: string;
  /** The command and its arguments (validate by default). */
  args?: string[];
}

const FIXTURE_DIR = path.join(FIXTURES, 'validate');
const VISIT_EN = MINI_VISIT;
const OPINION_EN = (id: string, content: string, source = 'masses') =>
  `kind: opinion\nid: ${id}\ndate: 2014-04-25\nvisit: v1\nchannel: symposium\ncollected_by: Li Hua\nsource: { kind: ${source} }\ncategory: formalism\nabout: unit\ncontent: ${JSON.stringify(content)}\n`;
const VISIT_ROW = G2_VISIT_ROW;
const OPINION_ROW = (content: string) => ({ ...G2_OPINION_ROW, 意见内容: content });

function mini(files: Record<string, string | Uint8Array>): string {
  return writeCampaign({ 'ledger.yaml': MINI_CAMPAIGN, 'groups/g1/photos/ok.jpg': JPEG, ...files });
}

async function template(root: string, out = 'g2.xlsx'): Promise<string> {
  const run = await runCli(['template', '--group', 'g2', '--out', out], { cwd: root });
  expect(run.code, run.stderr).toBe(0);
  return path.join(root, out);
}

async function setMeta(file: string, key: string, value: string, out: string): Promise<string> {
  return editBook(
    file,
    (wb) => {
      wb.getWorksheet('ledger')!.eachRow((r) => {
        if (r.getCell(1).text === key) r.getCell(2).value = value;
      });
    },
    out,
  );
}

async function city(): Promise<string> {
  const top = tempDir();
  cpSync(path.join(EXAMPLES, 'zh-CN'), path.join(top, 'hedong'), { recursive: true });
  expect((await runCli(['merge'], { cwd: path.join(top, 'hedong') })).code).toBe(0);
  writeCity(top, ['../hedong/ledgers', '../nowhere/ledgers']);
  const edited = path.join(top, 'hedong/ledgers/opinions.yaml');
  writeFileSync(edited, readFileSync(edited, 'utf8').replace('category: formalism', 'category: general'));
  return path.join(top, 'city');
}

/** Scenarios that need more than one record file, a link, a special file or a workbook. */
const SCENARIOS: Record<string, () => Scenario | Promise<Scenario>> = {
  'not-utf8': () => ({
    root: mini({
      'groups/g1/gbk.yaml': Buffer.concat([Buffer.from('kind: visit\nplace: '), Buffer.from([0xd0, 0xcb, 0xb8, 0xa3]), Buffer.from('\n')]),
    }),
  }),
  'yaml-too-deep': () => ({ root: mini({ 'groups/g1/deep.yaml': `kind: visit\nnotes: ${'['.repeat(100)}${']'.repeat(100)}\n` }) }),
  links: () => {
    const root = mini({
      'outside.yaml': VISIT_EN,
      'secret.jpg': JPEG,
      'groups/g1/v.yaml': VISIT_EN.replace('participants', 'photos: [photos/link.jpg]\nparticipants'),
    });
    symlinkSync(path.join(root, 'outside.yaml'), path.join(root, 'groups/g1/out.yaml'));
    symlinkSync(path.join(root, 'gone.yaml'), path.join(root, 'groups/g1/dangling.yaml'));
    symlinkSync(path.join(root, 'secret.jpg'), path.join(root, 'groups/g1/photos/link.jpg'));
    symlinkSync(path.join(root, 'outside.yaml'), path.join(root, 'groups/g1/summary.md'));
    return { root };
  },
  'special-files': () => {
    const root = mini({ 'groups/g1/v.yaml': VISIT_EN, 'groups/g1/big.yaml': '' });
    truncateSync(path.join(root, 'groups/g1/big.yaml'), 3 * 1024 * 1024 * 1024); // sparse: nothing on disk
    expect(mkfifo(path.join(root, 'groups/g1/pipe.yaml'))).toBe(true);
    return { root };
  },
  groups: () => {
    const root = writeCampaign({ 'ledger.yaml': MINI_CAMPAIGN, 'groups/g9/x.yaml': VISIT_EN });
    symlinkSync(path.join(root, 'gone'), path.join(root, 'groups/g8')); // a folder link leading nowhere
    return { root };
  },
  'likely-duplicate': () => ({
    root: mini({
      'groups/g1/v.yaml': VISIT_EN,
      'groups/g1/a.yaml': OPINION_EN('o1', 'Too many meetings and forms; the window staff send people back for missing papers.'),
      'groups/g1/b.yaml': OPINION_EN('o2', 'Too many meetings and forms, the window staff send people back for missing papers!'),
    }),
  }),
  'summary-not-docx': () => ({ root: mini({ 'groups/g1/v.yaml': VISIT_EN, 'groups/g1/summary.docx': 'not a Word file' }) }),
  units: async () => ({ root: await city(), args: ['merge'] }),
  'workbook-files': async () => {
    const root = copyCampaign('zh-CN');
    const own = new ExcelJS.Workbook();
    own.addWorksheet('Sheet1').getCell('A1').value = '日期';
    await own.xlsx.writeFile(path.join(root, 'own.xlsx'));
    writeFileSync(path.join(root, 'broken.xlsx'), 'PK not a zip');
    const file = await fill(await template(root), { 活动台账: [VISIT_ROW] });
    cpSync(file, path.join(root, 'groups/g2/g2.xlsx'));
    cpSync(file, path.join(root, 'g2-copy.xlsx'));
    return { root, args: ['validate', 'own.xlsx', 'broken.xlsx', 'g2.xlsx', 'g2-copy.xlsx', 'groups/g2'] };
  },
  'template-meta': async () => {
    const root = copyCampaign('zh-CN');
    const en = copyCampaign('en');
    const other = await runCli(['template', '--group', 'g1', '--out', path.join(root, 'other.xlsx')], { cwd: en });
    expect(other.code, other.stderr).toBe(0);
    const file = await fill(await template(root), { 活动台账: [VISIT_ROW] });
    await setMeta(file, 'group', 'g9', path.join(root, 'g9.xlsx'));
    await setMeta(file, 'format', '2', path.join(root, 'newer.xlsx'));
    await setMeta(file, 'schema', 'an-older-hash', path.join(root, 'older.xlsx'));
    return { root, args: ['validate', 'other.xlsx', 'g9.xlsx', 'newer.xlsx', 'older.xlsx'] };
  },
  'template-column': async () => {
    const root = copyCampaign('zh-CN');
    await editBook(await template(root), (wb) => {
      wb.getWorksheet('活动台账')!.getCell('D1').value = 'visit/weather';
    });
    return { root, args: ['validate', 'g2.xlsx'] };
  },
  'workbook-rows': async () => {
    const root = copyCampaign('zh-CN');
    const file = await fill(await template(root), {
      活动台账: [{ ...VISIT_ROW, 编号: 'v1' }],
      '活动台账-听取对象': [{ 活动编号: 'v8', 对象类别: '群众', 人数: 3 }],
      民生诉求登记卡: [G2_APPEAL_AS_NUMBERS],
    });
    await addOwnColumn(file);
    return { root, args: ['validate', 'g2.xlsx'] };
  },
  // Two members each fill a copy of one blank template: the second copy keeps none of the
  // first's records, so it is refused (the import would replace them).
  'import-replaces-all': async () => {
    const root = copyCampaign('zh-CN');
    const blank = await template(root);
    cpSync(blank, path.join(root, '周敏.xlsx'));
    await fill(blank, { 下基层听意见台账: [OPINION_ROW('办事指南更新不及时。'), OPINION_ROW('窗口排队时间长。')] });
    expect((await runCli(['import', 'g2.xlsx'], { cwd: root })).code).toBe(0);
    await fill(path.join(root, '周敏.xlsx'), { 下基层听意见台账: [OPINION_ROW('路灯不亮。')] });
    return { root, args: ['import', '周敏.xlsx', '--dry-run'] };
  },
  // The same workbook returned again under the name WeChat gives it, one row deleted.
  'import-removes': async () => {
    const root = copyCampaign('zh-CN');
    const file = await fill(await template(root), {
      下基层听意见台账: [OPINION_ROW('办事指南更新不及时。'), OPINION_ROW('窗口排队时间长。')],
    });
    expect((await runCli(['import', 'g2.xlsx'], { cwd: root })).code).toBe(0);
    await editBook(file, (wb) => void wb.getWorksheet('下基层听意见台账')!.spliceRows(4, 1), path.join(root, 'g2(1).xlsx'));
    return { root, args: ['import', 'g2(1).xlsx', '--dry-run'] };
  },
  // What a returned workbook's cells can hold that YAML cannot: a formula never calculated, a yes/no typed in words.
  'workbook-cells': async () => {
    const root = copyCampaign('zh-CN');
    await fill(await template(root), {
      活动台账: [VISIT_ROW],
      '活动台账-听取对象': [{ 活动编号: 'v9', 对象类别: '群众', 人数: 3 }],
      下基层听意见台账: [{ ...OPINION_ROW('办事指南更新不及时。'), 已反馈: '是的' }],
    });
    await editBook(path.join(root, 'g2.xlsx'), (wb) => {
      // As a writer that does not calculate stores it: the formula, and no value.
      wb.getWorksheet('活动台账-听取对象')!.getCell('C4').value = { formula: 'SUM(D4:F4)' } as ExcelJS.CellFormulaValue;
    });
    return { root, args: ['validate', 'g2.xlsx'] };
  },
};

function normalize(text: string, root: string): string {
  return text.split(root).join('<campaign>').split(path.dirname(root)).join('<temp>');
}

async function runScenario(name: string, scenario: Scenario): Promise<void> {
  const args = scenario.args ?? ['validate'];
  for (const lang of LANGS) {
    const text = await runCli([...args, '--lang', lang], { cwd: scenario.root });
    expect(text.code, `${name}: ${text.stderr}`).toBeLessThan(2);
    expect(text.stderr).not.toMatch(/internal|at .*\.ts:\d+/);
    expectGolden(`diagnostics/${name}.${lang}.txt`, normalize(text.stdout, scenario.root));
  }
  const json = await runCli([...args, '--lang', 'en', '--format', 'json'], { cwd: scenario.root });
  for (const d of JSON.parse(json.stdout).diagnostics as { code: string }[]) seen.add(d.code);
}

describe('every diagnostic, both languages, as the CLI prints it', () => {
  const fixtures = readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  for (const name of fixtures) {
    it(`fixture ${name}`, async () => {
      const text = readFileSync(path.join(FIXTURE_DIR, name));
      const extra: Record<string, string> = name === 'photo-not-image.yaml' ? { 'groups/g1/photos/fake.jpg': 'not a picture' } : {};
      await runScenario(name.replace(/\.yaml$/, ''), {
        root: mini({ [`groups/g1/${name}`]: text, ...extra }),
        args: ['validate', `groups/g1/${name}`],
      });
    });
  }
  for (const [name, make] of Object.entries(SCENARIOS)) {
    it(name, async () => runScenario(name, await make()), 30_000);
  }

  // A record refused because its visit has errors is no diagnostic of its own (the visit's error
  // is): the reason reaches the group on its feedback sheet, in the sheet's language.
  it('visit-has-errors (the feedback sheet’s refused records)', async () => {
    const root = mini({
      'groups/g1/v.yaml': VISIT_EN.replace('led_by: Zhang Ming', 'led_by: Zhang Mign'),
      'groups/g1/o.yaml': OPINION_EN('o1', 'Too many meetings.'),
    });
    expect((await runCli(['merge', '--allow-invalid'], { cwd: root })).code).toBe(1);
    for (const lang of LANGS) {
      const run = await runCli(['feedback', '--format', 'md', '--lang', lang, '--out', 'fb', '--as-of', '2014-05-24'], { cwd: root });
      expect(run.code, run.stderr).toBe(0);
      const sheet = readFileSync(path.join(root, run.stdout.trim()), 'utf8');
      const refused = sheet.split('\n').filter((l) => l.includes('o.yaml'));
      expect(refused).toHaveLength(1);
      expectGolden(`diagnostics/visit-has-errors.${lang}.txt`, `${refused.join('\n')}\n`);
    }
    if (readFileSync(path.join(root, 'ledgers/rejected.yaml'), 'utf8').includes('code: visit-has-errors')) seen.add('visit-has-errors');
  });

  // A read that fails after the file was found cannot be staged portably (root reads anything):
  // its words go through the same formatter from the catalog.
  it('unreadable-file (from the catalog)', () => {
    const d = diagnostic('unreadable-file', { reason: 'EACCES' }, { file: 'groups/g1/v.yaml', line: 0, column: 0 });
    const plain = { red: String, yellow: String, green: String, bold: String, dim: String } as unknown as Parameters<
      typeof diagnosticLines
    >[1]['color'];
    for (const lang of LANGS)
      expectGolden(`diagnostics/unreadable-file.${lang}.txt`, `${diagnosticLines([d], { color: plain, lang }).join('\n')}\n`);
    seen.add('unreadable-file');
  });

  it('leaves no code without a scenario', () => {
    expect(Object.keys(DIAGNOSTIC_CODES).filter((c) => !seen.has(c))).toEqual([]);
  });
});
