// The office's register number (`ref_no`, FORMAT 1.1) names one record in the whole campaign.
// Like likely duplicates it is a check across groups: each group's valid records with a number
// are listed once (small, so the merge caches them with the group), and the campaign-wide
// check reports every record whose number an earlier record (ledger.yaml group order, then
// file order) already has. The first keeps its number; the later ones are the errors.
import { diagnostic, type Diagnostic } from '../messages/diagnostic.js';
import type { RecordResult } from '../model/campaign.js';
import { KIND_LABELS, type RecordKind } from '../schema/spec.js';

/** What the check needs of a valid record that has a register number. */
export interface RefNoRef {
  group: string;
  /** The record's own id (the ledger id is `group/id`). */
  id: string;
  kind: RecordKind;
  file: string;
  /** Where the record starts (what identifies it for a refusal) … */
  line: number;
  /** … and where its ref_no value is written (where the diagnostic points). */
  at: { line: number; column: number };
  value: string;
}

/** A later record with a number already taken: its diagnostic, and what identifies it in its group. */
export interface RefNoClash {
  group: string;
  file: string;
  line: number;
  diagnostic: Diagnostic;
}

/** The valid records of one group that have a register number, in file order. */
export function refNoRefs(group: string, records: readonly RecordResult[]): RefNoRef[] {
  const out: RefNoRef[] = [];
  for (const r of records) {
    if (!r.refNo || r.kind === null || r.id === null || !r.data || r.reasons.length) continue;
    out.push({
      group,
      id: r.id,
      kind: r.kind,
      file: r.file,
      line: r.line,
      at: { line: r.refNo.line, column: r.refNo.column },
      value: r.refNo.value,
    });
  }
  return out;
}

/** The same number however it was typed: full-width digits and letters are the ordinary ones. */
function key(value: string): string {
  return value.normalize('NFKC').trim();
}

/** `refs` in ledger.yaml group order and file order. */
export function duplicateRefNos(refs: readonly RefNoRef[]): RefNoClash[] {
  const first = new Map<string, RefNoRef>();
  const clashes: RefNoClash[] = [];
  for (const ref of refs) {
    const k = key(ref.value);
    const prev = first.get(k);
    if (!prev) {
      first.set(k, ref);
      continue;
    }
    const other = { id: `${prev.group}/${prev.id}`, kind: { ...KIND_LABELS[prev.kind] }, file: prev.file, line: prev.line };
    const d = diagnostic(
      'duplicate-ref-no',
      { refNo: ref.value, other },
      { file: ref.file, line: ref.at.line, column: ref.at.column, pointer: '/ref_no' },
    );
    clashes.push({ group: ref.group, file: ref.file, line: ref.line, diagnostic: d });
  }
  return clashes;
}
