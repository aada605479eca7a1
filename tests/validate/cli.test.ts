// Golden CLI scenarios for `ledger validate`: command, stdout, exit code.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCampaign, FIXTURES, tempDir } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

const typos = () => copyCampaign(path.join(FIXTURES, 'campaigns/typos'));

describe('ledger validate', () => {
  for (const lang of ['zh-CN', 'en']) {
    it(`text (${lang}): every problem with file:line:col, grouped by file, code last, summary last; exit 1`, async () => {
      const run = await runCli(['validate', '--lang', lang], { cwd: typos() });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      expectGolden(`validate/typos.${lang}.txt`, run.stdout);
    });

    it(`json (${lang}): the documented shape, the message in the language; exit 1`, async () => {
      const run = await runCli(['validate', '--format', 'json', '--lang', lang], { cwd: typos() });
      expect(run.code).toBe(1);
      const parsed = JSON.parse(run.stdout);
      expect(Object.keys(parsed)).toEqual(['diagnostics', 'summary']);
      expect(Object.keys(parsed.diagnostics[0])).toEqual(['severity', 'code', 'message', 'file', 'line', 'column', 'pointer']);
      expectGolden(`validate/typos.${lang}.json`, run.stdout);
    });
  }

  it('speaks the campaign locale by default; LEDGER_LANG and --lang override it', async () => {
    const root = typos();
    expect((await runCli(['validate'], { cwd: root })).stdout).toMatch(/共检查 3 个文件/);
    expect((await runCli(['validate'], { cwd: root, env: { LEDGER_LANG: 'en', NO_COLOR: '1' } })).stdout).toMatch(/3 files, 3 records/);
    expect((await runCli(['validate', '--lang', 'zh-CN'], { cwd: root, env: { LEDGER_LANG: 'en' } })).stdout).toMatch(/共检查/);
    const outside = tempDir();
    expect((await runCli(['validate'], { cwd: outside, env: { LANG: 'C' } })).stderr).toMatch(/^ledger: 在 .*都没有 ledger\.yaml/);
    expect((await runCli(['validate'], { cwd: outside, env: {} })).stderr).toMatch(/^ledger: 在/);
    expect((await runCli(['validate'], { cwd: outside, env: { LANG: 'zh_CN.UTF-8' } })).stderr).toMatch(/^ledger: 在/);
    expect((await runCli(['validate'], { cwd: outside, env: { LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' } })).stderr).toMatch(
      /^ledger: no ledger/,
    );
  });

  it('--quiet shows errors only and keeps the exit code', async () => {
    const run = await runCli(['validate', '--quiet'], { cwd: typos() });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/ 警告 /);
    expect(run.stdout).toMatch(/ 错误 /);
  });

  it('a named group folder, run from inside it: only that group is reported', async () => {
    const root = typos();
    const run = await runCli(['validate', '.'], { cwd: path.join(root, 'groups/g2') });
    expect(run.stdout).not.toMatch(/groups\/g1/);
    expect(run.stdout).toMatch(/^groups\/g2\/cards\.yaml:3:7 警告 .* date-outside-period$/m);
    expect(run.code).toBe(0);
    const strict = await runCli(['validate', '--strict', 'groups/g2'], { cwd: root });
    expect(strict.code).toBe(1);
  });

  it('with no paths, run inside a group folder, checks that group and says so on stderr', async () => {
    const root = typos();
    const run = await runCli(['validate'], { cwd: path.join(root, 'groups/g2') });
    expect(run.stdout).not.toMatch(/groups\/g1/);
    expect(run.stderr).toMatch(/^只检查 groups\/g2/);
    expect(run.code).toBe(0);
  });

  it('-C names the campaign; a clean campaign exits 0', async () => {
    const root = typos();
    writeFileSync(path.join(root, 'groups/g2/cards.yaml'), '# nothing yet\n');
    const run = await runCli(['-C', root, 'validate', 'groups/g2'], { cwd: tempDir() });
    expect(run.stdout).toBe(
      'groups/g2/cards.yaml:1:1 警告 文件中没有任何记录 empty-file\n\n共检查 2 个文件、0 条记录：0 个错误，1 个警告\n',
    );
    expect(run.code).toBe(0);
  });

  it('no ledger.yaml: exit 2 with one line', async () => {
    const run = await runCli(['validate'], { cwd: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^ledger: no ledger\.yaml in .* \(run inside a campaign, or name one with -C <dir>\)\n$/);
  });

  it('usage errors exit 2', async () => {
    const root = typos();
    expect((await runCli(['validate', '--format', 'xml'], { cwd: root })).code).toBe(2);
    expect((await runCli(['validate', '--nope'], { cwd: root })).code).toBe(2);
    const outside = await runCli(['validate', '/'], { cwd: root });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^ledger: \/ 不在活动文件夹 .* 中\n$/);
    const missing = await runCli(['validate', 'groups/nosuch', 'groups/g1/visits/nosuch.yaml'], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/groups\/nosuch 不存在/);
  });

  it('colour only on a TTY, and never with NO_COLOR or --no-color', async () => {
    const root = typos();
    const tty = await runCli(['validate'], { cwd: root, tty: true, env: {} });
    expect(tty.stdout).toMatch(/\u001b\[/);
    const noColor = await runCli(['validate'], { cwd: root, tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
    const flag = await runCli(['--no-color', 'validate'], { cwd: root, tty: true, env: {} });
    expect(flag.stdout).not.toMatch(/\u001b\[/);
    const pipe = await runCli(['validate'], { cwd: root, tty: false, env: {} });
    expect(pipe.stdout).not.toMatch(/\u001b\[/);
  });
});
