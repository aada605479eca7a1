// Files named after a group, the campaign or a returned workbook: a name as long as validate
// allows still makes a file every file system takes (255 bytes, the temporary beside it too).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { fill, G2_VISIT_ROW } from '../helpers/fill.js';

const LONG_GROUP = '第二组法律援助'.repeat(28); // 196 characters, 588 bytes
const LONG_TITLE = '下基层听意见主题活动'.repeat(20);
const bytes = (s: string) => Buffer.byteLength(s);

function longNames(): string {
  const root = copyCampaign('zh-CN');
  const plan = path.join(root, 'ledger.yaml');
  writeFileSync(
    plan,
    readFileSync(plan, 'utf8')
      .replace('name: 第二组（法律援助）', `name: ${LONG_GROUP}`)
      .replace(/^title: (.*)$/m, `title: ${LONG_TITLE}`),
  );
  return root;
}

describe('long names', () => {
  it('a 196-character group name passes validate and its template is written, the name shortened', async () => {
    const root = longNames();
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
    const run = await runCli(['template', '--group', 'g2'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const [name] = readdirSync(path.join(root, 'exports/templates'));
    expect(name).toMatch(/^g2-第二组法律援助.*\.xlsx$/);
    expect(bytes(name!)).toBeLessThanOrEqual(200);
    const all = await runCli(['template'], { cwd: root });
    expect(all.code, all.stderr).toBe(0);
    expect(readdirSync(path.join(root, 'exports/templates'))).toHaveLength(7);
  });

  it('export, report and feedback files are shortened by the same rule', async () => {
    const root = longNames();
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    for (const args of [['export'], ['report', '--format', 'docx'], ['feedback', 'g2']]) {
      const run = await runCli([...args, '--as-of', '2014-05-24'], { cwd: root });
      expect(run.code, run.stderr).toBe(0);
    }
    const names = [...readdirSync(path.join(root, 'exports')), ...readdirSync(path.join(root, 'exports/feedback'))];
    for (const n of names) expect(bytes(n)).toBeLessThanOrEqual(200);
  });

  it('a returned workbook with a name near the limit is imported into a file of a shorter name', async () => {
    const root = copyCampaign('zh-CN');
    expect((await runCli(['template', '--group', 'g2'], { cwd: root })).code).toBe(0);
    const long = `${'第二组'.repeat(27)}x.xlsx`; // 249 bytes
    await fill(path.join(root, 'exports/templates/g2-第二组（法律援助）.xlsx'), { 活动台账: [G2_VISIT_ROW] }, path.join(root, long));
    const run = await runCli(['import', long], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const written = readdirSync(path.join(root, 'groups/g2/imported'));
    expect(written).toHaveLength(1);
    expect(bytes(written[0]!)).toBeLessThanOrEqual(200);
  });
});
