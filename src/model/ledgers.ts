// The ledgers/ folder: the one consolidated set that audit, status, export and report read.
// Documented in docs/ledgers.md; other tools read these files, so fields only ever get added.
import type { Campaign, Group } from './campaign.js';
import type { RecordKind } from '../schema/spec.js';

// 3: likely duplicates are clusters ({ids, similarity}), no longer pairs ({a, b, similarity}).
export const FORMAT_VERSION = 3;

/** Ledger file per record kind, in the order they are written and listed. */
export const LEDGER_FILES: Readonly<Record<RecordKind, string>> = {
  visit: 'visits.yaml',
  opinion: 'opinions.yaml',
  info: 'info.yaml',
  appeal: 'appeals.yaml',
  stability: 'stability.yaml',
  hardship: 'hardship.yaml',
};

export interface Origin {
  file: string;
  line: number;
}

/**
 * A record as the ledgers hold it: `id` is `<group>/<id>`, `group` names its group, codes
 * stand in place of labels, `visit` references are ledger ids too, and `origin` says where it
 * was written. The remaining fields are those of FORMAT.md for its kind.
 */
export interface LedgerRecord {
  id: string;
  group: string;
  date: string;
  origin: Origin;
  [field: string]: unknown;
}

export interface ManifestGroup extends Group {
  counts: Record<RecordKind, number>;
  /** Photo files in the group folder (relative to the campaign root). */
  photos: string[];
  /** groups/<id>/summary.md (or summary.docx, FORMAT 1.1) when it has text, else null. */
  summary: string | null;
  /**
   * Set when `summary` is null but a summary file is there that could not be read (a pipe, a
   * link leading out or nowhere, no permission), or the group folder itself could not be: the
   * audit must not call the summary missing.
   */
  unreadable_summary?: string;
  errors: number;
  warnings: number;
  /** Set for groups merged in from another campaign's ledgers (rollup). */
  unit?: string;
}

/**
 * A cluster of likely duplicates: ledger ids in ledger order, the first the earliest opinion
 * of its text; every other one is alike to it by at least `similarity` (1: word for word).
 */
export interface LikelyDuplicate {
  ids: string[];
  similarity: number;
}

/** A lower-level campaign merged in (rollup): its id prefix, where it is, and its manifest's hash. */
export interface ManifestUnit {
  id: string;
  /** As written in ledger.yaml `units:`, relative to the campaign root. */
  path: string;
  unit: string;
  manifest: string;
}

export interface Manifest {
  format: number;
  tool: string;
  campaign: Omit<Campaign, 'groups' | 'units'>;
  groups: ManifestGroup[];
  totals: Record<RecordKind, number> & { rejected: number };
  /** sha256 of every input file (ledger.yaml, records, summaries, photos), by path. */
  inputs: Record<string, string>;
  /** sha256 of every ledger file written, so a hand edit is detected. */
  ledgers: Record<string, string>;
  duplicates: LikelyDuplicate[];
  /** Units merged in; absent when there are none. */
  units?: ManifestUnit[];
}

export interface RejectedRecord {
  file: string;
  line: number;
  group: string;
  kind: RecordKind | null;
  id: string | null;
  /** Why it was refused: each error's code, place and message (in the campaign's language). */
  reasons: RefusalReason[];
}

export interface RefusalReason {
  code: string;
  line: number;
  column: number;
  message: string;
}

export type Ledgers = Record<RecordKind, LedgerRecord[]>;

export interface LedgerSet {
  manifest: Manifest;
  ledgers: Ledgers;
  rejected: RejectedRecord[];
}

export function emptyLedgers(): Ledgers {
  return { visit: [], opinion: [], info: [], appeal: [], stability: [], hardship: [] };
}

export function emptyCounts(): Record<RecordKind, number> {
  return { visit: 0, opinion: 0, info: 0, appeal: 0, stability: 0, hardship: 0 };
}
