// `ledger status` as a library: what each group has handed in, and how far the deadlines are.
import type { LedgerSet } from '../model/ledgers.js';
import { RECORD_KINDS, type RecordKind } from '../schema/spec.js';
import { daysBetween } from '../util/dates.js';

export type GroupState = 'complete' | 'incomplete' | 'overdue';

export interface GroupStatus {
  group: string;
  name: string;
  type: string;
  counts: Record<RecordKind, number>;
  photos: number;
  summary: boolean;
  errors: number;
  warnings: number;
  /** Days from --as-of to the group deadline: positive left, negative past. */
  daysToDeadline: number;
  state: GroupState;
}

export interface StatusResult {
  asOf: string;
  deadlines: { groups: string; report: string };
  daysToGroupDeadline: number;
  daysToReportDeadline: number;
  groups: GroupStatus[];
  summary: Record<GroupState, number>;
}

export function buildStatus(set: LedgerSet, options: { asOf: string }): StatusResult {
  const { deadlines } = set.manifest.campaign;
  const days = daysBetween(options.asOf, deadlines.groups);
  const groups = set.manifest.groups.map((g): GroupStatus => {
    const counts = { ...g.counts };
    for (const k of RECORD_KINDS) counts[k] = counts[k] ?? 0;
    // Complete = activity account + picture data + text summary, as the plan asks.
    const complete = counts.visit > 0 && g.photos.length > 0 && g.summary !== null;
    return {
      group: g.id,
      name: g.name,
      type: g.type,
      counts,
      photos: g.photos.length,
      summary: g.summary !== null,
      errors: g.errors,
      warnings: g.warnings,
      daysToDeadline: days,
      state: complete ? 'complete' : days < 0 ? 'overdue' : 'incomplete',
    };
  });
  const summary: Record<GroupState, number> = { complete: 0, incomplete: 0, overdue: 0 };
  for (const g of groups) summary[g.state]++;
  return {
    asOf: options.asOf,
    deadlines,
    daysToGroupDeadline: days,
    daysToReportDeadline: daysBetween(options.asOf, deadlines.report),
    groups,
    summary,
  };
}
