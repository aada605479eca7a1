// `ledger status`: who has handed in what, and the days to the deadlines.
import { statusFormat } from '../../format/status.js';
import { campaignStatus } from '../../pipeline/campaignStatus.js';
import { asOfOption } from '../ledgerInput.js';
import { campaignRoot, langOf, parseChoice, type Runtime } from '../runtime.js';

export function run(rt: Runtime, _args: unknown[], opts: Record<string, unknown>): void {
  const format = parseChoice(String(opts.format), ['text', 'json'] as const);
  const lang = langOf(rt, opts.lang as string | undefined);
  const status = campaignStatus(campaignRoot(rt), { asOf: asOfOption(opts.asOf) });
  rt.stdout.write(format === 'json' ? statusFormat.json(status) : statusFormat.text(status, { color: rt.color, lang }));
}
