// Record files that cannot be read (a link leading out of the group, a link leading nowhere, a
// pipe named *.yaml, a group folder that is a broken link) are refused like an unreadable file:
// listed in rejected.yaml, counted by the audit and the report, never merely left out. A summary
// that is there but cannot be read is not reported as missing.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyCampaign, JPEG, MINI_CAMPAIGN, MINI_OPINION, MINI_VISIT_HEARD, writeCampaign, mkfifo } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2014-05-24'];

const VISIT = MINI_VISIT_HEARD;
const OPINION = MINI_OPINION('o9');
/** Group g1 with a visit, a picture and a summary: whatever a test adds is all it lacks. */
const G1 = {
  'ledger.yaml': MINI_CAMPAIGN,
  'groups/g1/v.yaml': VISIT,
  'groups/g1/photos/a.jpg': JPEG,
  'groups/g1/summary.md': 'We listened.\n',
};

function rejected(root: string): { file: string; line: number; kind: unknown; reasons: { code: string }[] }[] {
  return parse(readFileSync(path.join(root, 'ledgers/rejected.yaml'), 'utf8')) as never;
}

describe('record files that cannot be read are refused, not left out', () => {
  it('a link out of the group, a dangling link and a FIFO: in rejected.yaml, counted by the audit and the report', async () => {
    const root = writeCampaign({ ...G1, 'outside.yaml': OPINION });
    symlinkSync(path.join(root, 'outside.yaml'), path.join(root, 'groups/g1/out.yaml'));
    symlinkSync(path.join(root, 'gone.yaml'), path.join(root, 'groups/g1/dangling.yaml'));
    const fifo = mkfifo(path.join(root, 'groups/g1/pipe.yaml'));
    const validate = await runCli(['validate'], { cwd: root });
    // Each problem is reported once, at its file.
    expect(validate.stdout.match(/dangling-link$/gm)).toHaveLength(1);
    expect(validate.stdout.match(/file-outside-group$/gm)).toHaveLength(1);
    if (fifo) expect(validate.stdout.match(/not-a-regular-file$/gm)).toHaveLength(1);

    const merge = await runCli(['merge', '--allow-invalid'], { cwd: root });
    expect(merge.code).toBe(1);
    const refused = rejected(root).map((r) => [r.file, r.line, r.kind, r.reasons.map((x) => x.code)]);
    expect(refused).toEqual([
      ['groups/g1/dangling.yaml', 0, null, ['dangling-link']],
      ['groups/g1/out.yaml', 0, null, ['file-outside-group']],
      ...(fifo ? [['groups/g1/pipe.yaml', 0, null, ['not-a-regular-file']]] : []),
    ]);
    const n = fifo ? 3 : 2;
    const audit = JSON.parse((await runCli(['audit', ...AS_OF, '--format', 'json'], { cwd: root })).stdout);
    const finding = audit.findings.find((f: { code: string }) => f.code === 'refused-records');
    expect(finding?.records).toHaveLength(n);
    expect(finding?.message).toMatch(new RegExp(`unreadable: ${n}`));
    const report = await runCli(['report', ...AS_OF, '--format', 'md', '--out', 'r.md'], { cwd: root });
    expect(report.code, report.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'r.md'), 'utf8')).toMatch(new RegExp(`${n} records could not be merged`));
  });

  it('a group folder that is a broken link is an error naming it and its records are refused; an undeclared one is reported', async () => {
    const root = copyCampaign('zh-CN');
    rmSync(path.join(root, 'groups/g5'), { recursive: true });
    symlinkSync('/nonexistent-ledger-test', path.join(root, 'groups/g5'));
    symlinkSync('/nonexistent-ledger-test', path.join(root, 'groups/g9'));
    const validate = await runCli(['validate'], { cwd: root });
    expect(validate.code).toBe(1);
    expect(validate.stdout).not.toMatch(/group-folder-missing/);
    expect(validate.stdout).toMatch(/^groups\/g5 错误 .*链接.*dangling-link$/m);
    expect(validate.stdout).toMatch(/^groups\/g9 错误 .*dangling-link$/m);

    rmSync(path.join(root, 'groups/g9'));
    expect((await runCli(['merge', '--allow-invalid'], { cwd: root })).code).toBe(1);
    expect(rejected(root).map((r) => [r.file, r.kind])).toEqual([['groups/g5', null]]);
    const audit = await runCli(['audit', ...AS_OF], { cwd: root });
    const g5 = audit.stdout.split('\n\n').find((b) => b.includes(' g5 ')) ?? '';
    expect(g5).toMatch(/refused-records/);
    expect(g5).not.toMatch(/no-visits|no-opinions|未提交文字总结/);
  });
});

