// The figures of the campaign, computed once from the ledgers: the export's summary sheet and
// the written report both print these, so a number in the workbook and the same number in
// the report can never disagree.
import { rectificationDaysOverdue, rectificationOf, appealDaysOverdue } from '../model/overdue.js';
import type { LedgerRecord, LedgerSet, ManifestGroup } from '../model/ledgers.js';
import { followUpStats, type FollowUpStats } from './followUp.js';
import {
  ALSO,
  APPEAL_STATUS,
  AUDIENCE_BANDS,
  AUDIENCES,
  CATEGORIES,
  CHANNELS,
  FOUR_WINDS,
  HARDSHIP_CATEGORIES,
  INFO_STATUS,
  METHODS,
  PATTERNS,
  RECTIFICATION_STATUS,
  RISKS,
  STABILITY_STATUS,
  TOPICS,
  type Band,
  type Vocabulary,
} from '../schema/vocab.js';

/** Counts per code, in the vocabulary's order (every code present, zero included). */
export type Tally = { code: string; count: number }[];

export interface GroupStats {
  id: string;
  name: string;
  type: string;
  members: number;
  visits: number;
  peopleHeard: number;
  opinions: number;
  fourWinds: number;
  info: number;
  appeals: number;
  stability: number;
  hardship: number;
  rectificationDone: number;
  rectificationOverdue: number;
  photos: number;
  summary: boolean;
  /** No summary with text, but a summary file is there that could not be read: not "missing". */
  summaryUnreadable: boolean;
  /** Records the merge refused (rejected.yaml): handed in, not counted here. */
  refused: number;
}

export interface CampaignStats {
  asOf: string;
  groups: { total: number; workGroups: number; judicialOffices: number };
  /** Members of all groups, and those of them who took part in a visit. */
  members: number;
  participants: number;
  /** Leading cadres (leading: true) who led or took part in at least one visit. */
  leadingCadres: { total: number; tookPart: number; visitsLed: number };
  visits: { total: number; byMethod: Tally; byPattern: Tally; also: Tally; withPhotos: number };
  peopleHeard: { total: number; byBand: { band: Band; count: number }[]; byAudience: Tally };
  opinions: {
    total: number;
    fourWinds: number;
    byCategory: Tally;
    byChannel: Tally;
    /** Opinions by the band of whoever raised them (null: referral sources). */
    byBand: { band: Band | null; count: number }[];
    bySource: Tally;
  };
  rectification: {
    /** Opinions with a measure written down. */
    measures: number;
    missing: number;
    byStatus: Tally;
    done: number;
    /** Status in-progress only. */
    inProgress: number;
    /** Status planned: a measure, work not started. */
    planned: number;
    /** Of those planned, the ones still within their time limit (the others are overdue). */
    plannedOnTime: number;
    overdue: number;
    /** done / opinions, 0..1 (0 when there are no opinions). */
    doneRate: number;
    overdueRate: number;
    feedbackGiven: number;
  };
  info: { total: number; byTopic: Tally; byStatus: Tally };
  appeals: { total: number; byStatus: Tally; open: number; overdue: number; byTopic: Tally };
  stability: { total: number; byRisk: Tally; byStatus: Tally; highRiskOpen: number; resolved: number };
  hardship: { total: number; byCategory: Tally; helped: number; assistanceActs: number };
  perGroup: GroupStats[];
  /** Records the merge refused (not in any figure above). */
  refused: number;
  /** FORMAT 1.1: satisfaction, reopened rectifications, appeals by channel, hardship by cause, disputes by people. */
  followUp: FollowUpStats;
}

const BAND_ORDER: readonly Band[] = ['A', 'B', 'C', 'D'];

function tally(vocab: Vocabulary, values: Iterable<unknown>): Tally {
  const counts = new Map<string, number>(vocab.map((t) => [t.code, 0]));
  for (const v of values) if (typeof v === 'string' && counts.has(v)) counts.set(v, (counts.get(v) as number) + 1);
  return [...counts].map(([code, count]) => ({ code, count }));
}

const count = (t: Tally, code: string) => t.find((x) => x.code === code)?.count ?? 0;
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});

function heard(visits: readonly LedgerRecord[]): number {
  let n = 0;
  for (const v of visits) for (const a of list<{ count?: unknown }>(v.audiences)) if (typeof a.count === 'number') n += a.count;
  return n;
}

/** Records by group, built once: 200 groups × 100,000 records must not mean 20 million scans. */
export function indexByGroup(records: readonly LedgerRecord[]): Map<string, LedgerRecord[]> {
  const index = new Map<string, LedgerRecord[]>();
  for (const r of records) {
    const rs = index.get(r.group);
    if (rs) rs.push(r);
    else index.set(r.group, [r]);
  }
  return index;
}

