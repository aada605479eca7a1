import type { Command } from 'commander';
import path from 'node:path';
import { formatDiagnosticsJson } from '../format/diagnosticsJson.js';
import { formatDiagnosticsText } from '../format/diagnosticsText.js';
import { validateCampaign } from '../pipeline/validateCampaign.js';
import { campaignRoot, parseFormat, type Runtime } from './runtime.js';

export function registerValidate(program: Command, rt: () => Runtime): void {
  program
    .command('validate')
    .description("check every group's records (or just the named group folders or files)")
    .argument('[paths...]', 'group folders or record files; default: the whole campaign')
    .option('--format <format>', 'text or json', 'text')
    .option('--strict', 'warnings fail too (exit 1)')
    .option('-q, --quiet', 'show errors only (the exit code is unchanged)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ledger validate\n  $ ledger validate groups/g2\n  $ ledger validate --format json > problems.json',
    )
    .action((paths: string[], opts: { format: string; strict?: boolean; quiet?: boolean }) => {
      const r = rt();
      const format = parseFormat(opts.format, ['text', 'json'] as const);
      const root = campaignRoot(r);
      // Run from inside a group's folder, the clerk means that group's submission.
      const inside = path.relative(root, r.cwd).split(path.sep);
      if (!paths.length && inside[0] === 'groups' && inside[1]) {
        paths = [path.join(root, 'groups', inside[1])];
        r.stderr.write(`checking groups/${inside[1]} only (run in ${root} to check the whole campaign)\n`);
      }
      const result = validateCampaign(root, paths.length ? { paths: paths.map((p) => path.resolve(r.cwd, p)) } : {});
      const shown = opts.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
      r.stdout.write(
        format === 'json'
          ? formatDiagnosticsJson(shown, result.summary)
          : formatDiagnosticsText(result.diagnostics, result.summary, { color: r.color, quiet: opts.quiet ?? false }),
      );
      r.exitCode = result.summary.errors > 0 || (opts.strict && result.summary.warnings > 0) ? 1 : 0;
    });
}
