import type { Command } from 'commander';
import path from 'node:path';
import { defaultExportPath, exportWorkbook } from '../export/exportWorkbook.js';
import { asOfOption, freshLedgers, groupOption, langOption } from './ledgerInput.js';
import { progressBar } from './progress.js';
import { campaignRoot, UsageError, type Runtime } from './runtime.js';

export function registerExport(program: Command, rt: () => Runtime): void {
  program
    .command('export')
    .description('write the ledgers as an Excel workbook for the party group')
    .option('--out <file>', 'the .xlsx to write (default: exports/<campaign>-<date>.xlsx)')
    .option('--lang <lang>', 'zh-CN or en (default: the campaign locale)')
    .option('--redact', 'mask ID numbers and phone numbers everywhere in the workbook')
    .option('--group <id>', 'only this group')
    .option('--as-of <date>', 'the date overdue days and the audit count from (YYYY-MM-DD)')
    .option('--merge', 'run `ledger merge` first')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ledger export --as-of 2014-05-24\n  $ ledger export --lang en --redact --out exports/ledgers-en.xlsx\n  $ ledger export --group g3',
    )
    .action(async (opts: { out?: string; lang?: string; redact?: boolean; group?: string; asOf?: string; merge?: boolean }) => {
      const r = rt();
      const asOf = asOfOption(opts.asOf);
      if (opts.out !== undefined && !/\.xlsx$/i.test(opts.out)) throw new UsageError(`--out must name an .xlsx file (got "${opts.out}")`);
      const root = campaignRoot(r);
      const set = freshLedgers(r, root, { merge: opts.merge ?? false });
      const group = groupOption(opts.group, set);
      const options = { lang: langOption(opts.lang, set), asOf, redact: opts.redact ?? false, ...(group === undefined ? {} : { group }) };
      const out = opts.out === undefined ? defaultExportPath(root, set, options) : path.resolve(r.cwd, opts.out);
      const progress = progressBar(r, 'export');
      const result = await exportWorkbook(set, out, { ...options, onProgress: progress }).finally(() => progress.end());
      if (result.cut)
        r.stderr.write(
          `ledger: warning: ${result.cut} cell(s) were longer than Excel's 32,767 characters and were cut (marked in the cell)\n`,
        );
      const rows = result.sheets.map((s) => `${s.name} ${s.rows}`).join(', ');
      r.stdout.write(`${path.relative(r.cwd, out) || out}\n`);
      r.stderr.write(`ledger: wrote ${result.sheets.length} sheets (${rows})${options.redact ? ', personal data masked' : ''}\n`);
    });
}
