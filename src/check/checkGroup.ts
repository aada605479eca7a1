// Checks across the records of one group: unique ids and visit references. Pure.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RecordResult } from '../model/campaign.js';
import { didYouMean } from '../text/suggest.js';

export function checkGroup(group: string, records: readonly RecordResult[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const first = new Map<string, RecordResult>();
  const visits: string[] = [];
  for (const r of records) {
    if (r.id === null || r.kind === null) continue;
    const prev = first.get(r.id);
    if (prev) {
      const d: Diagnostic = {
        severity: 'error',
        code: 'duplicate-id',
        message: `id "${r.id}" is already used in group ${group} by the ${prev.kind} at ${prev.file}:${prev.line}`,
        file: r.file,
        line: r.idAt?.line ?? r.line,
        column: r.idAt?.column ?? r.column,
        pointer: '/id',
      };
      diagnostics.push(d);
      r.reasons.push(`${d.code}: ${d.message}`);
    } else first.set(r.id, r);
    if (r.kind === 'visit' && r.data) visits.push(r.id);
  }
  const visitIds = new Set(visits);
  for (const r of records) {
    if (!r.visitRef || visitIds.has(r.visitRef.value)) continue;
    const d: Diagnostic = {
      severity: 'error',
      code: 'unknown-visit',
      message: `visit "${r.visitRef.value}" is not a visit of group ${group}${didYouMean(r.visitRef.value, visits)}`,
      file: r.file,
      line: r.visitRef.line,
      column: r.visitRef.column,
      pointer: '/visit',
    };
    diagnostics.push(d);
    r.reasons.push(`${d.code}: ${d.message}`);
  }
  return diagnostics;
}
