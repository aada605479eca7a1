// The CLI as a function: argv and streams in, exit code out. bin/ledger.js is the only caller
// that touches the real process.
import { Command, CommanderError } from 'commander';
import { registerCommands } from './cli/commands.js';
import { MergeRefused } from './cli/ledgerInput.js';
import { makeRuntime, UsageError, type MainOptions, type Runtime } from './cli/runtime.js';

import { VERSION } from './util/version.js';

export async function main(opts: MainOptions): Promise<number> {
  let runtime: Runtime | undefined;
  const program = new Command();
  program
    .name('ledger')
    .description('Validate, merge, audit, export and report the "going to the grassroots to listen to opinions" ledgers.')
    .version(VERSION, '-V, --version')
    .option('-C <dir>', 'run in the campaign at <dir> instead of the nearest ledger.yaml upward')
    .option('--no-color', 'no colours (NO_COLOR is honoured too)')
    .option('--verbose', 'show stack traces of internal errors')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run ledger --help for usage)')
    .addHelpText(
      'after',
      `
Examples (a campaign from start to report):
  $ ledger init campaign --unit 河东区司法局 --groups 5
  $ cd campaign && ledger new visit --group g1 --with opinions=3
  $ ledger validate groups/g1
  $ ledger merge
  $ ledger audit --as-of 2014-05-24
  $ ledger export && ledger report --format docx

Exit codes: 0 clean, 1 the input has errors (or groups must make up their work), 2 usage or internal failure.
Run ledger <command> --help for the options and examples of a command.`,
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void opts.stdout.write(s),
      writeErr: (s) => void opts.stderr.write(s),
      outputError: (s, write) => write(s),
      // Help wraps to the terminal it is shown in; 80 columns when it is not a terminal.
      getOutHelpWidth: () => (opts.stdout.isTTY && opts.stdout.columns ? opts.stdout.columns : 80),
      getErrHelpWidth: () => (opts.stderr.isTTY && opts.stderr.columns ? opts.stderr.columns : 80),
    });
  const rt = (): Runtime => {
    if (!runtime) {
      const g = program.opts<{ C?: string; color: boolean; verbose?: boolean }>();
      runtime = makeRuntime(opts, { color: g.color, verbose: g.verbose ?? false, ...(g.C === undefined ? {} : { dir: g.C }) });
    }
    return runtime;
  };
  registerCommands(program, rt);
  for (const cmd of program.commands) cmd.exitOverride().showSuggestionAfterError(true).configureOutput(program.configureOutput());

  try {
    await program.parseAsync(opts.argv, { from: 'user' });
    return runtime?.exitCode ?? 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof MergeRefused) {
      opts.stderr.write(`ledger: ${e.message}\n`);
      return 1;
    }
    if (e instanceof UsageError) {
      opts.stderr.write(`ledger: ${e.message}\n`);
      return 2;
    }
    const err = e as Error;
    const verbose = opts.argv.includes('--verbose');
    opts.stderr.write(`ledger: internal error: ${err?.message ?? String(e)}\n`);
    opts.stderr.write(
      verbose ? `${err?.stack ?? ''}\n` : 'Rerun with --verbose to see the stack trace, and report it with the command you ran.\n',
    );
    return 2;
  }
}
