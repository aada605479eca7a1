// `ledger export`: the workbook for the party group, from the verified ledgers.
import path from 'node:path';
import { exportWorkbook } from '../../export/exportWorkbook.js';
import { LedgerError } from '../../messages/errors.js';
import { ui } from '../../messages/ui.js';
import { defaultOutputPath } from '../../model/outputPath.js';
import { loadReviews } from '../../read/loadReviews.js';
import { asOfOption, freshLedgers, groupOption } from '../ledgerInput.js';
import { progressBar } from '../progress.js';
import { campaignRoot, langOf, type Runtime } from '../runtime.js';

export async function run(rt: Runtime, _args: unknown[], opts: Record<string, unknown>): Promise<void> {
  const asOf = asOfOption(opts.asOf);
  const lang = langOf(rt, opts.lang as string | undefined);
  const outOption = opts.out as string | undefined;
  if (outOption !== undefined && !/\.xlsx$/i.test(outOption))
    throw new LedgerError('bad-extension', { option: '--out', ext: 'xlsx', got: outOption });
  const root = campaignRoot(rt);
  const set = await freshLedgers(rt, root, { merge: opts.merge === true, lang });
  const group = groupOption(opts.group, set);
  const reviewedOnly = opts.reviewedOnly === true;
  const options = { lang, asOf, redact: opts.redact === true, ...(group === undefined ? {} : { group }) };
  const out =
    outOption === undefined
      ? defaultOutputPath(root, set.manifest.campaign, { ...options, reviewed: reviewedOnly }, { ext: 'xlsx' })
      : path.resolve(rt.cwd, outOption);
  const progress = progressBar(rt, lang === 'zh-CN' ? '导出' : 'export');
  const result = await exportWorkbook(set, out, { ...options, reviews: loadReviews(root), reviewedOnly, onProgress: progress }).finally(
    () => progress.end(),
  );
  const w = ui(lang);
  if (result.cut) rt.log(w.warningLine(w.cut(result.cut)));
  rt.stdout.write(`${path.relative(rt.cwd, out) || out}\n`);
  rt.log(w.exportWrote(result.sheets.map((s) => `${s.name} ${s.rows}`).join(lang === 'zh-CN' ? '、' : ', '), options.redact));
}
