// A phone or ID number typed into the wrong field (a name, a category) is never quoted back,
// not even in part (〔已隐去〕 / [removed] stands for it): on the terminal, in --format json, in
// ledgers/rejected.yaml and on the feedback sheets. Control characters in a file's name never reach a feedback sheet raw.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyCampaign, MINI_CAMPAIGN, MINI_VISIT, writeCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { docxParagraphs } from '../helpers/docx.js';
import { readBook } from '../helpers/workbook.js';

/** The numbers, in the spellings typed below or masked in part: no four of their digits may appear anywhere. */
const RAW = /8613812345678|138 1234 5678|19500101|110101-1950|\*{4}5678|110101\*|\*1239/;
const BAD_NAME = 'bad\u001b[2J\u0007 name.yaml';
let root: string;

beforeAll(() => {
  root = copyCampaign('zh-CN');
  const file = path.join(root, 'groups/g2/visits/2014-04-15-v1.yaml');
  const text = readFileSync(file, 'utf8')
    .replace('led_by: 王海燕', 'led_by: "+8613812345678"')
    .replace('category: 官僚主义', 'category: "官僚 138 1234 5678 110101-19500101-1239"');
  writeFileSync(file, text);
  // The same records again under a hostile name, their ids moved out of the way.
  writeFileSync(
    path.join(root, 'groups/g2/visits', BAD_NAME),
    text.replace(/^id: ([a-z]+)(\d+)$/gm, 'id: $19$2').replace(/^visit: v1$/gm, 'visit: v91'),
  );
});

describe('personal numbers in the wrong field', () => {
  it('validate (text and json) removes them', async () => {
    const text = await runCli(['validate'], { cwd: root });
    expect(text.stdout).toContain('“〔已隐去〕”不是本组');
    expect(text.stdout).toContain('“官僚 〔已隐去〕 〔已隐去〕”');
    expect(text.stdout).not.toMatch(RAW);
    const json = await runCli(['validate', '--format', 'json'], { cwd: root });
    expect(json.stdout).not.toMatch(RAW);
  });

  it('merge --allow-invalid: rejected.yaml and the terminal leave them out', async () => {
    const merge = await runCli(['merge', '--allow-invalid'], { cwd: root });
    expect(merge.code).toBe(1);
    expect(merge.stdout + merge.stderr).not.toMatch(RAW);
    const rejected = readFileSync(path.join(root, 'ledgers/rejected.yaml'), 'utf8');
    expect(rejected).toContain('“〔已隐去〕”');
    expect(rejected).not.toMatch(RAW);
  });

  it('the feedback sheets, in every format, leave them out and hold no raw control character', async () => {
    for (const format of ['md', 'docx', 'xlsx']) {
      const run = await runCli(['feedback', 'g2', '--as-of', '2014-05-24', '--format', format, '--out', 'fb'], { cwd: root });
      expect(run.code, run.stderr).toBe(0);
    }
    // Markdown escapes the stars of a masked number and the backslash of an escape.
    const md = readFileSync(path.join(root, 'fb/g2-问题反馈单.md'), 'utf8').replace(/\\([*[\\])/g, '$1');
    const docx = await docxParagraphs(path.join(root, 'fb/g2-问题反馈单.docx'));
    const book = await readBook(path.join(root, 'fb/g2-问题反馈单.xlsx'));
    const cells: string[] = [];
    book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(c.text))));
    for (const [what, text] of [
      ['md', md],
      ['docx', docx],
      ['xlsx', cells.join('\n')],
    ] as const) {
      expect(text, what).toContain('〔已隐去〕');
      expect(text, what).not.toMatch(RAW);
      expect(text, what).not.toMatch(/[\u0007\u001b]/);
      // Shown as the terminal shows it, so the group can tell which file it is.
      expect(text, what).toContain('bad\\x1b[2J\\x07 name.yaml');
    }
    expect(readdirSync(path.join(root, 'fb'))).toHaveLength(3);
  });

  it('a finding quoting a place, and an error quoting an option, leave them out too', async () => {
    const mini = writeCampaign({
      'ledger.yaml': MINI_CAMPAIGN,
      'groups/g1/v.yaml': MINI_VISIT.replace('place: Xingfu Community', 'place: Xingfu Community, call 138 1234 5678'),
    });
    expect((await runCli(['merge'], { cwd: mini })).code).toBe(0);
    const audit = await runCli(['audit', '--as-of', '2014-05-24'], { cwd: mini });
    expect(audit.stdout).toContain('call [removed]');
    expect(audit.stdout + audit.stderr).not.toMatch(RAW);
    const json = await runCli(['audit', '--as-of', '2014-05-24', '--format', 'json'], { cwd: mini });
    expect(json.stdout).not.toMatch(RAW);
    const option = await runCli(['export', '--group', '+8613812345678'], { cwd: mini });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('[removed]');
    expect(option.stderr).not.toMatch(RAW);
  });
});
