// The CLI as a function: argv and streams in, exit code out. bin/ledger.js is the only caller
// that touches the real process. Here, and only here, typed errors become words (in the
// user's language) and exit codes.
import { Command, CommanderError } from 'commander';
import { registerCommands } from './cli/commands.js';
import { configureHelp } from './cli/help.js';
import { resolveLang } from './cli/language.js';
import { makeRuntime, type MainOptions, type Runtime } from './cli/runtime.js';
import { exitStatus, LedgerError, renderError } from './messages/errors.js';
import { ui } from './messages/ui.js';
import type { Lang } from './messages/words.js';
import { escapeControl } from './text/escape.js';
import { VERSION } from './util/version.js';

export type { MainOptions };

export async function main(opts: MainOptions): Promise<number> {
  const lang = resolveLang(opts.argv, opts.env, opts.cwd);
  let runtime: Runtime | undefined;
  let commanderMessage = '';
  const program = new Command();
  const zh = lang === 'zh-CN';
  program
    .name('ledger')
    .description(
      zh
        ? '“下基层听意见”台账工具：检查、合并、督导、导出和报告。'
        : 'Validate, merge, audit, export and report the "going to the grassroots to listen to opinions" ledgers.',
    )
    .version(VERSION, '-V, --version', zh ? '显示版本号' : 'output the version number')
    .option(
      '-C <dir>',
      zh
        ? '在 <dir> 中的活动里运行（默认：从当前文件夹向上找 ledger.yaml）'
        : 'run in the campaign at <dir> instead of the nearest ledger.yaml upward',
    )
    .option('--no-color', zh ? '不用颜色（也遵从 NO_COLOR）' : 'no colours (NO_COLOR is honoured too)')
    .option('--verbose', zh ? '内部错误时显示调用栈' : 'show stack traces of internal errors')
    .showSuggestionAfterError(true)
    .addHelpText('after', programHelp(lang))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void opts.stdout.write(s),
      writeErr: (s) => void opts.stderr.write(s),
      // Commander's own errors are worded again in the user's language below.
      outputError: (s) => void (commanderMessage = s),
      // Help wraps to the terminal it is shown in; 80 columns when it is not a terminal.
      getOutHelpWidth: () => (opts.stdout.isTTY && opts.stdout.columns ? opts.stdout.columns : 80),
      getErrHelpWidth: () => (opts.stderr.isTTY && opts.stderr.columns ? opts.stderr.columns : 80),
    });
  const rt = (): Runtime => {
    if (!runtime) {
      const g = program.opts<{ C?: string; color: boolean; verbose?: boolean }>();
      runtime = makeRuntime(opts, { color: g.color, verbose: g.verbose ?? false, lang, ...(g.C === undefined ? {} : { dir: g.C }) });
    }
    return runtime;
  };
  registerCommands(program, lang, rt);
  configureHelp(program, lang);
  for (const cmd of program.commands) {
    cmd.exitOverride().showSuggestionAfterError(true).configureOutput(program.configureOutput());
    configureHelp(cmd, lang);
  }
  try {
    await program.parseAsync(opts.argv, { from: 'user' });
    return runtime?.exitCode ?? 0;
  } catch (e) {
    return failed(e, opts, lang, commanderMessage);
  }
}

function failed(e: unknown, opts: MainOptions, lang: Lang, commanderMessage: string): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    opts.stderr.write(`${commanderWords(e, commanderMessage, lang)}\n${ui(lang).usageHint}\n`);
    return 2;
  }
  if (e instanceof LedgerError) {
    opts.stderr.write(`ledger: ${escapeControl(renderError(e.code, e.data as never, lang))}\n`);
    return exitStatus(e.code);
  }
  // An ordinary I/O failure (permission, a folder where a file should be, a full disk) names
  // the path and the reason; "internal error" is kept for real bugs.
  const io = e as NodeJS.ErrnoException;
  if (typeof io?.code === 'string' && /^E[A-Z]+$/.test(io.code) && typeof io.path === 'string') {
    opts.stderr.write(`ledger: ${escapeControl(renderError('io', { path: io.path, op: ioOp(io), reason: io.code }, lang))}\n`);
    return 2;
  }
  const err = e as Error;
  opts.stderr.write(`ledger: ${escapeControl(ui(lang).internal(err?.message ?? String(e)))}\n`);
  opts.stderr.write(opts.argv.includes('--verbose') ? `${err?.stack ?? ''}\n` : `${ui(lang).rerun}\n`);
  return 2;
}

