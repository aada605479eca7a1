// What a report template sees: every figure of the campaign, already worded and formatted in
// the report's language, so templates stay logic-less (no code, only {{name}} and {{#each}}).
// Every number comes from campaignStats and runAudit over the merged ledgers, the same source
// as the export's summary sheet.
import { findingMessage, runAudit, type AuditResult } from '../audit/runAudit.js';
import type { LedgerRecord, LedgerSet } from '../model/ledgers.js';
import { countStates, reviewLedgers, type ReviewEntry } from '../model/reviews.js';
import { campaignStats, type CampaignStats, type GroupStats, type Tally } from '../stats/campaignStats.js';
import {
  AUDIENCES,
  BANDS,
  CATEGORIES,
  CHANNELS,
  FOUR_WINDS,
  GROUP_TYPES,
  METHODS,
  PATTERNS,
  label,
  type Locale,
  type Vocabulary,
} from '../schema/vocab.js';
import { barChart, stackedBar, textBar } from './charts.js';
import { followUpModel, type FollowUpModel } from './followUpModel.js';
import { scrubText, shorten } from './scrub.js';
import { asOfView } from '../model/asOfView.js';
import { proseDate } from '../messages/dates.js';
import { findingTitle } from '../messages/findings.js';
import { counted, groupPhrases, phrases } from './phrases.js';

export interface ReportOptions {
  lang: Locale;
  asOf: string;
  /** reviews.yaml, for the review progress. */
  reviews?: readonly ReviewEntry[];
}

export interface Row {
  label: string;
  count: number;
  share: string;
  bar: string;
  fourWinds?: boolean;
}

export interface Quote {
  text: string;
  who: string;
}

export interface Problem {
  rank: number;
  label: string;
  count: number;
  /** "13 opinions" / "13条". */
  countText: string;
  share: string;
  quotes: Quote[];
}

/** A group as the annex shows it: its figures (GroupStats), worded for the report. */
export interface ReportGroup extends Omit<GroupStats, 'rectificationDone' | 'rectificationOverdue' | 'summary'> {
  /** Counted phrases for this group (see ReportModel.n). */
  n: Record<string, string>;
  done: number;
  overdue: number;
  /** info + the three cards: the "one table and three cards" of the group. */
  cards: number;
  summary: string;
  makeup: boolean;
  state: string;
  findings: { code: string; title: string; severity: string; message: string }[];
  /** Filled in by the html renderer (data: URIs), empty elsewhere. */
  thumbnails: { src: string; caption: string }[];
}

export interface ReportModel {
  lang: Locale;
  zh: boolean;
  unit: string;
  title: string;
  asOf: string;
  period: { start: string; end: string };
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
  /** Review progress of the records (ledger review); `reviewed` once anything was reviewed. */
  review: {
    reviewed: boolean;
    total: number;
    approved: number;
    returned: number;
    changed: number;
    unreviewed: number;
    approvedShare: string;
  };
  groups: ReportGroup[];
  /** SVG markup (html templates print them with {{{charts.byCategory}}}). */
  charts: { byCategory: string; byGroup: string; rectification: string };
  /** FORMAT 1.1: satisfaction rates, reopened rectifications, hardship by cause, disputes by people involved. */
  followUp: FollowUpModel;
  stats: CampaignStats;
}

const pct = (n: number, total: number) => (total === 0 ? '0%' : `${(Math.round((n / total) * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`);

/** Labelled counts as table rows: share of `total`, and a bar scaled to the largest count. */
function toRows(items: readonly { label: string; count: number }[], total: number): Row[] {
  const max = Math.max(0, ...items.map((x) => x.count));
  return items.map((x) => ({ label: x.label, count: x.count, share: pct(x.count, total), bar: textBar(x.count, max) }));
}

/** A tally as rows in the vocabulary's order; zero rows left out unless `keepZero`. */
function rows(vocab: Vocabulary, t: Tally, lang: Locale, total: number, keepZero = false): Row[] {
  return toRows(
    t.filter((x) => keepZero || x.count > 0).map((x) => ({ label: label(vocab, x.code, lang), count: x.count })),
    total,
  );
}

/** A quote printed inside quotation marks: its own quotes become the inner kind (“…‘…’…”, "…'…'…"). */
function innerQuotes(text: string, lang: Locale): string {
  if (lang === 'zh-CN')
    return text
      .replace(/“/g, '‘')
      .replace(/”/g, '’')
      .replace(/"([^"]*)"/g, '‘$1’');
  return text
    .replace(/"([^"]*)"/g, "'$1'")
    .replace(/“/g, "'")
    .replace(/”/g, "'");
}

