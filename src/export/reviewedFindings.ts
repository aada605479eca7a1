// The findings a workbook of reviewed records only (--reviewed-only) can honestly list. The audit
// runs over every record (a rule such as "too few opinions on the four winds" is about the whole
// group, and must not change because some records are still waiting for review), but the sheet
// names no record it does not list: a finding keeps only its approved records and is left out
// when none is left; a finding about a group as a whole (no records: no visits, a missing
// summary, no photos) is kept. The make-up list follows what is kept, so it never names a
// finding the sheet does not show.
import type { AuditResult } from '../audit/runAudit.js';

export function reviewedFindings(audit: AuditResult, approved: ReadonlySet<string>): AuditResult {
  const findings = audit.findings.flatMap((f) => {
    if (f.records.length === 0) return [f];
    const records = f.records.filter((id) => approved.has(id));
    return records.length ? [{ ...f, records }] : [];
  });
  const makeup = audit.makeup.filter((g) => findings.some((f) => f.group === g && f.severity === 'error'));
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    ...audit,
    findings,
    makeup,
    summary: { ...audit.summary, errors, warnings: findings.length - errors, makeup: makeup.length },
  };
}
