// `ledger status` as a library: what each group has handed in (read from its folder, no merge
// needed), its problems, and how far the deadlines are. Pure: counts in, status out.
import type { Campaign } from '../model/campaign.js';
import { emptyCounts } from '../model/ledgers.js';
import { emptyReviewCounts, type ReviewCounts } from '../model/reviews.js';
import type { RecordKind } from '../schema/spec.js';
import { daysBetween } from '../util/dates.js';

export type GroupState = 'complete' | 'incomplete' | 'overdue';
export type LedgersState = 'current' | 'stale' | 'none' | 'edited';

/** What one group's folder holds, as read and checked. */
export interface GroupHandIn {
  id: string;
  /** Record files in the folder. */
  files: number;
  counts: Record<RecordKind, number>;
  photos: number;
  summary: boolean;
  /** A summary file is there but could not be read (damaged, a pipe, a link leading out): not "no summary". */
  summaryUnreadable?: boolean;
  errors: number;
  warnings: number;
  /** Review states of its records (reviews.yaml), from the records as read. */
  review?: ReviewCounts;
}

/** A group's hand-in as status shows it: its name and type beside the counts, reviews always counted. */
export interface GroupStatus extends Omit<GroupHandIn, 'id' | 'review'> {
  group: string;
  name: string;
  type: string;
  review: ReviewCounts;
  /** Days from --as-of to the group deadline: positive left, negative past. */
  daysToDeadline: number;
  state: GroupState;
}

export interface StatusResult {
  asOf: string;
  deadlines: { groups: string; report: string };
  daysToGroupDeadline: number;
  daysToReportDeadline: number;
  /** Whether ledgers/ holds a merge of exactly these folders (`edited`: a ledger file was changed by hand since). */
  ledgers: LedgersState;
  /** With `edited`: the file (campaign-relative, `ledgers/opinions.yaml`). */
  ledgersFile?: string;
  groups: GroupStatus[];
  summary: Record<GroupState, number>;
}

export function buildStatus(
  campaign: Campaign,
  handIns: readonly GroupHandIn[],
  options: { asOf: string; ledgers: LedgersState; ledgersFile?: string },
): StatusResult {
  const { deadlines } = campaign;
  const days = daysBetween(options.asOf, deadlines.groups);
  const byId = new Map(handIns.map((h) => [h.id, h]));
  const groups = campaign.groups.map((g): GroupStatus => {
    const h = byId.get(g.id) ?? { id: g.id, files: 0, counts: emptyCounts(), photos: 0, summary: false, errors: 0, warnings: 0 };
    // Complete = activity account + picture data + text summary, as the plan asks.
    const complete = h.counts.visit > 0 && h.photos > 0 && h.summary;
    return {
      group: g.id,
      name: g.name,
      type: g.type,
      files: h.files,
      counts: { ...h.counts },
      photos: h.photos,
      summary: h.summary,
      ...(h.summaryUnreadable ? { summaryUnreadable: true } : {}),
      errors: h.errors,
      warnings: h.warnings,
      review: { ...(h.review ?? emptyReviewCounts()) },
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
    ledgers: options.ledgers,
    ...(options.ledgersFile === undefined ? {} : { ledgersFile: options.ledgersFile }),
    groups,
    summary,
  };
}
