// `ledger status` as a library: read the group folders (through the file cache, which it only
// reads) and check them without the duplicate search, so it works before and without a merge;
// then say whether ledgers/ is a merge of exactly these files. Review counts come from the
// records as read, not from the ledgers: a record edited after its review shows as changed
// as soon as the group hands it in, before the next merge.
import path from 'node:path';
import { FileCache } from '../cache/fileCache.js';
import { LedgerError } from '../messages/errors.js';
import { emptyCounts, type Manifest } from '../model/ledgers.js';
import { countStates, entryMap, type ReviewEntry } from '../model/reviews.js';
import { loadReviews } from '../read/loadReviews.js';
import { currentInputs, isStale, staleness } from '../read/freshness.js';
import { editedLedger } from '../read/editedLedger.js';
import { LEDGERS_DIR, readManifest } from '../read/loadLedgers.js';
import { MANIFEST_FILE } from '../model/serialize.js';
import { buildStatus, type GroupHandIn, type LedgersState, type StatusResult } from '../status/buildStatus.js';
import { folderReviews } from './folderReviews.js';
import { validateCampaign, type ValidationResult } from './validateCampaign.js';

export function campaignStatus(root: string, options: { asOf: string }): StatusResult {
  const ledgersDir = path.join(root, LEDGERS_DIR);
  const cache = FileCache.load(ledgersDir);
  const result = validateCampaign(root, { cache, duplicates: false });
  if (!result.campaign) throw new LedgerError('campaign-invalid', {});
  const state = ledgersState(root, ledgersDir, cache);
  return buildStatus(result.campaign, handIns(result, loadReviews(root)), {
    asOf: options.asOf,
    ledgers: state.ledgers,
    ...(state.file === undefined ? {} : { ledgersFile: state.file }),
  });
}

/** What each group's folder holds: record files, records per kind (with errors too: they were handed in), photos, summary, problems. */
function handIns(result: ValidationResult, reviews: readonly ReviewEntry[]): GroupHandIn[] {
  const entries = entryMap(reviews);
  return result.groups.map((scan) => {
    const g = result.byGroup.find((x) => x.id === scan.id);
    const counts = emptyCounts();
    const tally = { errors: 0, warnings: 0 };
    const add = (severity: string) => (severity === 'error' ? tally.errors++ : tally.warnings++);
    for (const f of g?.files ?? []) {
      for (const r of f.records) if (r.kind) counts[r.kind]++;
      for (const d of f.diagnostics) add(d.severity);
    }
    for (const d of g?.diagnostics ?? []) add(d.severity);
    const photos = Object.values(scan.files).filter((k) => k === 'jpeg' || k === 'png').length;
    const review = countStates(folderReviews(scan.id, g?.files ?? [], entries));
    const summary = (scan.summary?.length ?? 0) > 0;
    const unread = !summary && scan.unreadableSummary !== null ? { summaryUnreadable: true } : {};
    return { id: scan.id, files: scan.recordFiles.length, counts, photos, summary, ...unread, ...tally, review };
  });
}

/** Edited by hand (which file), stale, current or none: an edit is told before staleness, as readers refuse it first. */
function ledgersState(root: string, ledgersDir: string, cache: FileCache): { ledgers: LedgersState; file?: string } {
  let manifest: Manifest;
  try {
    manifest = readManifest(ledgersDir);
  } catch (e) {
    if (e instanceof LedgerError && e.code === 'no-ledgers') return { ledgers: 'none' };
    if (e instanceof LedgerError && e.code === 'ledgers-edited') return { ledgers: 'edited', file: `${LEDGERS_DIR}/${MANIFEST_FILE}` };
    return { ledgers: 'stale' }; // of an older format: a merge is due
  }
  const edited = editedLedger(ledgersDir, manifest);
  if (edited !== null) return { ledgers: 'edited', file: `${LEDGERS_DIR}/${edited}` };
  return { ledgers: isStale(staleness(root, manifest, currentInputs(root, cache))) ? 'stale' : 'current' };
}
