// The report's words for FORMAT 1.1's follow-up figures (stats/followUp.ts): satisfaction of
// rectification feedback and of appeals, reopened rectifications, hardship by cause and
// disputes by the people involved. Worded here, in the report's language, so the templates
// only print them; a block with nothing to say is left out by its `has…` flag.
import type { FollowUpStats, SatisfactionStats } from '../stats/followUp.js';
import { HARDSHIP_CAUSES, label, type Locale } from '../schema/vocab.js';

/** A labelled count as the report's tables show it (the same shape as reportModel's rows). */
export interface FollowUpRow {
  label: string;
  count: number;
  share: string;
  bar: string;
}

/** reportModel's own helpers, handed in so every share and bar is formatted one way. */
export interface RowHelpers {
  pct(n: number, total: number): string;
  toRows(items: readonly { label: string; count: number }[], total: number): FollowUpRow[];
}

export interface SatisfactionWords {
  hasAnswers: boolean;
  answered: number;
  satisfied: number;
  basically: number;
  unsatisfied: number;
  /** 满意率: (satisfied + basically) / answered. */
  rate: string;
}

export interface FollowUpModel {
  rectification: SatisfactionWords;
  reopened: { any: boolean; total: number; doneAgain: number; open: number };
  appeals: SatisfactionWords;
  hardship: { hasCause: boolean; byCause: FollowUpRow[] };
  disputes: { hasPeople: boolean; peopleInvolved: number; byPeople: FollowUpRow[] };
}

function satisfaction(s: SatisfactionStats, h: RowHelpers): SatisfactionWords {
  return {
    hasAnswers: s.answered > 0,
    answered: s.answered,
    satisfied: s.satisfied,
    basically: s.basically,
    unsatisfied: s.unsatisfied,
    rate: h.pct(s.satisfied + s.basically, s.answered),
  };
}

function band(from: number, to: number | null, zh: boolean): string {
  if (to === null) return zh ? `${from}人以上` : `${from} or more`;
  return zh ? `${from}至${to}人` : `${from}–${to}`;
}

export function followUpModel(f: FollowUpStats, lang: Locale, h: RowHelpers): FollowUpModel {
  const zh = lang === 'zh-CN';
  const notGiven = zh ? '未填写' : 'Not given';
  const hardship = f.hardshipByCause.reduce((s, c) => s + c.count, 0);
  const disputes = f.disputesByPeople.reduce((s, b) => s + b.count, 0);
  const causeRows = [
    ...f.hardshipByCause.filter((c) => c.count > 0).map((c) => ({ label: label(HARDSHIP_CAUSES, c.code, lang), count: c.count })),
    ...(f.hardshipCauseUnknown > 0 ? [{ label: notGiven, count: f.hardshipCauseUnknown }] : []),
  ];
  const peopleRows = [
    ...f.disputesByPeople.filter((b) => b.count > 0).map((b) => ({ label: band(b.from, b.to, zh), count: b.count })),
    ...(f.disputesPeopleUnknown > 0 ? [{ label: notGiven, count: f.disputesPeopleUnknown }] : []),
  ];
  return {
    rectification: satisfaction(f.rectificationSatisfaction, h),
    reopened: { any: f.reopened.total > 0, ...f.reopened },
    appeals: satisfaction(f.appealSatisfaction, h),
    hardship: { hasCause: hardship > 0, byCause: h.toRows(causeRows, hardship + f.hardshipCauseUnknown) },
    disputes: {
      hasPeople: disputes > 0,
      peopleInvolved: f.peopleInvolved,
      byPeople: h.toRows(peopleRows, disputes + f.disputesPeopleUnknown),
    },
  };
}
