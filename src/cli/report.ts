import type { Command } from 'commander';
import path from 'node:path';
import { defaultExportPath } from '../export/exportWorkbook.js';
import { REPORT_FORMATS, type ReportFormat } from '../render/templates.js';
import { writeReport } from '../report/writeReport.js';
import { asOfOption, freshLedgers, langOption } from './ledgerInput.js';
import { campaignRoot, parseFormat, UsageError, type Runtime } from './runtime.js';

export function registerReport(program: Command, rt: () => Runtime): void {
  program
    .command('report')
    .description('write the summary report for the party group (Markdown, html or Word)')
    .option('--out <file>', 'the file to write (default: exports/<campaign>-<date>-report.<format>)')
    .option('--format <format>', 'md, html or docx (default: from --out, else html)')
    .option('--lang <lang>', 'zh-CN or en (default: the campaign locale)')
    .option('--as-of <date>', 'the date overdue rectifications and the audit count from (YYYY-MM-DD)')
    .option('--template <file>', "a Handlebars template of the office's own (see templates/)")
    .option('--merge', 'run `ledger merge` first')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ledger report --as-of 2014-05-25\n  $ ledger report --format docx --out exports/report.docx\n  $ ledger report --lang en --format md\n  $ ledger report --template my-report.html.hbs --format html',
    )
    .action(async (opts: { out?: string; format?: string; lang?: string; asOf?: string; template?: string; merge?: boolean }) => {
      const r = rt();
      const fromOut = opts.out === undefined ? undefined : /\.(md|html|docx)$/i.exec(opts.out)?.[1]?.toLowerCase();
      const format =
        opts.format !== undefined ? parseFormat(opts.format, REPORT_FORMATS) : ((fromOut as ReportFormat | undefined) ?? 'html');
      if (opts.out !== undefined && fromOut !== format)
        throw new UsageError(`--out must end in .${format} for --format ${format} (got "${opts.out}")`);
      const asOf = asOfOption(opts.asOf);
      const root = campaignRoot(r);
      const set = freshLedgers(r, root, { merge: opts.merge ?? false });
      const lang = langOption(opts.lang, set);
      const out =
        opts.out === undefined
          ? defaultExportPath(root, set, { lang, asOf, redact: false }, { ext: format, what: 'report' })
          : path.resolve(r.cwd, opts.out);
      const template = opts.template === undefined ? undefined : path.resolve(r.cwd, opts.template);
      const model = await writeReport(set, out, { lang, asOf, format, root, ...(template === undefined ? {} : { template }) });
      r.stdout.write(`${path.relative(r.cwd, out) || out}\n`);
      r.stderr.write(
        `ledger: report of ${model.facts.groups} groups, ${model.opinions.total} opinions, ${model.audit.makeupCount} group(s) to make up their work\n`,
      );
    });
}
