// Commands that read the ledgers (audit, export, report) start here: the ledgers must be there,
// verified, and not older than the group files; --merge builds them first.
import path from 'node:path';
import { diagnosticsFormat } from '../format/diagnostics.js';
import { LedgerError } from '../messages/errors.js';
import type { Lang } from '../messages/words.js';
import type { LedgerSet } from '../model/ledgers.js';
import { isStale, staleness } from '../read/freshness.js';
import { LEDGERS_DIR, loadLedgers } from '../read/loadLedgers.js';
import { nearest } from '../text/suggest.js';
import { localToday } from '../util/dates.js';
import { VERSION } from '../util/version.js';
import { parseDate, type Runtime } from './runtime.js';

export async function freshLedgers(rt: Runtime, root: string, options: { merge?: boolean; lang: Lang }): Promise<LedgerSet> {
  if (options.merge) {
    const { mergeCampaign } = await import('../pipeline/mergeCampaign.js');
    const result = await mergeCampaign(root, { tool: `ledger ${VERSION}` });
    if (result.diagnostics.length || !result.written) {
      rt.stderr.write(diagnosticsFormat.text(result.diagnostics, result.summary, { color: rt.errColor, lang: options.lang }));
    }
    if (!result.written) throw new LedgerError('merge-refused', {});
  }
  const set = loadLedgers(path.join(root, LEDGERS_DIR));
  const stale = staleness(root, set.manifest);
  if (isStale(stale)) throw new LedgerError('ledgers-stale', stale);
  return set;
}

/** --as-of, or today's local date. */
export function asOfOption(value: unknown): string {
  return value === undefined ? localToday() : parseDate(String(value), '--as-of');
}

/** --group: must name a group of the ledgers (with a suggestion when it does not). */
export function groupOption(value: unknown, set: LedgerSet): string | undefined {
  if (value === undefined) return undefined;
  const group = String(value);
  const ids = set.manifest.groups.map((g) => g.id);
  if (ids.includes(group)) return group;
  const suggest = nearest(group, ids);
  throw new LedgerError('unknown-group', { group, where: 'ledgers', ...(suggest === undefined ? {} : { suggest }) });
}
