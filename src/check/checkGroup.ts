// Checks across the records of one group: unique ids and visit references. Pure.
// A record naming a visit that exists but has errors of its own gets no false unknown-visit:
// the visit's errors are reported where they are, and the record is refused with that visit
// (reason visit-has-errors), so the ledgers never hold a reference to a missing visit.
import { diagnostic, type Diagnostic } from '../messages/diagnostic.js';
import type { RecordResult } from '../model/campaign.js';
import { KIND_LABELS } from '../schema/spec.js';
import { nearest } from '../text/suggest.js';

export function checkGroup(group: string, records: readonly RecordResult[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const first = new Map<string, RecordResult>();
  for (const r of records) {
    if (r.id === null || r.kind === null) continue;
    const prev = first.get(r.id);
    if (!prev) {
      first.set(r.id, r);
      continue;
    }
    const d = diagnostic(
      'duplicate-id',
      {
        variant: 'record',
        id: r.id,
        group,
        kind: { en: KIND_LABELS[prev.kind!].en, zh: KIND_LABELS[prev.kind!].zh },
        file: prev.file,
        line: prev.line,
      },
      { file: r.file, ...(r.idAt ?? { line: r.line, column: r.column }), pointer: '/id' },
    );
    diagnostics.push(d);
    r.reasons.push(d);
  }
  const visits = new Map<string, RecordResult>();
  for (const r of records) if (r.kind === 'visit' && r.id !== null && !visits.has(r.id)) visits.set(r.id, r);
  const usable = [...visits.values()].filter((v) => v.data && !v.reasons.length).map((v) => v.id as string);
  for (const r of records) {
    if (!r.visitRef) continue;
    const { value: _value, ...where } = r.visitRef;
    const at = { file: r.file, ...where, pointer: '/visit' };
    const visit = visits.get(r.visitRef.value);
    if (visit && visit.data && !visit.reasons.length) continue;
    if (visit) {
      // Its visit's own errors are reported where they are; this record only waits for them.
      r.reasons.push(diagnostic('visit-has-errors', { visit: r.visitRef.value, file: visit.file, line: visit.line }, at));
      continue;
    }
    const d = diagnostic('unknown-visit', { visit: r.visitRef.value, group, ...suggestion(r.visitRef.value, usable) }, at);
    diagnostics.push(d);
    r.reasons.push(d);
  }
  return diagnostics;
}

function suggestion(value: string, candidates: readonly string[]): { suggest?: string } {
  const s = nearest(value, candidates);
  return s === undefined ? {} : { suggest: s };
}
