// `ledger audit`: the supervision rules over the verified ledgers; exit 1 when groups must make up their work.
import { runAudit } from '../../audit/runAudit.js';
import { asOfView } from '../../model/asOfView.js';
import { onlyGroup } from '../../model/onlyGroup.js';
import { auditFormat } from '../../format/audit.js';
import { asOfOption, freshLedgers, groupOption } from '../ledgerInput.js';
import { campaignRoot, langOf, parseChoice, type Runtime } from '../runtime.js';

export async function run(rt: Runtime, _args: unknown[], opts: Record<string, unknown>): Promise<void> {
  const format = parseChoice(String(opts.format), ['text', 'json'] as const);
  const asOf = asOfOption(opts.asOf);
  const lang = langOf(rt, opts.lang as string | undefined);
  const set = await freshLedgers(rt, campaignRoot(rt), { merge: opts.merge === true, lang });
  const group = groupOption(opts.group, set);
  // The figures of a date are those of the records dated by then, as in the report and the workbook.
  const view = asOfView(set, asOf);
  const result = runAudit(view.set, { asOf, ...(group === undefined ? {} : { group }) });
  const later = group === undefined ? view.later : asOfView(onlyGroup(set, group), asOf).later;
  rt.stdout.write(
    format === 'json'
      ? auditFormat.json(result, lang, later)
      : auditFormat.text(result, set.manifest.groups, { color: rt.color, lang, later }),
  );
  rt.exitCode = result.makeup.length ? 1 : 0;
}
