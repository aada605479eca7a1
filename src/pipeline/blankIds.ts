// Ids for workbook rows whose id cell was left empty. The workbook keeps no id for such a row, so
// each import numbers it again; a row whose contents are those of a record of the workbook's
// earlier import gets that record's id back, so deleting or inserting a row does not shift the
// ids of the others, and a row that is not one of them (edited, or another member's copy of the
// template) gets a new id: the earlier record is then reported as removed, never overwritten.
import type { RecordResult } from '../model/campaign.js';
import { ID_PREFIX } from '../model/templateLayout.js';
import type { WorkbookRecord } from '../read/workbookRecords.js';

/** Provisional ids (the next free ones of their kind, in row order), so the rows can be checked. */
export function numberBlankIds(records: readonly WorkbookRecord[], taken: readonly RecordResult[]): void {
  const used = new Set<string>();
  for (const r of taken) if (r.id !== null) used.add(r.id);
  for (const r of records) if (typeof r.data.id === 'string') used.add(r.data.id);
  assign(
    records.filter((r) => r.blankId),
    used,
    (r, id) => {
      // The id goes right after the kind, where a YAML record has it.
      const { kind, ...rest } = r.data;
      for (const k of Object.keys(r.data)) delete r.data[k];
      Object.assign(r.data, { kind, id }, rest);
    },
  );
}

/**
 * After the check: blank-id rows equal to a record of the earlier import take its id; the
 * others are numbered after every id of the group, the earlier import's included (an id that
 * the import removes is not given to another record).
 */
export function reuseEarlierIds(
  records: readonly WorkbookRecord[],
  results: readonly RecordResult[],
  own: readonly RecordResult[],
  outside: readonly RecordResult[],
): void {
  const typed = new Set<string>();
  records.forEach((r) => !r.blankId && typeof r.data.id === 'string' && typed.add(r.data.id));
  const earlier = new Map<string, string[]>();
  for (const o of own) {
    if (o.id === null || o.kind === null || !o.data || typed.has(o.id)) continue;
    const key = contentKey(o.kind, o.data);
    earlier.set(key, [...(earlier.get(key) ?? []), o.id]);
  }
  const rest: { r: WorkbookRecord; res: RecordResult }[] = [];
  records.forEach((r, i) => {
    const res = results[i] as RecordResult;
    if (!r.blankId) return;
    const id = res.kind && res.data ? earlier.get(contentKey(res.kind, res.data))?.shift() : undefined;
    if (id === undefined) rest.push({ r, res });
    else setId(r, res, id);
  });
  const used = new Set<string>(typed);
  for (const x of [...own, ...outside]) if (x.id !== null) used.add(x.id);
  const byRow = new Map(rest.map((x) => [x.r, x.res]));
  for (const r of records) if (r.blankId && !byRow.has(r)) used.add(r.data.id as string);
  assign(
    rest.map((x) => x.r),
    used,
    (r, id) => setId(r, byRow.get(r) as RecordResult, id),
  );
}

function setId(r: WorkbookRecord, res: RecordResult, id: string): void {
  r.data.id = id;
  res.id = id;
  if (res.data) res.data.id = id;
}

/** The next free id of each row's kind, in row order. */
function assign(rows: readonly WorkbookRecord[], used: Set<string>, set: (r: WorkbookRecord, id: string) => void): void {
  const next = new Map<string, number>();
  for (const r of rows) {
    const prefix = ID_PREFIX[r.kind];
    let n = next.get(prefix) ?? largest(used, prefix) + 1;
    while (used.has(`${prefix}${n}`)) n++;
    const id = `${prefix}${n}`;
    used.add(id);
    next.set(prefix, n + 1);
    set(r, id);
  }
}

function largest(used: ReadonlySet<string>, prefix: string): number {
  let max = 0;
  for (const id of used) {
    if (!id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  return max;
}

/** A record's contents without its id, as sameValue compares them (trimmed text, \n line ends, empty values left out). */
export function contentKey(kind: string, data: Record<string, unknown>): string {
  const rest = { ...data };
  delete rest.id;
  return `${kind}\u0000${JSON.stringify(canonical(rest))}`;
}

function canonical(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/\r\n?/g, '\n').trim();
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const c = canonical((v as Record<string, unknown>)[k]);
      if (!isEmpty(c)) out[k] = c;
    }
    return out;
  }
  return v;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v as object).length === 0;
}
