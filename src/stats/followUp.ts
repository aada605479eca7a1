// The figures of FORMAT 1.1's follow-up fields: how satisfied people were with rectifications
// and appeals, rectifications reopened (复号), hardship by cause and disputes by the people
// they involve. Computed here once, for the report and anything else that prints them.
import { rectificationOf } from '../model/overdue.js';
import type { LedgerRecord } from '../model/ledgers.js';
import { APPEAL_CHANNELS, HARDSHIP_CAUSES, type Vocabulary } from '../schema/vocab.js';

/** Answers to "were you satisfied?" (满意度测评). */
export interface SatisfactionStats {
  /** Records with an answer. */
  answered: number;
  satisfied: number;
  basically: number;
  unsatisfied: number;
  /** 满意率: (satisfied + basically) / answered, 0..1; 0 when no one answered. */
  rate: number;
}

/** Disputes by how many people they involve: the lower bound of each band (1–4, 5–29, 30–99, 100 and more). */
export const PEOPLE_BANDS: readonly { from: number; to: number | null }[] = [
  { from: 1, to: 4 },
  { from: 5, to: 29 },
  { from: 30, to: 99 },
  { from: 100, to: null },
];

export interface FollowUpStats {
  rectificationSatisfaction: SatisfactionStats;
  appealSatisfaction: SatisfactionStats;
  /** Rectifications reopened after an unsatisfied answer: all, done again, still being worked on. */
  reopened: { total: number; doneAgain: number; open: number };
  /** Appeals by the channel they came in by (every code, zero included), and those that do not say. */
  appealsByChannel: { code: string; count: number }[];
  appealsChannelUnknown: number;
  /** Hardship cards by cause (every code, zero included), and those that do not say. */
  hardshipByCause: { code: string; count: number }[];
  hardshipCauseUnknown: number;
  /** Stability cards by people involved (PEOPLE_BANDS order), those that do not say, and the people in all. */
  disputesByPeople: { from: number; to: number | null; count: number }[];
  disputesPeopleUnknown: number;
  peopleInvolved: number;
}

function satisfaction(answers: readonly unknown[]): SatisfactionStats {
  const n = (code: string) => answers.filter((a) => a === code).length;
  const satisfied = n('satisfied');
  const basically = n('basically');
  const unsatisfied = n('unsatisfied');
  const answered = satisfied + basically + unsatisfied;
  return { answered, satisfied, basically, unsatisfied, rate: answered === 0 ? 0 : (satisfied + basically) / answered };
}

function byCode(vocab: Vocabulary, values: readonly unknown[]): { counts: { code: string; count: number }[]; unknown: number } {
  const counts = vocab.map((t) => ({ code: t.code, count: values.filter((v) => v === t.code).length }));
  return { counts, unknown: values.length - counts.reduce((s, c) => s + c.count, 0) };
}

export function followUpStats(ledgers: {
  opinion: readonly LedgerRecord[];
  appeal: readonly LedgerRecord[];
  stability: readonly LedgerRecord[];
  hardship: readonly LedgerRecord[];
}): FollowUpStats {
  const rects = ledgers.opinion.map(rectificationOf);
  const reopened = rects.filter((r) => typeof r.reopened_on === 'string');
  const channels = byCode(
    APPEAL_CHANNELS,
    ledgers.appeal.map((a) => a.channel),
  );
  const causes = byCode(
    HARDSHIP_CAUSES,
    ledgers.hardship.map((h) => h.cause),
  );
  const people = ledgers.stability.map((s) => s.people).filter((p): p is number => typeof p === 'number' && Number.isFinite(p));
  return {
    rectificationSatisfaction: satisfaction(rects.map((r) => r.satisfaction)),
    appealSatisfaction: satisfaction(ledgers.appeal.map((a) => a.satisfaction)),
    reopened: {
      total: reopened.length,
      doneAgain: reopened.filter((r) => r.status === 'done').length,
      open: reopened.filter((r) => r.status === 'planned' || r.status === 'in-progress').length,
    },
    appealsByChannel: channels.counts,
    appealsChannelUnknown: channels.unknown,
    hardshipByCause: causes.counts,
    hardshipCauseUnknown: causes.unknown,
    disputesByPeople: PEOPLE_BANDS.map((b) => ({ ...b, count: people.filter((p) => p >= b.from && (b.to === null || p <= b.to)).length })),
    disputesPeopleUnknown: ledgers.stability.length - people.length,
    peopleInvolved: people.reduce((s, p) => s + p, 0),
  };
}
