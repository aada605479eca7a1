// What a report template sees: every figure of the campaign, already worded and formatted in
// the report's language, so templates stay logic-less (no code, only {{name}} and {{#each}}).
// Every number comes from campaignStats and runAudit over the merged ledgers, the same source
// as the export's summary sheet.
import { findingMessage, runAudit, type AuditResult } from '../audit/runAudit.js';
import type { LedgerSet, Manifest } from '../model/ledgers.js';
import { countStates, reviewLedgers, type ReviewEntry } from '../model/reviews.js';
import { campaignStats, type CampaignStats, type Tally } from '../stats/campaignStats.js';
import { CATEGORIES, CHANNELS, FOUR_WINDS, METHODS, PATTERNS, type Locale } from '../schema/vocab.js';
import { followUpModel, type FollowUpModel } from './followUpModel.js';
import { scrubText } from './scrub.js';
import { asOfView } from '../model/asOfView.js';
import { proseDate } from '../messages/dates.js';
import { phrases } from './phrases.js';
import { bandRows, pct, rows, toRows, type Row } from './rows.js';
import { problems, type Problem } from './problems.js';
import { reportGroups, type ReportGroup } from './reportGroups.js';
import { reportCharts, type ReportCharts } from './reportCharts.js';

export type { Row } from './rows.js';
export type { Problem, Quote } from './problems.js';
export type { ReportGroup } from './reportGroups.js';

export interface ReportOptions {
  lang: Locale;
  asOf: string;
  /** reviews.yaml, for the review progress. */
  reviews?: readonly ReviewEntry[];
}

export interface ReportModel {
  lang: Locale;
  zh: boolean;
  unit: string;
  title: string;
  asOf: string;
  /** `ongoing` while the as-of date is before the campaign's last day (the report then says it runs until then). */
  period: { start: string; end: string; ongoing: boolean };
  deadlines: { groups: string; report: string };
  facts: {
    groups: number;
    workGroups: number;
    judicialOffices: number;
    members: number;
    participants: number;
    leadingCadres: number;
    leadingCadresTookPart: number;
    visitsLed: number;
    visits: number;
    visitsWithPhotos: number;
    peopleHeard: number;
    sendWarmth: number;
    sendServices: number;
  };
  methods: Row[];
  patterns: Row[];
  bands: Row[];
  opinions: {
    total: number;
    fourWinds: number;
    fourWindsShare: string;
    byCategory: Row[];
    byBand: Row[];
    byChannel: Row[];
    problems: Problem[];
  };
  rectification: {
    total: number;
    measures: number;
    missing: number;
    done: number;
    doneRate: string;
    /** In progress (status in-progress). */
    inProgress: number;
    inProgressRate: string;
    /** A measure is set but the work has not started (status planned). */
    planned: number;
    plannedRate: string;
    overdue: number;
    overdueRate: string;
    notActionable: number;
    feedbackGiven: number;
    feedbackRate: string;
  };
  cards: {
    info: number;
    appeals: number;
    appealsOpen: number;
    appealsOverdue: number;
    stability: number;
    stabilityHighRiskOpen: number;
    stabilityResolved: number;
    hardship: number;
    hardshipHelped: number;
    assistanceActs: number;
  };
  audit: {
    errors: number;
    warnings: number;
    makeupCount: number;
    hasMakeup: boolean;
    makeup: { id: string; name: string; reasons: string[]; reasonsText: string }[];
  };
  /** Records left out of the figures: dated after the as-of date, or refused by the merge. */
  notCounted: { later: number; refused: number; any: boolean };
  /** The same dates as YYYY-MM-DD (asOf, period and deadlines above are worded for prose). */
  iso: { asOf: string; start: string; end: string; groupsDeadline: string; reportDeadline: string };
  /** Counted phrases with the right plural ("1 group", "7 groups"; zh: the number and its measure word). */
  n: Record<string, string>;
  /** Review progress of the records (ledger review); `reviewed` once anything was reviewed, `complete` when every record is. */
  review: {
    reviewed: boolean;
    complete: boolean;
    total: number;
    approved: number;
    returned: number;
    changed: number;
    unreviewed: number;
    approvedShare: string;
  };
  groups: ReportGroup[];
  charts: ReportCharts;
  /** FORMAT 1.1: satisfaction rates, reopened rectifications, hardship by cause, disputes by people involved. */
  followUp: FollowUpModel;
  stats: CampaignStats;
}

