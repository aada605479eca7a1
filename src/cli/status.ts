import type { Command } from 'commander';
import { formatJson } from '../format/json.js';
import { formatStatusText } from '../format/statusText.js';
import { buildStatus } from '../status/buildStatus.js';
import { asOfOption, freshLedgers, langOption } from './ledgerInput.js';
import { campaignRoot, parseFormat, type Runtime } from './runtime.js';

export function registerStatus(program: Command, rt: () => Runtime): void {
  program
    .command('status')
    .description('who has handed in what, and the days to the deadlines')
    .option('--as-of <date>', 'the date to count from (YYYY-MM-DD)')
    .option('--format <format>', 'text or json', 'text')
    .option('--lang <lang>', 'zh-CN or en (default: the campaign locale)')
    .option('--merge', 'run `ledger merge` first')
    .addHelpText('after', '\nExamples:\n  $ ledger status\n  $ ledger status --as-of 2014-05-20 --format json')
    .action((opts: { asOf?: string; format: string; lang?: string; merge?: boolean }) => {
      const r = rt();
      const format = parseFormat(opts.format, ['text', 'json'] as const);
      const asOf = asOfOption(opts.asOf);
      const set = freshLedgers(r, campaignRoot(r), { merge: opts.merge ?? false });
      const lang = langOption(opts.lang, set);
      const status = buildStatus(set, { asOf });
      r.stdout.write(format === 'json' ? formatJson(status) : formatStatusText(status, { color: r.color, lang }));
    });
}
