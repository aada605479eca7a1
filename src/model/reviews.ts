// Review states of ledger records, kept in reviews.yaml at the campaign root: the clerk approves
// a record or returns it to its group with a reason. Each entry keeps the sha256 of the record
// as it was reviewed (canonical JSON, without `origin`), so an edit after the review shows as
// `changed` and is never hidden, while a merge that moves a record to another line, or a
// re-import that changes nothing, changes no state.
import { reviewsHeader } from '../messages/review.js';
import type { Lang } from '../messages/words.js';
import type { RecordKind } from '../schema/spec.js';
import { RECORD_KINDS } from '../schema/spec.js';
import { sha256 } from '../util/hash.js';
import { emitYaml } from '../yaml/emit.js';
import type { Ledgers } from './ledgers.js';

export const REVIEWS_FILE = 'reviews.yaml';

/** What the clerk decided. */
export type ReviewDecision = 'approved' | 'returned';
export const REVIEW_DECISIONS: readonly ReviewDecision[] = ['approved', 'returned'];

/** A record's state now: the decision, unless the record changed since (or was never reviewed). */
export type ReviewState = 'approved' | 'returned' | 'changed' | 'unreviewed';
export const REVIEW_STATES: readonly ReviewState[] = ['approved', 'returned', 'changed', 'unreviewed'];

/** One line of reviews.yaml: fields in this order. */
export interface ReviewEntry {
  /** The ledger id, `<group>/<id>`. */
  id: string;
  state: ReviewDecision;
  /** Why it was returned (return only). */
  reason?: string;
  /** The clerk's note (approve only). */
  note?: string;
  /** When it was reviewed, YYYY-MM-DD. */
  date: string;
  /** sha256 of the ledger record as canonical JSON without `origin`, when reviewed. */
  sha256: string;
}

export interface ReviewCounts {
  approved: number;
  returned: number;
  changed: number;
  unreviewed: number;
}

export function emptyReviewCounts(): ReviewCounts {
  return { approved: 0, returned: 0, changed: 0, unreviewed: 0 };
}

/** JSON with every object's keys sorted and no spaces: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const o = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(o).sort()) if (o[k] !== undefined) parts.push(`${JSON.stringify(k)}:${canonicalJson(o[k])}`);
  return `{${parts.join(',')}}`;
}

/** The hash a review keeps: the ledger record as canonical JSON, where it was written (`origin`) left out. */
export function recordHash(record: Readonly<Record<string, unknown>>): string {
  const { origin: _origin, ...content } = record;
  return sha256(canonicalJson(content));
}

/** A record's state from its review entry and its hash now (null: it cannot be read as a record). */
export function stateOf(entry: ReviewEntry | undefined, hash: string | null): ReviewState {
  if (!entry) return 'unreviewed';
  return hash === entry.sha256 ? entry.state : 'changed';
}

/** A ledger record with its kind and its review state. */
export interface ReviewedRecord {
  id: string;
  group: string;
  kind: RecordKind;
  date: string;
  state: ReviewState;
  entry?: ReviewEntry;
}

/** The review state of every ledger record (ledger order, kind by kind), and the entries whose record is gone. */
export function reviewLedgers(ledgers: Ledgers, entries: readonly ReviewEntry[]): { records: ReviewedRecord[]; removed: ReviewEntry[] } {
  const byId = entryMap(entries);
  const seen = new Set<string>();
  const records: ReviewedRecord[] = [];
  for (const kind of RECORD_KINDS) {
    for (const r of ledgers[kind]) {
      const entry = byId.get(r.id);
      seen.add(r.id);
      records.push({
        id: r.id,
        group: r.group,
        kind,
        date: r.date,
        state: stateOf(entry, entry ? recordHash(r) : null),
        ...(entry ? { entry } : {}),
      });
    }
  }
  return { records, removed: [...byId.values()].filter((e) => !seen.has(e.id)) };
}

/** Entries by id; a later entry for the same id wins (reviews.yaml may be edited by hand). */
export function entryMap(entries: readonly ReviewEntry[]): Map<string, ReviewEntry> {
  const map = new Map<string, ReviewEntry>();
  for (const e of entries) map.set(e.id, e);
  return map;
}

export function countStates(states: Iterable<{ state: ReviewState }>): ReviewCounts {
  const counts = emptyReviewCounts();
  for (const s of states) counts[s.state]++;
  return counts;
}

/** reviews.yaml: a commented list, one entry per reviewed record, in the order given. */
export function reviewsText(entries: readonly ReviewEntry[], lang: Lang): string {
  const items = entries.map((e) => ({
    id: e.id,
    state: e.state,
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    ...(e.note !== undefined ? { note: e.note } : {}),
    date: e.date,
    sha256: e.sha256,
  }));
  const header = reviewsHeader(lang)
    .split('\n')
    .map((l) => `# ${l}`)
    .join('\n');
  return `${header}\n${items.length ? emitYaml(items) : '[]\n'}`;
}

/** What is wrong with one entry of reviews.yaml as read, or null when it is a proper entry. */
export function entryProblem(item: unknown): string | null {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return 'entry';
  const e = item as Record<string, unknown>;
  if (typeof e.id !== 'string' || !/^[^/\s]+(\/[^/\s]+)+$/.test(e.id)) return 'id';
  if (!REVIEW_DECISIONS.includes(e.state as ReviewDecision)) return 'state';
  if (typeof e.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) return 'date';
  if (typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256)) return 'sha256';
  if (e.reason !== undefined && typeof e.reason !== 'string') return 'reason';
  if (e.note !== undefined && typeof e.note !== 'string') return 'note';
  return null;
}

/** An entry as read (checked by entryProblem), with only the known fields. */
export function toEntry(e: Record<string, unknown>): ReviewEntry {
  return {
    id: e.id as string,
    state: e.state as ReviewDecision,
    ...(typeof e.reason === 'string' ? { reason: e.reason } : {}),
    ...(typeof e.note === 'string' ? { note: e.note } : {}),
    date: e.date as string,
    sha256: e.sha256 as string,
  };
}
