// What changed since the last merge, record by record: added, removed, changed (which fields,
// by path; for codes, dates and numbers also from → to) and refused (a record now refused is
// not "removed": it is still there, waiting to be corrected). Personal data is never written:
// its fields are named, never shown. Pure: records in, changes out, in ledger order.
import type { LedgerRecord } from '../model/ledgers.js';
import { specAt } from '../schema/fields.js';
import { RECORD_SPECS, type RecordKind } from '../schema/spec.js';

export interface FieldChange {
  path: string;
  from?: string | number | boolean | null;
  to?: string | number | boolean | null;
}

export interface ChangeLists {
  added: string[];
  removed: string[];
  changed: { id: string; fields: FieldChange[] }[];
  refused: string[];
}

/** 'none' on the first merge and 'unreadable' when the ledgers replaced could not be read (edited by hand): then no lists. */
export type Changes = ({ previous: 'ledgers' } & ChangeLists) | { previous: 'none' | 'unreadable' };

/** Values whose from → to may be written: codes, dates, numbers, true/false (never text or personal data). */
function shownValue(kind: RecordKind, path: string[], value: unknown): value is string | number | boolean | null {
  const spec = specAt(RECORD_SPECS[kind], path);
  if (value === undefined) return false;
  if (!spec || spec.t === 'string' || spec.t === 'list' || spec.t === 'object') return false;
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Leaf paths whose values differ between two records (origin ignored). */
function fieldChanges(kind: RecordKind, a: unknown, b: unknown, path: string[] = [], out: FieldChange[] = []): FieldChange[] {
  const plain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (plain(a) && plain(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) if (!(path.length === 0 && k === 'origin')) fieldChanges(kind, a[k], b[k], [...path, k], out);
    return out;
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  const change: FieldChange = { path: path.join('.') };
  if (shownValue(kind, path, a ?? null) && shownValue(kind, path, b ?? null)) {
    change.from = (a ?? null) as FieldChange['from'];
    change.to = (b ?? null) as FieldChange['to'];
  }
  out.push(change);
  return out;
}

/** The file is one refused whole, or lies in a folder refused whole (a group folder behind a broken link). */
function fromRefused(file: string, refused: ReadonlySet<string> | undefined): boolean {
  if (!refused?.size) return false;
  for (let at = file; at.includes('/'); at = at.slice(0, at.lastIndexOf('/'))) if (refused.has(at)) return true;
  return false;
}

export interface KindRecords {
  kind: RecordKind;
  records: readonly LedgerRecord[];
}

/**
 * Changes of the groups that were rebuilt: `before` and `after` are their records by kind.
 * A record gone since is `refused` when its id is refused now, or the file it came from is
 * refused as a whole (a file that could not be read: its ids are not known).
 */
export function diffRecords(
  before: readonly KindRecords[],
  after: readonly KindRecords[],
  refused: { ids: ReadonlySet<string>; files?: ReadonlySet<string> },
): ChangeLists {
  const old = new Map<string, { kind: RecordKind; record: LedgerRecord }>();
  for (const k of before) for (const r of k.records) old.set(r.id, { kind: k.kind, record: r });
  const out: ChangeLists = { added: [], removed: [], changed: [], refused: [] };
  const seen = new Set<string>();
  for (const k of after) {
    for (const r of k.records) {
      seen.add(r.id);
      const prev = old.get(r.id);
      if (!prev) {
        out.added.push(r.id);
        continue;
      }
      const fields = prev.kind === k.kind ? fieldChanges(k.kind, prev.record, r) : [{ path: 'kind', from: prev.kind, to: k.kind }];
      if (fields.length) out.changed.push({ id: r.id, fields });
    }
  }
  for (const k of before) {
    for (const r of k.records) {
      if (seen.has(r.id)) continue;
      if (refused.ids.has(r.id) || fromRefused(r.origin.file, refused.files)) out.refused.push(r.id);
      else out.removed.push(r.id);
    }
  }
  return out;
}