type GroupIndex = Record<keyof LedgerSet['ledgers'], Map<string, LedgerRecord[]>>;

function groupStats(g: ManifestGroup, index: GroupIndex, asOf: string, refused: number): GroupStats {
  const of = (m: Map<string, LedgerRecord[]>) => m.get(g.id) ?? [];
  const visits = of(index.visit);
  const opinions = of(index.opinion);
  return {
    id: g.id,
    name: g.name,
    type: g.type,
    members: g.members.length,
    visits: visits.length,
    peopleHeard: heard(visits),
    opinions: opinions.length,
    fourWinds: opinions.filter((o) => FOUR_WINDS.includes(String(o.category))).length,
    info: of(index.info).length,
    appeals: of(index.appeal).length,
    stability: of(index.stability).length,
    hardship: of(index.hardship).length,
    rectificationDone: opinions.filter((o) => rectificationOf(o).status === 'done').length,
    rectificationOverdue: opinions.filter((o) => rectificationDaysOverdue(o, asOf) > 0).length,
    photos: g.photos.length,
    summary: g.summary !== null,
    summaryUnreadable: g.summary === null && g.unreadable_summary !== undefined,
    refused,
  };
}

/** Members who took part in a visit (led it or were among its participants), per group. */
function participation(
  groups: readonly ManifestGroup[],
  visits: Map<string, LedgerRecord[]>,
): Pick<CampaignStats, 'participants' | 'leadingCadres'> {
  const participantNames = new Set<string>();
  const leading = new Set<string>();
  let leadingTookPart = 0;
  let visitsLed = 0;
  for (const g of groups) {
    const took = new Set<string>();
    for (const v of visits.get(g.id) ?? []) {
      for (const p of list<string>(v.participants)) took.add(p);
      if (typeof v.led_by === 'string') took.add(v.led_by);
      if (g.members.some((m) => m.leading === true && m.name === v.led_by)) visitsLed++;
    }
    // A name is known only within its group (two groups may each have a 王芳): counted per group.
    for (const name of took) participantNames.add(`${g.id}\u0000${name}`);
    for (const m of g.members) {
      if (m.leading !== true) continue;
      leading.add(`${g.id}\u0000${m.name}`);
      if (took.has(m.name)) leadingTookPart++;
    }
  }
  return {
    participants: participantNames.size,
    leadingCadres: { total: leading.size, tookPart: leadingTookPart, visitsLed },
  };
}

function groupCounts(groups: readonly ManifestGroup[]): CampaignStats['groups'] {
  return {
    total: groups.length,
    workGroups: groups.filter((g) => g.type === 'work-group').length,
    judicialOffices: groups.filter((g) => g.type === 'judicial-office').length,
  };
}

function visitStats(visits: readonly LedgerRecord[]): CampaignStats['visits'] {
  return {
    total: visits.length,
    byMethod: tally(
      METHODS,
      visits.flatMap((v) => list<string>(v.methods)),
    ),
    byPattern: tally(
      PATTERNS,
      visits.map((v) => v.pattern),
    ),
    also: tally(
      ALSO,
      visits.flatMap((v) => list<string>(v.also)),
    ),
    withPhotos: visits.filter((v) => list(v.photos).length > 0).length,
  };
}

/** People heard at the visits, by audience kind and by the band each kind belongs to. */
function peopleHeardStats(visits: readonly LedgerRecord[]): CampaignStats['peopleHeard'] {
  const audienceCounts = new Map<string, number>(AUDIENCES.map((t) => [t.code, 0]));
  for (const v of visits) {
    for (const a of list<{ kind?: unknown; count?: unknown }>(v.audiences)) {
      if (typeof a.kind === 'string' && typeof a.count === 'number')
        audienceCounts.set(a.kind, (audienceCounts.get(a.kind) ?? 0) + a.count);
    }
  }
  const byAudience: Tally = [...audienceCounts].map(([code, c]) => ({ code, count: c }));
  const byBand = BAND_ORDER.map((band) => ({
    band,
    count: byAudience.filter((a) => AUDIENCE_BANDS[a.code] === band).reduce((s, a) => s + a.count, 0),
  }));
  return { total: byAudience.reduce((s, a) => s + a.count, 0), byBand, byAudience };
}