describe('changes.yaml', () => {
  it('records of a file now refused as a whole are refused, not removed', async () => {
    const root = writeCampaign({ ...G1, 'groups/g1/o.yaml': OPINION });
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    rmSync(path.join(root, 'groups/g1/o.yaml'));
    symlinkSync(path.join(root, 'gone.yaml'), path.join(root, 'groups/g1/o.yaml'));
    const run = await runCli(['merge', '--allow-invalid'], { cwd: root });
    expect(run.stdout).not.toMatch(/removed since the last merge/);
    const changes = parse(readFileSync(path.join(root, 'ledgers/changes.yaml'), 'utf8'));
    expect(changes).toMatchObject({ added: [], removed: [], refused: ['g1/o9'] });
  });

  it('a group folder gone since the last merge: its records are removed; behind a broken link: refused', async () => {
    const root = copyCampaign('zh-CN');
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const folder = path.join(root, 'groups/g5');
    const moved = path.join(root, 'g5-elsewhere');
    execFileSync('mv', [folder, moved]);
    symlinkSync('/nonexistent-ledger-test', folder);
    await runCli(['merge', '--allow-invalid'], { cwd: root });
    const linked = parse(readFileSync(path.join(root, 'ledgers/changes.yaml'), 'utf8'));
    expect(linked.removed).toEqual([]);
    expect(linked.refused).toContain('g5/o1');
    rmSync(folder);
    execFileSync('mv', [moved, folder]);
    await runCli(['merge'], { cwd: root });
    rmSync(folder, { recursive: true });
    const run = await runCli(['merge'], { cwd: root });
    expect(run.stdout).toMatch(/与上次合并相比减少了 \d+ 条记录：g5\//);
    const gone = parse(readFileSync(path.join(root, 'ledgers/changes.yaml'), 'utf8'));
    expect(gone.removed).toContain('g5/o1');
  });
});

describe('a summary that is there but cannot be read', () => {
  it('a FIFO summary.md: the audit says it could not be read, never that there is none', async () => {
    const root = copyCampaign('zh-CN');
    rmSync(path.join(root, 'groups/g5/summary.md'));
    if (!mkfifo(path.join(root, 'groups/g5/summary.md'))) return void console.warn('mkfifo is not available: skipped');
    expect((await runCli(['merge', '--allow-invalid'], { cwd: root })).code).toBe(1);
    const audit = await runCli(['audit', ...AS_OF], { cwd: root });
    const g5 = audit.stdout.split('\n\n').find((b) => b.includes(' g5 ')) ?? '';
    expect(g5).toMatch(/groups\/g5\/summary\.md.*无法读取.* missing-summary/);
    expect(g5).not.toMatch(/未提交文字总结/);
    // The make-up list names it by what is wrong, not as a summary not handed in.
    expect(audit.stdout).toMatch(/^ {2}g5 第五组（法治宣传）：.*文字总结无法读取/m);
    expect(audit.stdout).not.toMatch(/^ {2}g5 .*未报送文字总结/m);
    const json = JSON.parse((await runCli(['audit', ...AS_OF, '--format', 'json', '--lang', 'en'], { cwd: root })).stdout);
    const finding = json.findings.find((f: { code: string; group: string }) => f.code === 'missing-summary' && f.group === 'g5');
    expect(finding.message).toMatch(/groups\/g5\/summary\.md could not be read/);
    const report = await runCli(['report', ...AS_OF, '--format', 'md', '--out', 'r.md'], { cwd: root });
    expect(report.code, report.stderr).toBe(0);
    // The report's paragraph on g5 says so too ("文字总结无法读取", not "未报送").
    const md = readFileSync(path.join(root, 'r.md'), 'utf8');
    expect(md).toMatch(/图片资料5张，文字总结无法读取。/);
    expect(md).toMatch(/^\| 第五组（法治宣传）.*\| 无法读取 \|/m);
  });
});
