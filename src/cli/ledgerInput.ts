// Commands that read the ledgers (audit, status, export, report) start here: the ledgers must
// be there and not older than the group files; --merge builds them first.
import { formatDiagnosticsText } from '../format/diagnosticsText.js';
import { describeStaleness, isStale, staleness } from '../ledgers/freshness.js';
import { LEDGERS_DIR, loadLedgers } from '../ledgers/loadLedgers.js';
import type { LedgerSet } from '../ledgers/types.js';
import { mergeCampaign } from '../merge/mergeCampaign.js';
import { VERSION } from '../version.js';
import path from 'node:path';
import { UsageError, type Runtime } from './runtime.js';

/** The exit code a command must stop with when --merge refused. */
export class MergeRefused extends Error {}

export function freshLedgers(rt: Runtime, root: string, options: { merge?: boolean }): LedgerSet {
  if (options.merge) {
    const result = mergeCampaign(root, { tool: `ledger ${VERSION}` });
    if (result.diagnostics.length || !result.written) {
      rt.stderr.write(formatDiagnosticsText(result.diagnostics, result.validation.summary, { color: rt.errColor }));
    }
    if (!result.written || !result.set) throw new MergeRefused('merge refused: fix the errors above first');
  }
  const set = loadLedgers(path.join(root, LEDGERS_DIR));
  const stale = staleness(root, set.manifest);
  if (isStale(stale)) throw new UsageError(describeStaleness(stale));
  return set;
}
