// docs/使用说明.md is the clerk's manual; its examples must work. Every `ledger …` line of its ```sh
// blocks is run, in the order of the page, on one copy of examples/zh-CN (`ledger init` in an
// empty folder; the skeletons `ledger new` writes are removed again, so later examples see the
// example campaign): none may stop with exit code 2 (a usage, configuration or I/O error). Every
// option the page names, in examples or in prose, is an option of the command table; every
// command has its section.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/audit/rules.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { copyCampaign, REPO, tempDir } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { fill, G2_VISIT_ROW, G2_OPINION_ROW } from '../helpers/fill.js';

const TEXT = readFileSync(path.join(REPO, 'docs/使用说明.md'), 'utf8');
const GLOBAL = ['-C', '--no-color', '--verbose', '-h', '--help', '-V', '--version'];

/** The option names of a flags string: '-q, --quiet' → -q, --quiet; '--format <format>' → --format. */
const names = (flags: string) => flags.split(/[ ,]+/).filter((f) => f.startsWith('-'));
const OPTIONS = new Map(COMMANDS.map((c) => [c.name, new Set([...c.options.flatMap((o) => names(o.flags)), ...GLOBAL])]));
const ALL_OPTIONS = new Set([...COMMANDS.flatMap((c) => c.options.flatMap((o) => names(o.flags))), ...GLOBAL]);

/** A command line split as a shell would (quotes, no expansion), without a trailing `> file`. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]!);
  const redirect = out.indexOf('>');
  return redirect < 0 ? out : out.slice(0, redirect);
}

/** Every line of the page's ```sh blocks, in order, each as its `&&`-separated parts. */
function shLines(text: string): string[][][] {
  return [...text.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].flatMap((m) =>
    m[1]!
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter(Boolean)
      .map((l) => l.split('&&').map((p) => words(p.trim()))),
  );
}

/** The command of `ledger [-C dir] <command> …` and its arguments. */
function commandOf(argv: readonly string[]): { name: string; rest: string[] } {
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-')) i += argv[i] === '-C' ? 2 : 1;
  return { name: argv[i] ?? '', rest: argv.slice(i + 1) };
}

describe('docs/使用说明.md: the manual', () => {
  const lines = shLines(TEXT);
  const ledgerCalls = lines.flat().filter((w) => w[0] === 'ledger');

  it('has examples, each of a command of the command table with its own options only', () => {
    expect(ledgerCalls.length).toBeGreaterThan(30);
    for (const w of ledgerCalls) {
      const { name, rest } = commandOf(w.slice(1));
      const options = OPTIONS.get(name);
      expect(options, `ledger ${w.slice(1).join(' ')}: no command ${name}`).toBeDefined();
      for (const token of rest.filter((t) => t.startsWith('-')))
        expect(options!.has(token.split('=')[0]!), `ledger ${w.slice(1).join(' ')}: ${token}`).toBe(true);
    }
  });

  it('names only options that exist', () => {
    const named = [...TEXT.matchAll(/(?<![\w-])(--?[a-zA-Z][a-z-]*)/g)]
      .map((m) => m[1]!)
      .filter((t) => t.startsWith('--') || t.length === 2);
    expect([...new Set(named.filter((t) => !ALL_OPTIONS.has(t)))]).toEqual([]);
  });

  it('has a section for every command, and the command table lists them all', () => {
    for (const c of COMMANDS) {
      expect(TEXT, c.name).toMatch(new RegExp(`^### \`ledger ${c.name}[ \`]`, 'm'));
      expect(TEXT, c.name).toMatch(new RegExp(`^\\| \`ledger ${c.name}[ \`]`, 'm'));
    }
  });

  it('counts the supervision rules as the audit has them', () => {
    expect(TEXT).toContain(`${RULES.length} 条规则`);
  });

  it('every example runs on a copy of the example campaign without a usage or configuration error', async () => {
    const root = copyCampaign('zh-CN');
    const env = { NO_COLOR: '1', LANG: 'zh_CN.UTF-8' };
    for (const parts of lines) {
      let cwd = root;
      for (const w of parts) {
        if (w[0] === 'cd') {
          cwd = path.resolve(cwd, w[1]!);
          continue;
        }
        if (w[0] !== 'ledger') continue;
        const argv = w.slice(1);
        const { name } = commandOf(argv);
        const at = name === 'init' ? tempDir() : cwd;
        const run = await runCli(argv, { cwd: at, env });
        expect(run.code, `ledger ${argv.join(' ')}\n${run.stderr}`).not.toBe(2);
        expect(run.stderr, `ledger ${argv.join(' ')}`).not.toMatch(/internal error|内部错误/);
        // A skeleton from `ledger new` is left unfilled on purpose: remove it, so it does not fail the merge.
        if (name === 'new') for (const f of run.stdout.split('\n').filter(Boolean)) rmSync(path.resolve(at, f));
      }
    }
  }, 180_000);

  // The walk-through shows what validate says of a returned workbook: the same workbook, filled
  // in as the page describes, must give exactly those lines (the cells and the counts too).
  it('the returned-workbook example of step 4 is what validate prints for it', async () => {
    const shown = /`validate` 只检查不写入[^\n]*\n\n```text\n([\s\S]*?)^```$/m.exec(TEXT)?.[1];
    expect(shown, 'the ```text block after “validate 只检查不写入”').toBeDefined();
    const root = copyCampaign('zh-CN');
    const env = { NO_COLOR: '1', LANG: 'zh_CN.UTF-8' };
    expect((await runCli(['template', '--group', 'g2', '--out', '第二组.xlsx'], { cwd: root, env })).code).toBe(0);
    const opinion = G2_OPINION_ROW;
    await fill(path.join(root, '第二组.xlsx'), {
      活动台账: [{ ...G2_VISIT_ROW, 带队领导: '王海艳' }],
      下基层听意见台账: [{ ...opinion, 听取渠道: '当面谈' }, opinion],
    });
    const run = await runCli(['validate', '第二组.xlsx'], { cwd: root, env });
    expect(run.stdout).toBe(shown);
  });

  it('links no file outside the repository', () => {
    expect(TEXT).not.toMatch(/\.\.\/shared/);
  });
});
