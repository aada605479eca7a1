// Help is the first thing a new user reads: every command shows an example, and the text is
// snapshotted so a change to it is a reviewed change. Typos get the nearest command or option.
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { VERSION } from '../../src/util/version.js';

const COMMANDS = ['init', 'new', 'validate', 'template', 'import', 'merge', 'audit', 'status', 'export', 'report', 'schema'];

const EXAMPLES = { en: 'Examples:', 'zh-CN': '示例：' };

describe('help', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    const env = { LEDGER_LANG: lang };
    it(`ledger --help lists every command and a worked example (${lang})`, async () => {
      const run = await runCli(['--help'], { cwd: REPO, env });
      expect(run.code).toBe(0);
      for (const c of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
      expect(run.stdout).toMatch(lang === 'zh-CN' ? '示例（' : 'Examples (');
      expectGolden(`help/${lang}/ledger.txt`, run.stdout);
    });

    for (const c of COMMANDS) {
      it(`ledger ${c} --help shows an example (${lang})`, async () => {
        const run = await runCli([c, '--help'], { cwd: REPO, env });
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(
          new RegExp(`${EXAMPLES[lang]}\\n  \\$ ${c === 'new' && lang === 'zh-CN' ? 'ledger new' : `ledger ${c}`}`),
        );
        expectGolden(`help/${lang}/${c}.txt`, run.stdout);
      });
    }
  }

  it('prints the version', async () => {
    const run = await runCli(['--version'], { cwd: REPO });
    expect(run).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it("words commander's own errors in Chinese too", async () => {
    const run = await runCli(['validate', '--strcit'], { cwd: REPO, env: { LEDGER_LANG: 'zh-CN' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('ledger: 没有 --strcit 这个选项（是否应为 --strict？）\n（运行 ledger --help 查看用法）\n');
    const excess = await runCli(['template', 'g2'], { cwd: REPO, env: { LEDGER_LANG: 'zh-CN' } });
    expect(excess.code).toBe(2);
    expect(excess.stderr).toMatch(/^ledger: 命令 template 不接受参数（收到 1 个）；选项以 -- 开头/);
    expect(excess.stderr).not.toMatch(/arguments|Expected/);
  });

  it('suggests the nearest command and option, exit 2', async () => {
    const cmd = await runCli(['valdate'], { cwd: REPO });
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toMatch(/unknown command 'valdate'\n\(Did you mean validate\?\)/);
    const opt = await runCli(['validate', '--strcit'], { cwd: REPO });
    expect(opt.code).toBe(2);
    expect(opt.stderr).toMatch(/unknown option '--strcit'\n\(Did you mean --strict\?\)/);
  });
});