const count = (tally: Tally, code: string) => tally.find((x) => x.code === code)?.count ?? 0;

/** The campaign's dates worded for prose, and the same dates as YYYY-MM-DD. */
function datesSection(
  campaign: Manifest['campaign'],
  asOf: string,
  lang: Locale,
): Pick<ReportModel, 'asOf' | 'period' | 'deadlines' | 'iso'> {
  return {
    asOf: proseDate(asOf, lang),
    period: {
      start: proseDate(campaign.period.start, lang),
      end: proseDate(campaign.period.end, lang),
      ongoing: asOf < campaign.period.end,
    },
    deadlines: { groups: proseDate(campaign.deadlines.groups, lang), report: proseDate(campaign.deadlines.report, lang) },
    iso: {
      asOf,
      start: campaign.period.start,
      end: campaign.period.end,
      groupsDeadline: campaign.deadlines.groups,
      reportDeadline: campaign.deadlines.report,
    },
  };
}

function factsSection(s: CampaignStats): ReportModel['facts'] {
  return {
    groups: s.groups.total,
    workGroups: s.groups.workGroups,
    judicialOffices: s.groups.judicialOffices,
    members: s.members,
    participants: s.participants,
    leadingCadres: s.leadingCadres.total,
    leadingCadresTookPart: s.leadingCadres.tookPart,
    visitsLed: s.leadingCadres.visitsLed,
    visits: s.visits.total,
    visitsWithPhotos: s.visits.withPhotos,
    peopleHeard: s.peopleHeard.total,
    sendWarmth: count(s.visits.also, 'send-warmth'),
    sendServices: count(s.visits.also, 'send-services'),
  };
}

/** Every category, zero included, with the four winds marked (the table and its chart). */
function categoryRows(s: CampaignStats, lang: Locale): Row[] {
  return rows(CATEGORIES, s.opinions.byCategory, lang, s.opinions.total, true).map((row, i) => ({
    ...row,
    fourWinds: FOUR_WINDS.includes((CATEGORIES[i] as { code: string }).code),
  }));
}

function opinionsSection(s: CampaignStats, byCategory: Row[], problemList: Problem[], lang: Locale): ReportModel['opinions'] {
  const total = s.opinions.total;
  return {
    total,
    fourWinds: s.opinions.fourWinds,
    fourWindsShare: pct(s.opinions.fourWinds, total),
    byCategory,
    byBand: bandRows(s.opinions.byBand, total, lang),
    byChannel: rows(CHANNELS, s.opinions.byChannel, lang, total),
    problems: problemList,
  };
}

/** Every rate is a share of all opinions: each opinion calls for a rectification. */
function rectificationSection(s: CampaignStats, notActionable: number): ReportModel['rectification'] {
  const total = s.opinions.total;
  const r = s.rectification;
  return {
    total,
    measures: r.measures,
    missing: r.missing,
    done: r.done,
    doneRate: pct(r.done, total),
    inProgress: r.inProgress,
    inProgressRate: pct(r.inProgress, total),
    planned: r.planned,
    plannedRate: pct(r.planned, total),
    overdue: r.overdue,
    overdueRate: pct(r.overdue, total),
    notActionable,
    feedbackGiven: r.feedbackGiven,
    feedbackRate: pct(r.feedbackGiven, total),
  };
}

