import type { Command } from 'commander';
import path from 'node:path';
import { formatDiagnosticsText } from '../format/diagnosticsText.js';
import { formatJson } from '../format/json.js';
import { diagnosticJson } from '../format/diagnosticsJson.js';
import { RECORD_KINDS } from '../schema/spec.js';
import { renderTable } from '../text/displayWidth.js';
import { mergeCampaignParallel } from '../pipeline/mergeCampaign.js';
import { VERSION } from '../util/version.js';
import { campaignRoot, parseFormat, UsageError, type Runtime } from './runtime.js';
import { progressBar } from './progress.js';

export function registerMerge(program: Command, rt: () => Runtime): void {
  program
    .command('merge')
    .description("build ledgers/ from every group's folder (refuses while any record has an error)")
    .option('--format <format>', 'text or json', 'text')
    .option('--allow-invalid', 'merge the valid records anyway; refused ones go to ledgers/rejected.yaml')
    .option('--no-cache', 'check every file again instead of reusing ledgers/.cache/')
    .option('--jobs <n>', 'worker threads for checking files (default: the cores, up to 4; 1: none)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ledger merge\n  $ ledger merge --allow-invalid\n  $ ledger -C examples/zh-CN merge --format json',
    )
    .action(async (opts: { format: string; allowInvalid?: boolean; cache: boolean; jobs?: string }) => {
      const r = rt();
      const format = parseFormat(opts.format, ['text', 'json'] as const);
      const root = campaignRoot(r);
      if (opts.jobs !== undefined && !/^[1-9]\d?$/.test(opts.jobs))
        throw new UsageError(`--jobs needs a number of threads from 1 to 99 (got "${opts.jobs}")`);
      const progress = progressBar(r, 'merge');
      const result = await mergeCampaignParallel(root, {
        tool: `ledger ${VERSION}`,
        allowInvalid: opts.allowInvalid ?? false,
        cache: opts.cache,
        onProgress: progress,
        ...(opts.jobs === undefined ? {} : { threads: Number(opts.jobs) }),
      }).finally(() => progress.end());
      const m = result.manifest;
      const ledgers = path.relative(r.cwd, result.ledgersDir) || '.';
      if (format === 'json') {
        r.stdout.write(
          formatJson({
            written: result.written,
            ledgers: result.written ? ledgers.split(path.sep).join('/') : null,
            diagnostics: result.diagnostics.map(diagnosticJson),
            summary: { ...result.summary, ...(m ? { ...m.totals } : {}) },
            groups:
              m?.groups.map((g) => ({
                id: g.id,
                ...g.counts,
                errors: g.errors,
                warnings: g.warnings,
                duplicates: m.duplicates.filter((d) => d.b.startsWith(`${g.id}/`)).length,
              })) ?? [],
            duplicates: m?.duplicates ?? [],
          }),
        );
      } else {
        r.stdout.write(formatDiagnosticsText(result.diagnostics, result.summary, { color: r.color }));
        if (m) {
          const header = ['group', ...RECORD_KINDS, 'errors', 'warnings', 'duplicates'];
          const dups = m.duplicates;
          const dupsOf = (id: string) => String(dups.filter((d) => d.b.startsWith(`${id}/`)).length);
          const rows = m.groups.map((g) => [
            g.id,
            ...RECORD_KINDS.map((k) => String(g.counts[k])),
            String(g.errors),
            String(g.warnings),
            dupsOf(g.id),
          ]);
          const t = m.totals;
          rows.push([
            'total',
            ...RECORD_KINDS.map((k) => String(t[k])),
            String(result.summary.errors),
            String(result.summary.warnings),
            String(dups.length),
          ]);
          r.stdout.write('\n' + renderTable([header, ...rows], { align: ['left', ...header.slice(1).map(() => 'right' as const)] }) + '\n');
          if (t.rejected) r.stdout.write(r.color.yellow(`${t.rejected} refused record(s) listed in ${ledgers}/rejected.yaml\n`));
          r.stdout.write(`ledgers written to ${ledgers}/\n`);
        } else if (result.campaign) {
          r.stdout.write(r.color.red('merge refused: fix the errors above (or pass --allow-invalid to merge the valid records)\n'));
        }
      }
      r.exitCode = result.summary.errors > 0 ? 1 : 0;
    });
}
