// When a time limit has passed: one definition for the audit, the status, the export and the
// report, so a record is never overdue in one and on time in another.
import type { LedgerRecord } from './ledgers.js';
import { daysBetween } from '../util/dates.js';

const CLOSED_RECTIFICATION = new Set(['done', 'not-actionable']);

export function rectificationOf(o: LedgerRecord): Record<string, unknown> {
  const r = o.rectification;
  return r !== null && typeof r === 'object' ? (r as Record<string, unknown>) : {};
}

/** Days an open rectification is past its due date as of `asOf` (0 when not overdue). */
export function rectificationDaysOverdue(o: LedgerRecord, asOf: string): number {
  const r = rectificationOf(o);
  if (typeof r.due !== 'string' || CLOSED_RECTIFICATION.has(String(r.status))) return 0;
  return Math.max(0, daysBetween(r.due, asOf));
}

/** Days an appeal that is not resolved is past its due date as of `asOf` (0 when not). */
export function appealDaysOverdue(a: LedgerRecord, asOf: string): number {
  if (typeof a.due !== 'string' || a.status === 'resolved') return 0;
  return Math.max(0, daysBetween(a.due, asOf));
}