/** The most frequent categories with a few quotes each, people named only by audience kind. */
function problems(opinions: readonly LedgerRecord[], stats: CampaignStats, lang: Locale): Problem[] {
  const zh = lang === 'zh-CN';
  const ranked = stats.opinions.byCategory
    .filter((c) => c.count > 0 && c.code !== 'general')
    .sort((a, b) => b.count - a.count || CATEGORIES.findIndex((x) => x.code === a.code) - CATEGORIES.findIndex((x) => x.code === b.code))
    .slice(0, 5);
  return ranked.map((c, i) => {
    // Prefer voices of different kinds of people, each saying something different; the same
    // words heard by two groups are quoted once.
    const picked: LedgerRecord[] = [];
    const said = new Set<string>();
    const kinds = new Set<string>();
    const inCategory = opinions.filter((o) => o.category === c.code && typeof o.content === 'string');
    const kindOf = (o: LedgerRecord) => String((o.source as { kind?: unknown } | undefined)?.kind ?? '');
    for (const pass of [true, false]) {
      for (const o of inCategory) {
        const text = String(o.content).replace(/\s+/g, '');
        if (picked.length >= 3 || said.has(text) || (pass && kinds.has(kindOf(o)))) continue;
        picked.push(o);
        said.add(text);
        kinds.add(kindOf(o));
      }
    }
    return {
      rank: i + 1,
      label: label(CATEGORIES, c.code, lang),
      count: c.count,
      countText: counted(c.count, 'opinions', lang),
      share: pct(c.count, stats.opinions.total),
      quotes: picked.map((o) => {
        const kind = (o.source as { kind?: unknown } | undefined)?.kind;
        const who = typeof kind === 'string' ? label(AUDIENCES, kind, lang) : zh ? '群众' : 'a member of the public';
        return {
          text: innerQuotes(shorten(scrubText(String(o.content), lang), 90, lang), lang),
          who: `${who}${zh ? '，' : ', '}${label(CHANNELS, String(o.channel), lang)}`,
        };
      }),
    };
  });
}

/** The error findings of a group, each a sentence. */
function reasonsOf(audit: AuditResult, id: string, lang: Locale): string[] {
  return audit.findings.filter((f) => f.group === id && f.severity === 'error').map((f) => scrubText(findingMessage(f, lang), lang));
}

/** Items as one sentence: joined by semicolons, ending with a full stop (。 in Chinese). */
function listSentence(items: readonly string[], lang: Locale): string {
  return lang === 'zh-CN' ? `${items.join('；')}。` : `${items.join('; ')}.`;
}

