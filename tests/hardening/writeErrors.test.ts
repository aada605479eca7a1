// A file that cannot be written is told as a write ("cannot write", 无法写入), naming the file the
// user asked for (never the temporary beside it), with the reason; never as a read.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyCampaign, REPO } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2014-05-24'];
let root: string;

beforeAll(async () => {
  root = copyCampaign('zh-CN');
  expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
  writeFileSync(path.join(root, 'blocker'), 'a file where a folder should be\n');
}, 60_000);

describe('a path under a file (fails for root too)', () => {
  const cases: [string, string[], string][] = [
    ['export', ['export', ...AS_OF, '--out', 'blocker/x.xlsx'], 'blocker/x.xlsx'],
    ['report', ['report', ...AS_OF, '--format', 'md', '--out', 'blocker/r.md'], 'blocker/r.md'],
    ['Word report', ['report', ...AS_OF, '--format', 'docx', '--out', 'blocker/r.docx'], 'blocker/r.docx'],
    ['feedback', ['feedback', 'g1', '--out', 'blocker/fb'], 'blocker/fb/g1-问题反馈单.docx'],
    ['template', ['template', '--group', 'g1', '--out', 'blocker/t.xlsx'], 'blocker/t.xlsx'],
    ['schemas', ['schema', '--out', 'blocker/schemas'], 'blocker/schemas'],
  ];
  for (const [what, args, shown] of cases) {
    it(`${what}: 无法写入 the file asked for`, async () => {
      const run = await runCli(args, { cwd: root });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^ledger: 无法写入 \S+：(路径中有一段不是文件夹|这是一个文件夹)\n$/);
      expect(run.stderr).toContain(path.join(root, shown));
      expect(run.stderr).not.toMatch(/tmp-\d/);
    });
  }

  it('the ledgers folder taken by a file: merge says it cannot write there', async () => {
    const other = copyCampaign('zh-CN');
    writeFileSync(path.join(other, 'ledgers'), 'not a folder\n');
    const run = await runCli(['merge'], { cwd: other });
    expect([run.code, run.stderr]).toEqual([2, `ledger: 无法写入 ${path.join(other, 'ledgers/.lock')}：路径中有一段不是文件夹\n`]);
  });
});

/**
 * Runs the built command as a user the folder's permissions apply to: as root (which ignores
 * them) the command runs as nobody; otherwise as the current user.
 */
function asUnprivileged(cwd: string, args: string[]) {
  const root = process.getuid?.() === 0;
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin/ledger.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    ...(root ? { uid: 65534, gid: 65534 } : {}),
  });
  // A container may not let root switch users: then there is no one the permissions apply to.
  if (r.error) console.warn(`read-only folders: cannot run as another user (${r.error.message}): skipped`);
  return { code: r.status, stderr: r.stderr, skipped: r.error !== undefined };
}

describe('read-only folders', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyCampaign('zh-CN');
    // The test's temporary folder is private to its owner: others may pass through it.
    chmodSync(path.dirname(dir), 0o755);
    spawnSync('chmod', ['-R', 'a+rX', dir]);
    mkdirSync(path.join(dir, 'ledgers'));
    mkdirSync(path.join(dir, 'readonly'));
    chmodSync(path.join(dir, 'ledgers'), 0o555);
    chmodSync(path.join(dir, 'readonly'), 0o555);
  });

  it('merge into a read-only ledgers/: cannot write its lock', () => {
    const run = asUnprivileged(dir, ['merge']);
    if (run.skipped) return;
    expect([run.code, run.stderr]).toEqual([2, `ledger: 无法写入 ${path.join(dir, 'ledgers/.lock')}：没有权限\n`]);
  });

  it('template and feedback into a read-only folder: cannot write the file', () => {
    const t = asUnprivileged(dir, ['template', '--group', 'g1', '--out', 'readonly/t.xlsx']);
    if (t.skipped) return;
    expect([t.code, t.stderr]).toEqual([2, `ledger: 无法写入 ${path.join(dir, 'readonly/t.xlsx')}：没有权限\n`]);
    const f = asUnprivileged(dir, ['feedback', 'g1', '--format', 'md', '--out', 'readonly']);
    expect([f.code, f.stderr]).toEqual([2, `ledger: 无法写入 ${path.join(dir, 'readonly/g1-问题反馈单.md')}：没有权限\n`]);
  });
});