/** System calls that change the disk. */
const WRITE_CALLS = new Set([
  'mkdir',
  'mkdtemp',
  'rename',
  'unlink',
  'rmdir',
  'rm',
  'write',
  'fsync',
  'ftruncate',
  'link',
  'symlink',
  'copyfile',
  'chmod',
  'fchmod',
  'chown',
  'fchown',
  'truncate',
  'utime',
  'futime',
]);

/**
 * Whether a raw I/O error (one no writer wrapped, see write/writing.ts) was a read or a write:
 * by its system call, and for open by its flags when the error carries them.
 */
function ioOp(io: NodeJS.ErrnoException): 'read' | 'write' {
  const call = io.syscall ?? '';
  if (WRITE_CALLS.has(call)) return 'write';
  return call === 'open' && /[wa+]/.test(String((io as { flags?: string }).flags ?? '')) ? 'write' : 'read';
}

/** Commander's error in the user's language (its English wording for the rest). */
function commanderWords(e: CommanderError, message: string, lang: Lang): string {
  const text = (message || e.message).trim().replace(/^error: /, '');
  if (lang !== 'zh-CN') return `ledger: ${text}`;
  const m = /'([^']+)'/.exec(text);
  const name = m?.[1] ?? '';
  const hint = /\(Did you mean (.+)\?\)/.exec(text)?.[1];
  const ask = hint ? `（是否应为 ${hint}？）` : '';
  const words: Record<string, string> = {
    'commander.unknownOption': `没有 ${name} 这个选项${ask}`,
    'commander.unknownCommand': `没有 ${name} 这个命令${ask}`,
    'commander.missingArgument': `缺少参数 ${name}`,
    'commander.optionMissingArgument': `选项 ${name} 缺少值`,
    'commander.missingMandatoryOptionValue': `缺少必需的选项 ${name}`,
    'commander.excessArguments': excessArguments(text, name),
    'commander.invalidArgument': invalidArgument(text),
  };
  return `ledger: ${words[e.code] ?? text}`;
}

function excessArguments(text: string, command: string): string {
  const m = /Expected (\d+) arguments? but got (\d+)/.exec(text);
  if (!m) return `参数太多（${command}）`;
  return m[1] === '0'
    ? `命令 ${command} 不接受参数（收到 ${m[2]} 个）；选项以 -- 开头，见 ledger ${command} --help`
    : `命令 ${command} 最多接受 ${m[1]} 个参数，收到 ${m[2]} 个`;
}

function invalidArgument(text: string): string {
  const m = /option '([^']+)' argument '([^']*)' is invalid\.(?: Allowed choices are (.+)\.)?/.exec(text);
  if (!m) return `参数不正确：${text}`;
  const option = m[1]!.split(/[ ,]/)[0];
  const allowed = m[3] ? `，可选：${m[3].split(', ').join('、')}` : '';
  return `选项 ${option} 的值“${m[2]}”不正确${allowed}`;
}

function programHelp(lang: Lang): string {
  const examples = [
    'ledger init campaign --unit 河东区司法局 --groups 5',
    'cd campaign && ledger new visit --group g1 --with opinions=3',
    'ledger validate groups/g1',
    'ledger status',
    'ledger merge',
    'ledger audit --as-of 2014-05-24',
    'ledger export && ledger report --format docx',
  ]
    .map((e) => `  $ ${e}`)
    .join('\n');
  return lang === 'zh-CN'
    ? `\n示例（从建立活动到出报告）：\n${examples}\n\n退出码：0 无问题；1 记录有错误（或有小组须补课）；2 用法、配置或读写问题。\n运行 ledger <命令> --help 查看该命令的选项和示例。`
    : `\nExamples (a campaign from start to report):\n${examples}\n\nExit codes: 0 clean, 1 the input has errors (or groups must make up their work), 2 usage, configuration or I/O failure.\nRun ledger <command> --help for the options and examples of a command.`;
}