function cardsSection(s: CampaignStats): ReportModel['cards'] {
  return {
    info: s.info.total,
    appeals: s.appeals.total,
    appealsOpen: s.appeals.open,
    appealsOverdue: s.appeals.overdue,
    stability: s.stability.total,
    stabilityHighRiskOpen: s.stability.highRiskOpen,
    stabilityResolved: s.stability.resolved,
    hardship: s.hardship.total,
    hardshipHelped: s.hardship.helped,
    assistanceActs: s.hardship.assistanceActs,
  };
}

/** The error findings of a group, each a sentence. */
function reasonsOf(audit: AuditResult, id: string, lang: Locale): string[] {
  return audit.findings.filter((f) => f.group === id && f.severity === 'error').map((f) => scrubText(findingMessage(f, lang), lang));
}

/** Items as one sentence: joined by semicolons, ending with a full stop (。 in Chinese). */
function listSentence(items: readonly string[], lang: Locale): string {
  return lang === 'zh-CN' ? `${items.join('；')}。` : `${items.join('; ')}.`;
}

/** The audit's counts, and the groups that must make up their work with the reasons why. */
function auditSection(audit: AuditResult, manifest: Manifest, lang: Locale): ReportModel['audit'] {
  const groupName = (id: string) => manifest.groups.find((g) => g.id === id)?.name ?? id;
  return {
    errors: audit.summary.errors,
    warnings: audit.summary.warnings,
    makeupCount: audit.makeup.length,
    hasMakeup: audit.makeup.length > 0,
    makeup: audit.makeup.map((id) => {
      const reasons = reasonsOf(audit, id, lang);
      return { id, name: groupName(id), reasons, reasonsText: listSentence(reasons, lang) };
    }),
  };
}

/** Review states count every record merged, whatever the as-of date. */
function reviewSection(set: LedgerSet, entries: readonly ReviewEntry[]): ReportModel['review'] {
  const reviews = countStates(reviewLedgers(set.ledgers, entries).records);
  const total = reviews.approved + reviews.returned + reviews.changed + reviews.unreviewed;
  return {
    reviewed: total > reviews.unreviewed,
    complete: total > 0 && reviews.unreviewed === 0 && reviews.changed === 0,
    total,
    ...reviews,
    approvedShare: pct(reviews.approved, total),
  };
}

export function buildReportModel(set: LedgerSet, options: ReportOptions): ReportModel {
  const { lang, asOf } = options;
  // Figures as of the date: records dated later are left out of them (and said to be).
  const view = asOfView(set, asOf);
  const s = campaignStats(view.set, asOf);
  const audit: AuditResult = runAudit(view.set, { asOf });
  const { campaign } = set.manifest;
  const notActionable = count(s.rectification.byStatus, 'not-actionable');
  const byCategory = categoryRows(s, lang);
  const groups = reportGroups(s, audit, lang);
  return {
    lang,
    zh: lang === 'zh-CN',
    unit: campaign.unit,
    title: campaign.title,
    ...datesSection(campaign, asOf, lang),
    facts: factsSection(s),
    methods: rows(METHODS, s.visits.byMethod, lang, s.visits.total),
    patterns: rows(PATTERNS, s.visits.byPattern, lang, s.visits.total),
    bands: bandRows(s.peopleHeard.byBand, s.peopleHeard.total, lang),
    opinions: opinionsSection(s, byCategory, problems(view.set.ledgers.opinion, s, lang), lang),
    rectification: rectificationSection(s, notActionable),
    cards: cardsSection(s),
    audit: auditSection(audit, set.manifest, lang),
    notCounted: { later: view.later, refused: s.refused, any: view.later + s.refused > 0 },
    n: phrases(s, audit, view.later, lang),
    review: reviewSection(view.set, options.reviews ?? []),
    groups,
    charts: reportCharts(byCategory, groups, s, notActionable, lang),
    followUp: followUpModel(s.followUp, lang, { pct, toRows }),
    stats: s,
  };
}
