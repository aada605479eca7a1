// The shapes that flow between stages: the campaign as read from ledger.yaml, the context a
// group's files are checked in, and what checking a file yields. All plain data, so results
// can cross worker threads and be cached as JSON.
import type { Diagnostic, Where } from '../messages/diagnostic.js';
import type { RecordKind } from '../schema/spec.js';
import type { Locale } from '../schema/vocab.js';

/** The campaign's file, found from the working folder upward. */
export const CAMPAIGN_FILE = 'ledger.yaml';

export interface Member {
  name: string;
  title?: string;
  leading?: boolean;
}

export interface Group {
  id: string;
  name: string;
  type: string;
  leader: string;
  members: Member[];
}

export interface AuditThresholds {
  written_share: number;
  four_winds_share: number;
}

export interface Campaign {
  title: string;
  unit: string;
  locale: Locale;
  period: { start: string; end: string };
  deadlines: { groups: string; report: string };
  groups: Group[];
  audit: AuditThresholds;
  units: string[];
}

export const DEFAULT_AUDIT: AuditThresholds = { written_share: 0.5, four_winds_share: 0.3 };

/** What a file under a group folder is, by its bytes (photos are checked by content, not name). */
export type FileSniff = 'jpeg' | 'png' | 'other' | 'outside' | 'dir' | 'special' | 'unreadable';

export interface GroupContext {
  group: string;
  members: string[];
  period: { start: string; end: string } | null;
  /** The campaign's language: refused records' reasons are written in it. */
  locale: Locale;
  /** "Today" for birth-date sanity checks, YYYY-MM-DD. */
  today: string;
  /** Files under the group folder, by path relative to it with '/'. */
  files: Record<string, FileSniff>;
}

export interface RecordResult {
  kind: RecordKind | null;
  id: string | null;
  file: string;
  line: number;
  column: number;
  /** Canonical data (codes, spec key order) when the record was a usable mapping. */
  data: Record<string, unknown> | null;
  /** Why the record cannot go into the ledgers: its errors (and a visit of its that has errors). */
  reasons: Diagnostic[];
  visitRef?: { value: string } & Where;
  /** Where the id value is written, for duplicate-id. */
  idAt?: Where;
  /** The register number (FORMAT 1.1) and where it is written, for duplicate-ref-no across the campaign. */
  refNo?: { value: string } & Where;
  /** A record read from a workbook: the sheet its row is on (`line` is the row). */
  sheet?: string;
}

export interface FileResult {
  file: string;
  group: string;
  records: RecordResult[];
  diagnostics: Diagnostic[];
}
