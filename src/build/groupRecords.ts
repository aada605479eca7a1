// A group's checked files as ledger records: ids prefixed with the group, codes, origin, and
// a stable order (date, then id, with v2 before v10). Pure — no disk, no clock.
import { localize, type Diagnostic } from '../messages/diagnostic.js';
import type { Lang } from '../messages/words.js';
import type { FileResult, RecordResult } from '../model/campaign.js';
import { RECORD_KINDS, type RecordKind } from '../schema/spec.js';
import { emptyCounts, emptyLedgers, type LedgerRecord, type Ledgers, type RejectedRecord } from '../model/ledgers.js';

/** Compares ids so that v2 sorts before v10, without locale rules. */
export function compareIds(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const x = a.match(re) ?? [];
  const y = b.match(re) ?? [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string;
    const q = y[i] as string;
    if (p === q) continue;
    const np = /^\d/.test(p);
    const nq = /^\d/.test(q);
    if (np && nq) {
      const d = Number(p) - Number(q);
      if (d !== 0) return d;
      return p.length - q.length;
    }
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

export function toLedgerRecord(group: string, r: RecordResult): LedgerRecord {
  const data = r.data as Record<string, unknown>;
  const out: Record<string, unknown> = { id: `${group}/${String(data.id)}`, group, date: String(data.date) };
  for (const [key, value] of Object.entries(data)) {
    if (key === 'kind' || key === 'id' || key === 'date') continue;
    out[key] = key === 'visit' ? `${group}/${String(value)}` : value;
  }
  out.origin = { file: r.file, line: r.line };
  return out as LedgerRecord;
}

/** One group's records as the ledgers hold them (sorted by date, then id), and what was refused. */
export interface GroupRecords {
  bucket: Ledgers;
  counts: Record<RecordKind, number>;
  rejected: RejectedRecord[];
  errors: number;
  warnings: number;
}

export function groupRecords(group: string, files: readonly FileResult[], diagnostics: readonly Diagnostic[], lang: Lang): GroupRecords {
  const counts = emptyCounts();
  const rejected: RejectedRecord[] = [];
  let errors = 0;
  let warnings = 0;
  const bucket = emptyLedgers();
  for (const f of files) {
    for (const d of f.diagnostics)
      if (d.severity === 'error') errors++;
      else warnings++;
    for (const r of f.records) {
      if (r.reasons.length === 0 && r.kind && r.data) {
        bucket[r.kind].push(toLedgerRecord(group, r));
        counts[r.kind]++;
      } else {
        rejected.push({
          file: r.file,
          line: r.line,
          group,
          kind: r.kind,
          id: r.id,
          reasons: r.reasons.map((d) => ({ code: d.code, line: d.line, column: d.column, message: localize(d, lang) })),
        });
      }
    }
  }
  for (const d of diagnostics)
    if (d.severity === 'error') errors++;
    else warnings++;
  for (const kind of RECORD_KINDS) bucket[kind].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareIds(a.id, b.id)));
  return { bucket, counts, rejected, errors, warnings };
}

export function sortedObject<T>(o: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k] as T;
  return out;
}
