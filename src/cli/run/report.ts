// `ledger report`: the written report for the party group, from the verified ledgers.
import path from 'node:path';
import { LedgerError } from '../../messages/errors.js';
import { ui } from '../../messages/ui.js';
import { defaultOutputPath } from '../../model/outputPath.js';
import { loadReviews } from '../../read/loadReviews.js';
import { REPORT_FORMATS, type ReportFormat } from '../../render/templates.js';
import { asOfOption, freshLedgers } from '../ledgerInput.js';
import { campaignRoot, langOf, parseChoice, type Runtime } from '../runtime.js';

export async function run(rt: Runtime, _args: unknown[], opts: Record<string, unknown>): Promise<void> {
  const outOption = opts.out as string | undefined;
  const fromOut = outOption === undefined ? undefined : /\.(md|html|docx)$/i.exec(outOption)?.[1]?.toLowerCase();
  const format =
    opts.format !== undefined ? parseChoice(String(opts.format), REPORT_FORMATS) : ((fromOut as ReportFormat | undefined) ?? 'html');
  if (outOption !== undefined && fromOut !== format)
    throw new LedgerError('bad-extension', { option: '--out', ext: format, got: outOption });
  const asOf = asOfOption(opts.asOf);
  const lang = langOf(rt, opts.lang as string | undefined);
  const root = campaignRoot(rt);
  const set = await freshLedgers(rt, root, { merge: opts.merge === true, lang });
  const out =
    outOption === undefined
      ? defaultOutputPath(root, set.manifest.campaign, { lang, asOf }, { ext: format, what: 'report' })
      : path.resolve(rt.cwd, outOption);
  const template = opts.template === undefined ? undefined : path.resolve(rt.cwd, String(opts.template));
  const { writeReport } = await import('../../report/writeReport.js');
  const model = await writeReport(set, out, {
    lang,
    asOf,
    format,
    root,
    reviews: loadReviews(root),
    ...(template === undefined ? {} : { template }),
  });
  rt.stdout.write(`${path.relative(rt.cwd, out) || out}\n`);
  rt.log(ui(lang).report(model.facts.groups, model.opinions.total, model.audit.makeupCount));
}
