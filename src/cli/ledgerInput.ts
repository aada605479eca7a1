// Commands that read the ledgers (audit, status, export, report) start here: the ledgers must
// be there and not older than the group files; --merge builds them first.
import { formatDiagnosticsText } from '../format/diagnosticsText.js';
import { describeStaleness, isStale, staleness } from '../read/freshness.js';
import { LEDGERS_DIR, loadLedgers } from '../read/loadLedgers.js';
import type { LedgerSet } from '../model/ledgers.js';
import { mergeCampaign } from '../pipeline/mergeCampaign.js';
import { VERSION } from '../util/version.js';
import path from 'node:path';
import { parseDate, parseFormat, UsageError, type Runtime } from './runtime.js';
import { localToday } from '../util/dates.js';
import { LOCALES, type Locale } from '../schema/vocab.js';
import { didYouMean } from '../text/suggest.js';

/** The exit code a command must stop with when --merge refused. */
export class MergeRefused extends Error {}

export function freshLedgers(rt: Runtime, root: string, options: { merge?: boolean }): LedgerSet {
  if (options.merge) {
    const result = mergeCampaign(root, { tool: `ledger ${VERSION}` });
    if (result.diagnostics.length || !result.written) {
      rt.stderr.write(formatDiagnosticsText(result.diagnostics, result.summary, { color: rt.errColor }));
    }
    if (!result.written) throw new MergeRefused('merge refused: fix the errors above first');
  }
  const set = loadLedgers(path.join(root, LEDGERS_DIR));
  const stale = staleness(root, set.manifest);
  if (isStale(stale)) throw new UsageError(describeStaleness(stale));
  return set;
}

/** --as-of, or today's local date. */
export function asOfOption(value: string | undefined): string {
  return value === undefined ? localToday() : parseDate(value, '--as-of');
}

/** --lang, or the campaign's locale from the ledgers. */
export function langOption(value: string | undefined, set: LedgerSet): Locale {
  return value === undefined ? set.manifest.campaign.locale : parseFormat(value, LOCALES, '--lang');
}

/** --group: must name a group of the ledgers (with a suggestion when it does not). */
export function groupOption(value: string | undefined, set: LedgerSet): string | undefined {
  if (value === undefined) return undefined;
  const ids = set.manifest.groups.map((g) => g.id);
  if (!ids.includes(value)) throw new UsageError(`no group "${value}" in the ledgers${didYouMean(value, ids)}`);
  return value;
}
