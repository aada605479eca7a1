import type { Command } from 'commander';
import { runAudit } from '../audit/runAudit.js';
import { formatAuditText } from '../format/auditText.js';
import { formatJson } from '../format/json.js';
import { localToday } from '../validate/dates.js';
import { didYouMean } from '../text/suggest.js';
import type { Locale } from '../vocab.js';
import { freshLedgers } from './ledgerInput.js';
import { campaignRoot, parseDate, parseFormat, UsageError, type Runtime } from './runtime.js';

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
      const asOf = opts.asOf === undefined ? localToday() : parseDate(opts.asOf, '--as-of');
      const set = freshLedgers(r, campaignRoot(r), { merge: opts.merge ?? false });
      const lang: Locale = opts.lang === undefined ? set.manifest.campaign.locale : parseFormat(opts.lang, ['zh-CN', 'en'] as const, '--lang');
      const ids = set.manifest.groups.map((g) => g.id);
      if (opts.group !== undefined && !ids.includes(opts.group)) throw new UsageError(`no group "${opts.group}"${didYouMean(opts.group, ids)}`);
      const result = runAudit(set, { asOf, lang, ...(opts.group === undefined ? {} : { group: opts.group }) });
      r.stdout.write(
        format === 'json'
          ? formatJson({ findings: result.findings, makeup: result.makeup, summary: { asOf, ...result.summary } })
          : formatAuditText(result, set.manifest.groups, { color: r.color, lang }),
      );
      r.exitCode = result.makeup.length ? 1 : 0;
    });
}