function opinionStats(opinions: readonly LedgerRecord[]): CampaignStats['opinions'] {
  const sources = opinions.map((o) => obj(o.source).kind);
  const byCategory = tally(
    CATEGORIES,
    opinions.map((o) => o.category),
  );
  return {
    total: opinions.length,
    fourWinds: FOUR_WINDS.reduce((s, c) => s + count(byCategory, c), 0),
    byCategory,
    byChannel: tally(
      CHANNELS,
      opinions.map((o) => o.channel),
    ),
    byBand: [...BAND_ORDER, null].map((band) => ({
      band,
      count: sources.filter((k) => typeof k === 'string' && (AUDIENCE_BANDS[k] ?? null) === band).length,
    })),
    bySource: tally(AUDIENCES, sources),
  };
}

function rectificationStats(opinions: readonly LedgerRecord[], asOf: string): CampaignStats['rectification'] {
  const rectStatus = tally(
    RECTIFICATION_STATUS,
    opinions.map((o) => rectificationOf(o).status),
  );
  const done = count(rectStatus, 'done');
  const overdue = opinions.filter((o) => rectificationDaysOverdue(o, asOf) > 0).length;
  return {
    measures: opinions.filter((o) => typeof rectificationOf(o).measure === 'string').length,
    missing: opinions.filter((o) => typeof rectificationOf(o).measure !== 'string').length,
    byStatus: rectStatus,
    done,
    inProgress: count(rectStatus, 'in-progress'),
    planned: count(rectStatus, 'planned'),
    plannedOnTime: opinions.filter((o) => rectificationOf(o).status === 'planned' && rectificationDaysOverdue(o, asOf) <= 0).length,
    overdue,
    doneRate: ratio(done, opinions.length),
    overdueRate: ratio(overdue, opinions.length),
    feedbackGiven: opinions.filter((o) => rectificationOf(o).feedback === true).length,
  };
}

function infoStats(info: readonly LedgerRecord[]): CampaignStats['info'] {
  return {
    total: info.length,
    byTopic: tally(
      TOPICS,
      info.map((i) => i.topic),
    ),
    byStatus: tally(
      INFO_STATUS,
      info.map((i) => obj(i.handling).status),
    ),
  };
}

function appealStats(appeals: readonly LedgerRecord[], asOf: string): CampaignStats['appeals'] {
  const appealStatus = tally(
    APPEAL_STATUS,
    appeals.map((a) => a.status),
  );
  return {
    total: appeals.length,
    byStatus: appealStatus,
    open: appeals.length - count(appealStatus, 'resolved'),
    overdue: appeals.filter((a) => appealDaysOverdue(a, asOf) > 0).length,
    byTopic: tally(
      TOPICS,
      appeals.map((a) => a.topic),
    ),
  };
}

function stabilityStats(stability: readonly LedgerRecord[]): CampaignStats['stability'] {
  const stabilityStatus = tally(
    STABILITY_STATUS,
    stability.map((s) => s.status),
  );
  return {
    total: stability.length,
    byRisk: tally(
      RISKS,
      stability.map((s) => s.risk),
    ),
    byStatus: stabilityStatus,
    highRiskOpen: stability.filter((s) => s.risk === 'high' && s.status !== 'resolved').length,
    resolved: count(stabilityStatus, 'resolved'),
  };
}

function hardshipStats(hardship: readonly LedgerRecord[]): CampaignStats['hardship'] {
  return {
    total: hardship.length,
    byCategory: tally(
      HARDSHIP_CATEGORIES,
      hardship.flatMap((h) => list<string>(h.categories)),
    ),
    helped: hardship.filter((h) => list(h.assistance).length > 0).length,
    assistanceActs: hardship.reduce((s, h) => s + list(h.assistance).length, 0),
  };
}

export function campaignStats(set: LedgerSet, asOf: string): CampaignStats {
  const { visit: visits, opinion: opinions, info, appeal: appeals, stability, hardship } = set.ledgers;
  const groups = set.manifest.groups;
  const index: GroupIndex = {
    visit: indexByGroup(visits),
    opinion: indexByGroup(opinions),
    info: indexByGroup(info),
    appeal: indexByGroup(appeals),
    stability: indexByGroup(stability),
    hardship: indexByGroup(hardship),
  };
  const { participants, leadingCadres } = participation(groups, index.visit);
  return {
    asOf,
    groups: groupCounts(groups),
    members: groups.reduce((s, g) => s + g.members.length, 0),
    participants,
    leadingCadres,
    visits: visitStats(visits),
    peopleHeard: peopleHeardStats(visits),
    opinions: opinionStats(opinions),
    rectification: rectificationStats(opinions, asOf),
    info: infoStats(info),
    appeals: appealStats(appeals, asOf),
    stability: stabilityStats(stability),
    hardship: hardshipStats(hardship),
    perGroup: groups.map((g) => groupStats(g, index, asOf, set.rejected.filter((r) => r.group === g.id).length)),
    refused: set.rejected.length,
    followUp: followUpStats(set.ledgers),
  };
}
