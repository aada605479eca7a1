// The merge itself: checked files in, ledgers out. Pure — no disk, no clock — so the same
// inputs always give the same ledgers, and tests can merge campaigns they build in memory.
import type { Diagnostic } from '../diagnostic.js';
import type { Campaign, FileResult, RecordResult } from '../model.js';
import { RECORD_KINDS, type RecordKind } from '../schema/spec.js';
import {
  FORMAT_VERSION,
  type LedgerRecord,
  type LedgerSet,
  type Ledgers,
  type LikelyDuplicate,
  type ManifestGroup,
  type ManifestUnit,
  type RejectedRecord,
} from '../ledgers/types.js';

export interface GroupInput {
  id: string;
  files: FileResult[];
  /** Diagnostics of the group's cross-record checks. */
  diagnostics: Diagnostic[];
  photos: string[];
  summary: string | null;
}

export interface MergeInput {
  campaign: Campaign;
  tool: string;
  groups: GroupInput[];
  /** sha256 by path, every input file. */
  inputs: Record<string, string>;
  duplicates: LikelyDuplicate[];
  /** Ledgers of lower-level campaigns merged in as units (rollup), already prefixed. */
  units?: LedgerSet[];
  unitInfo?: ManifestUnit[];
}

export function emptyLedgers(): Ledgers {
  return { visit: [], opinion: [], info: [], appeal: [], stability: [], hardship: [] };
}

export function emptyCounts(): Record<RecordKind, number> {
  return { visit: 0, opinion: 0, info: 0, appeal: 0, stability: 0, hardship: 0 };
}

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

export function buildLedgers(input: MergeInput): LedgerSet {
  const ledgers = emptyLedgers();
  const rejected: RejectedRecord[] = [];
  const manifestGroups: ManifestGroup[] = [];
  for (const group of input.campaign.groups) {
    const g = input.groups.find((x) => x.id === group.id);
    const counts = emptyCounts();
    let errors = 0;
    let warnings = 0;
    const bucket = emptyLedgers();
    for (const f of g?.files ?? []) {
      for (const d of f.diagnostics) d.severity === 'error' ? errors++ : warnings++;
      for (const r of f.records) {
        if (r.reasons.length === 0 && r.kind && r.data) {
          bucket[r.kind].push(toLedgerRecord(group.id, r));
          counts[r.kind]++;
        } else {
          rejected.push({ file: r.file, line: r.line, group: group.id, kind: r.kind, id: r.id, reasons: r.reasons.length ? r.reasons : ['not a usable record'] });
        }
      }
    }
    for (const d of g?.diagnostics ?? []) d.severity === 'error' ? errors++ : warnings++;
    for (const kind of RECORD_KINDS) {
      bucket[kind].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareIds(a.id, b.id)));
      ledgers[kind].push(...bucket[kind]);
    }
    manifestGroups.push({ ...group, counts, photos: g?.photos ?? [], summary: g?.summary ?? null, errors, warnings });
  }
  const duplicates = [...input.duplicates];
  for (const unit of input.units ?? []) {
    for (const kind of RECORD_KINDS) ledgers[kind].push(...unit.ledgers[kind]);
    manifestGroups.push(...unit.manifest.groups);
    rejected.push(...unit.rejected);
    duplicates.push(...unit.manifest.duplicates);
  }
  const totals = { ...emptyCounts(), rejected: rejected.length };
  for (const kind of RECORD_KINDS) totals[kind] = ledgers[kind].length;
  const { groups: _g, units: _u, ...campaign } = input.campaign;
  return {
    manifest: {
      format: FORMAT_VERSION,
      tool: input.tool,
      campaign,
      groups: manifestGroups,
      totals,
      inputs: sortedObject(input.inputs),
      ledgers: {},
      duplicates,
      ...(input.unitInfo?.length ? { units: input.unitInfo } : {}),
    },
    ledgers,
    rejected,
  };
}

export function sortedObject<T>(o: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k] as T;
  return out;
}
