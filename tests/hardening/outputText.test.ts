// Characters XML cannot hold (U+FFFE, U+FFFF, C0 controls but tab and line breaks, lone
// surrogates) may sit in any text of the files: every output still opens. Word files, workbooks
// (their document properties too), web pages, Markdown and the names of the files themselves.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { illFormedParts } from '../helpers/xml.js';

const AS_OF = ['--as-of', '2014-05-24'];
/** As YAML escapes in a double-quoted string: the file itself stays valid UTF-8. */
const BAD = '\\uFFFE\\uFFFF\\u0001\\u0008\\u000B\\u000C\\u001F\\uD800';
const ILLEGAL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

let root: string;

beforeAll(async () => {
  root = copyCampaign('zh-CN');
  const plan = path.join(root, 'ledger.yaml');
  writeFileSync(
    plan,
    readFileSync(plan, 'utf8')
      .replace(/^title: (.*)$/m, `title: "下基层${BAD}听意见"`)
      .replace(/^unit: (.*)$/m, `unit: "河东区${BAD}司法局"`)
      .replace('name: 第二组（法律援助）', `name: "第二组${BAD}（法律援助）"`),
  );
  const visit = path.join(root, 'groups/g2/visits/2014-04-15-v1.yaml');
  writeFileSync(
    visit,
    readFileSync(visit, 'utf8')
      .replace('place: "南湖社区"', `place: "南湖${BAD}社区"`)
      .replace('content: "法律援助申请', `content: "${BAD}法律援助申请`),
  );
  const merge = await runCli(['merge'], { cwd: root });
  expect(merge.code, merge.stderr).toBe(0);
}, 120_000);

describe('XML-illegal characters in the title, unit, a group name, a place and an opinion', () => {
  it('the Word feedback sheet is well-formed, its properties too', async () => {
    const run = await runCli(['feedback', 'g2', '--out', 'fb'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(await illFormedParts(path.join(root, 'fb/g2-问题反馈单.docx'))).toEqual([]);
  });

  it('the workbook and Markdown feedback sheets hold none of them', async () => {
    expect((await runCli(['feedback', 'g2', '--format', 'xlsx', '--out', 'fb'], { cwd: root })).code).toBe(0);
    expect(await illFormedParts(path.join(root, 'fb/g2-问题反馈单.xlsx'))).toEqual([]);
    expect((await runCli(['feedback', 'g2', '--format', 'md', '--out', 'fb'], { cwd: root })).code).toBe(0);
    expect(readFileSync(path.join(root, 'fb/g2-问题反馈单.md'), 'utf8')).not.toMatch(ILLEGAL);
  });

  it('the filled-in template is well-formed and its file name is clean', async () => {
    const run = await runCli(['template', '--group', 'g2', '--records'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const [name] = readdirSync(path.join(root, 'exports/templates'));
    expect(name).toBe('g2-第二组（法律援助）.xlsx');
    expect(await illFormedParts(path.join(root, 'exports/templates', name!))).toEqual([]);
    // Handed back as it is, it belongs to this campaign and its rows are the group's records.
    const back = await runCli(['import', `exports/templates/${name}`, '--dry-run'], { cwd: root });
    expect([back.code, back.stdout]).toEqual([0, expect.not.stringMatching(/template-campaign|import-conflict/)]);
  });

  it('the html report has none of them, photo captions included', async () => {
    const run = await runCli(['report', ...AS_OF, '--format', 'html', '--out', 'r.html'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(path.join(root, 'r.html'), 'utf8');
    expect(html).toContain('<figcaption>4月15日 南湖社区</figcaption>');
    expect(html).not.toMatch(ILLEGAL);
  });

  it('the export, the Word report and the default file names stay clean', async () => {
    expect((await runCli(['export', ...AS_OF], { cwd: root })).code).toBe(0);
    expect((await runCli(['report', ...AS_OF, '--format', 'docx'], { cwd: root })).code).toBe(0);
    const names = readdirSync(path.join(root, 'exports')).filter((n) => /\.(xlsx|docx)$/.test(n));
    expect(names.sort()).toEqual(['下基层听意见-2014-05-24-报告.docx', '下基层听意见-2014-05-24.xlsx']);
    for (const n of names) expect(await illFormedParts(path.join(root, 'exports', n))).toEqual([]);
  });
});