export function buildReportModel(set: LedgerSet, options: ReportOptions): ReportModel {
  const { lang, asOf } = options;
  const zh = lang === 'zh-CN';
  const t = (z: string, e: string) => (zh ? z : e);
  // Figures as of the date: records dated later are left out of them (and said to be).
  const view = asOfView(set, asOf);
  const s = campaignStats(view.set, asOf);
  const audit: AuditResult = runAudit(view.set, { asOf });
  const { campaign } = set.manifest;
  const count = (tally: Tally, code: string) => tally.find((x) => x.code === code)?.count ?? 0;
  const total = s.opinions.total;
  const r = s.rectification;
  const notActionable = count(r.byStatus, 'not-actionable');
  const reviews = countStates(reviewLedgers(set.ledgers, options.reviews ?? []).records);
  const reviewTotal = reviews.approved + reviews.returned + reviews.changed + reviews.unreviewed;

  const bandRows = (values: { band: string | null; count: number }[], of: number): Row[] =>
    toRows(
      values.map((v) => ({
        label:
          v.band === null
            ? t('部门转交', 'Referral sources')
            : t(BANDS[v.band as keyof typeof BANDS].zh, BANDS[v.band as keyof typeof BANDS].en),
        count: v.count,
      })),
      of,
    );

  const byCategory = rows(CATEGORIES, s.opinions.byCategory, lang, total, true).map((row, i) => ({
    ...row,
    fourWinds: FOUR_WINDS.includes((CATEGORIES[i] as { code: string }).code),
  }));

  const groupName = (id: string) => set.manifest.groups.find((g) => g.id === id)?.name ?? id;
  const groups: ReportGroup[] = s.perGroup.map((g) => {
    const findings = audit.findings.filter((f) => f.group === g.id);
    const makeup = audit.makeup.includes(g.id);
    const { rectificationDone, rectificationOverdue, summary, ...figures } = g;
    return {
      ...figures,
      type: label(GROUP_TYPES, g.type, lang),
      done: rectificationDone,
      overdue: rectificationOverdue,
      cards: g.info + g.appeals + g.stability + g.hardship,
      summary: summary ? t('已报送', 'handed in') : t('未报送', 'missing'),
      makeup,
      state: makeup ? t('须补课', 'must make up its work') : findings.length ? t('有提醒事项', 'has reminders') : t('合格', 'in order'),
      findings: findings.map((f) => ({
        code: f.code,
        title: findingTitle(f.code, lang),
        severity: f.severity === 'error' ? t('须补课', 'must make up') : t('提醒', 'reminder'),
        message: scrubText(findingMessage(f, lang), lang),
      })),
      n: groupPhrases(g, lang),
      thumbnails: [],
    };
  });

  return {
    lang,
    zh,
    unit: campaign.unit,
    title: campaign.title,
    asOf: proseDate(asOf, lang),
    period: { start: proseDate(campaign.period.start, lang), end: proseDate(campaign.period.end, lang) },
    deadlines: { groups: proseDate(campaign.deadlines.groups, lang), report: proseDate(campaign.deadlines.report, lang) },
    iso: {
      asOf,
      start: campaign.period.start,
      end: campaign.period.end,
      groupsDeadline: campaign.deadlines.groups,
      reportDeadline: campaign.deadlines.report,
    },
    facts: {
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
    },
    methods: rows(METHODS, s.visits.byMethod, lang, s.visits.total),
    patterns: rows(PATTERNS, s.visits.byPattern, lang, s.visits.total),
    bands: bandRows(s.peopleHeard.byBand, s.peopleHeard.total),
    opinions: {
      total,
      fourWinds: s.opinions.fourWinds,
      fourWindsShare: pct(s.opinions.fourWinds, total),
      byCategory,
      byBand: bandRows(s.opinions.byBand, total),
      byChannel: rows(CHANNELS, s.opinions.byChannel, lang, total),
      problems: problems(view.set.ledgers.opinion, s, lang),
    },
    rectification: {
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
    },
    cards: {
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
    },
    audit: {
      errors: audit.summary.errors,
      warnings: audit.summary.warnings,
      makeupCount: audit.makeup.length,
      hasMakeup: audit.makeup.length > 0,
      makeup: audit.makeup.map((id) => ({
        id,
        name: groupName(id),
        reasons: reasonsOf(audit, id, lang),
        reasonsText: listSentence(reasonsOf(audit, id, lang), lang),
      })),
    },
    notCounted: { later: view.later, refused: s.refused, any: view.later + s.refused > 0 },
    n: phrases(s, audit, view.later, lang),
    review: {
      reviewed: reviewTotal > reviews.unreviewed,
      total: reviewTotal,
      ...reviews,
      approvedShare: pct(reviews.approved, reviewTotal),
    },
    groups,
    charts: {
      byCategory: barChart(
        byCategory.map((c) => ({ label: c.label, value: c.count, accent: c.fourWinds === true })),
        { title: t('意见按类别（条，红色为“四风”）', 'Opinions by category (red: the four winds)') },
      ),
      byGroup: barChart(
        groups.map((g) => ({ label: g.name, value: g.opinions })),
        { title: t('各组听取意见（条）', 'Opinions heard by group') },
      ),
      rectification: stackedBar(
        [
          { label: t('已完成', 'Done'), value: r.done, color: '#2e7d32' },
          {
            label: t('整改中（未超期）', 'In progress'),
            value: Math.max(0, total - r.done - r.overdue - notActionable - r.missing),
            color: '#3b6ea5',
          },
          { label: t('超期未完成', 'Overdue'), value: r.overdue, color: '#b3261e' },
          { label: t('不具备条件', 'Not actionable'), value: notActionable, color: '#9e9e9e' },
          { label: t('未制定措施', 'No measure yet'), value: r.missing, color: '#f2a900' },
        ],
        { title: t('整改进度（项）', 'Rectification progress') },
      ),
    },
    followUp: followUpModel(s.followUp, lang, { pct, toRows }),
    stats: s,
  };
}
