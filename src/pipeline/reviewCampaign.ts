// `ledger review` as a library: approve, return or clear ledger records in reviews.yaml, and
// list the records with their review states. Reviews are of the merged records, so the ledgers
// must be current (a record the clerk approves is the record the party group will see). A
// change takes the campaign lock, as a merge does: it reads reviews.yaml, changes it and writes
// it whole (atomically) with no merge rewriting the records and no other review in between.
import path from 'node:path';
import { compareIds } from '../build/groupRecords.js';
import { LedgerError } from '../messages/errors.js';
import type { Lang } from '../messages/words.js';
import type { LedgerRecord, LedgerSet } from '../model/ledgers.js';
import {
  countStates,
  entryMap,
  recordHash,
  reviewLedgers,
  reviewsText,
  type ReviewCounts,
  type ReviewedRecord,
  type ReviewEntry,
  type ReviewState,
} from '../model/reviews.js';
import { isStale, staleness } from '../read/freshness.js';
import { LEDGERS_DIR, loadLedgers } from '../read/loadLedgers.js';
import { loadReviews, reviewsPath } from '../read/loadReviews.js';
import { RECORD_KINDS } from '../schema/spec.js';
import { editDistance, nearest } from '../text/suggest.js';
import { writeFileAtomic } from '../write/fsAtomic.js';
import { acquireMergeLock } from '../write/mergeLock.js';
import { recoverInterruptedWrite } from '../write/writeLedgers.js';

export type ReviewAction = 'approve' | 'return' | 'clear';

export interface ReviewChange {
  action: ReviewAction;
  /** Ledger ids, `<group>/<id>`. */
  ids: string[];
  /** The note (approve) or the reason (return). */
  text?: string;
  /** The review date, YYYY-MM-DD. */
  date: string;
  /** The language of reviews.yaml's header comment (the campaign's). */
  lang: Lang;
}

export interface ReviewChangeResult {
  /** The ids changed, as given (each once). */
  ids: string[];
  file: string;
}

/** The verified ledgers, refused when they are older than the group files. */
export function currentLedgers(root: string): LedgerSet {
  const set = loadLedgers(path.join(root, LEDGERS_DIR));
  const stale = staleness(root, set.manifest);
  if (isStale(stale)) throw new LedgerError('ledgers-stale', stale);
  return set;
}

/** The candidate nearest to `value` by edit distance (the first of equals), however far. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(value, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** Reviews are quick: one waits for another (a few seconds at most) instead of failing; a merge is not waited for. */
const REVIEW_WAIT_MS = 15_000;

function reviewLock(ledgersDir: string): () => void {
  const until = Date.now() + REVIEW_WAIT_MS;
  for (;;) {
    try {
      return acquireMergeLock(ledgersDir, new Date(), 'review');
    } catch (e) {
      const other = e instanceof LedgerError && e.code === 'merge-running' && (e.data as { command?: string }).command === 'review';
      if (!other || Date.now() > until) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20 + Math.floor(Math.random() * 30));
    }
  }
}

export function changeReviews(root: string, change: ReviewChange): ReviewChangeResult {
  const ledgersDir = path.join(root, LEDGERS_DIR);
  const release = reviewLock(ledgersDir);
  try {
    // A merge killed after its journal is finished first (we hold the lock: none is running).
    recoverInterruptedWrite(ledgersDir, { sweep: false });
    const ids = unique(change.ids);
    const entries = entryMap(loadReviews(root));
    if (change.action === 'clear') {
      for (const id of ids) {
        if (!entries.has(id)) {
          const suggest = closest(id, entries.keys());
          throw new LedgerError('unknown-record', { id, where: 'reviews', ...(suggest === undefined ? {} : { suggest }) });
        }
      }
      for (const id of ids) entries.delete(id);
    } else {
      const records = recordsById(currentLedgers(root));
      for (const id of ids) {
        if (!records.has(id)) {
          const suggest = closest(id, records.keys());
          throw new LedgerError('unknown-record', { id, where: 'ledgers', ...(suggest === undefined ? {} : { suggest }) });
        }
      }
      for (const id of ids) {
        const text = change.text?.trim();
        entries.set(id, {
          id,
          state: change.action === 'approve' ? 'approved' : 'returned',
          ...(text ? (change.action === 'approve' ? { note: text } : { reason: text }) : {}),
          date: change.date,
          sha256: recordHash(records.get(id) as LedgerRecord),
        });
      }
    }
    const file = reviewsPath(root);
    const sorted = [...entries.values()].sort((a, b) => compareIds(a.id, b.id));
    writeFileAtomic(file, reviewsText(sorted, change.lang));
    return { ids, file };
  } finally {
    release();
  }
}

function recordsById(set: LedgerSet): Map<string, LedgerRecord> {
  const map = new Map<string, LedgerRecord>();
  for (const kind of RECORD_KINDS) for (const r of set.ledgers[kind]) map.set(r.id, r);
  return map;
}

export type ListState = ReviewState | 'removed';
export const LIST_STATES: readonly ListState[] = ['approved', 'returned', 'changed', 'unreviewed', 'removed'];

export interface ReviewList {
  records: ReviewedRecord[];
  /** Entries whose record is no longer in the ledgers. */
  removed: ReviewEntry[];
  /** Over all records (before the filter). */
  counts: ReviewCounts & { removed: number };
}

/** Every ledger record with its review state (and the reviews of removed records), filtered by group and state. */
export function listReviews(root: string, filter: { group?: string; state?: ListState } = {}): ReviewList {
  const set = currentLedgers(root);
  if (filter.group !== undefined && !set.manifest.groups.some((g) => g.id === filter.group)) {
    const suggest = nearest(
      filter.group,
      set.manifest.groups.map((g) => g.id),
    );
    throw new LedgerError('unknown-group', { group: filter.group, where: 'ledgers', ...(suggest === undefined ? {} : { suggest }) });
  }
  const reviewed = reviewLedgers(set.ledgers, loadReviews(root));
  const inGroup = (id: string) => filter.group === undefined || id.startsWith(`${filter.group}/`);
  // Group by group (ledger.yaml order), then kind by kind in ledger order.
  const order = new Map(set.manifest.groups.map((g, i) => [g.id, i]));
  const records = reviewed.records
    .filter((r) => inGroup(r.id))
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (order.get(a.r.group) ?? 0) - (order.get(b.r.group) ?? 0) || a.i - b.i)
    .map((x) => x.r);
  const removed = reviewed.removed.filter((e) => inGroup(e.id));
  return {
    records: filter.state === undefined ? records : records.filter((r) => r.state === filter.state),
    removed: filter.state === undefined || filter.state === 'removed' ? removed : [],
    counts: { ...countStates(records), removed: removed.length },
  };
}
