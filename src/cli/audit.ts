import type { Command } from 'commander';
import { runAudit } from '../audit/runAudit.js';
import { formatAuditText } from '../format/auditText.js';
import { formatJson } from '../format/json.js';
import { asOfOption, freshLedgers, groupOption, langOption } from './ledgerInput.js';
import { campaignRoot, parseFormat, type Runtime } from './runtime.js';

export function registerAudit(program: Command, rt: () => Runtime): void {
  program
    .command('audit')
    .description('check the supervision rules; list the groups that must make up their work')
    .option('--as-of <date>', 'the date the rules use as today (YYYY-MM-DD)')
    .option('--group <id>', 'only this group')
    .option('--format <format>', 'text or json', 'text')
    .option('--lang <lang>', 'zh-CN or en (default: the campaign locale)')
    .option('--merge', 'run `ledger merge` first')
    .addHelpText('after', '\nExamples:\n  $ ledger audit --as-of 2014-05-24\n  $ ledger audit --group g3 --format json')
    .action((opts: { asOf?: string; group?: string; format: string; lang?: string; merge?: boolean }) => {
      const r = rt();
      const format = parseFormat(opts.format, ['text', 'json'] as const);
      const asOf = asOfOption(opts.asOf);
      const set = freshLedgers(r, campaignRoot(r), { merge: opts.merge ?? false });
      const lang = langOption(opts.lang, set);
      const group = groupOption(opts.group, set);
      const result = runAudit(set, { asOf, lang, ...(group === undefined ? {} : { group }) });
      r.stdout.write(
        format === 'json'
          ? formatJson({ findings: result.findings, makeup: result.makeup, summary: { asOf, ...result.summary } })
          : formatAuditText(result, set.manifest.groups, { color: r.color, lang }),
      );
      r.exitCode = result.makeup.length ? 1 : 0;
    });
}
