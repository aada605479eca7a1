// The supervision rules (docs/rules.md) over the merged ledgers. Each rule finds the records that
// caused it (so the clerk can open them) and the data its sentence is made from; severity and
// words come from messages/findings.ts.
import { FINDINGS, type FindingCode, type FindingData, type FindingSeverity } from '../messages/findings.js';
import type { AuditThresholds } from '../model/campaign.js';
import type { LedgerRecord, ManifestGroup, RejectedRecord } from '../model/ledgers.js';
import { appealDaysOverdue, rectificationDaysOverdue, rectificationOf } from '../model/overdue.js';
import { KIND_LABELS, RECORD_KINDS, type RecordKind } from '../schema/spec.js';
import { AUDIENCE_BANDS, BANDS, FOUR_WINDS, type Band } from '../schema/vocab.js';

export type Severity = FindingSeverity;

/** One group's records, by kind, and what a rule needs to know about the campaign. */
export interface GroupFacts {
  group: ManifestGroup;
  visits: LedgerRecord[];
  opinions: LedgerRecord[];
  info: LedgerRecord[];
  appeals: LedgerRecord[];
  stability: LedgerRecord[];
  hardship: LedgerRecord[];
  /** The group's records the merge refused (rejected.yaml). */
  rejected: RejectedRecord[];
  asOf: string;
  groupDeadline: string;
  thresholds: AuditThresholds;
}

/** What a rule found: the records (ledger ids) and the data of its sentence. */
export interface Hit<K extends FindingCode = FindingCode> {
  records: string[];
  data: FindingData[K];
}

export interface Rule<K extends FindingCode = FindingCode> {
  code: K;
  severity: Severity;
  /**
   * The kinds whose records the rule counts: when the merge refused records of one of these
   * kinds (or a record whose kind could not be read), the rule is not raised, since what it
   * would call missing was reported and refused (refused-records says so instead).
   */
  reads?: readonly RecordKind[] | 'any';
  check(f: GroupFacts): Hit<K>[];
}

const FACE_TO_FACE = new Set(['face-to-face', 'symposium']);
const WRITTEN = new Set(['written', 'referral']);

const ids = (rs: readonly LedgerRecord[]) => rs.map((r) => r.id);
const rect = rectificationOf;
const all = (f: GroupFacts) => [...f.visits, ...f.opinions, ...f.info, ...f.appeals, ...f.stability, ...f.hardship];
const localId = (r: LedgerRecord) => r.id.slice(r.group.length + 1);

/** Bands heard by a group: audiences of its visits and the sources of its opinions. */
export function bandsHeard(f: Pick<GroupFacts, 'visits' | 'opinions'>): Set<Band> {
  const heard = new Set<Band>();
  for (const v of f.visits)
    for (const a of (v.audiences as { kind: string }[] | undefined) ?? []) {
      const band = AUDIENCE_BANDS[a.kind];
      if (band) heard.add(band);
    }
  for (const o of f.opinions) {
    const band = AUDIENCE_BANDS[(o.source as { kind: string } | undefined)?.kind ?? ''];
    if (band) heard.add(band);
  }
  return heard;
}

export function isLeading(group: ManifestGroup, name: unknown): boolean {
  return group.members.some((m) => m.name === name && m.leading === true);
}

const rule = <K extends FindingCode>(code: K, r: Omit<Rule<K>, 'code' | 'severity'>): Rule<K> => ({
  code,
  severity: FINDINGS[code].severity,
  ...r,
});
const one = <K extends FindingCode>(records: string[], data: FindingData[K]): Hit<K>[] => [{ records, data }];
const counted = <
  K extends
    'no-rectification' | 'rectification-overdue' | 'no-feedback' | 'appeal-overdue' | 'stability-high-risk' | 'rectification-unsatisfied',
>(
  rs: readonly LedgerRecord[],
): Hit<K>[] => (rs.length ? [{ records: ids(rs), data: { count: rs.length } as FindingData[K] }] : []);

/** In the order of docs/rules.md: findings are listed in this order within a group. */
export const RULES: readonly Rule[] = [
  rule('no-visits', { reads: ['visit'], check: (f) => (f.visits.length ? [] : one([], {})) }),
  rule('no-opinions', { reads: ['opinion'], check: (f) => (f.opinions.length ? [] : one([], {})) }),
  rule('leader-absent', {
    reads: ['visit'],
    check: (f) =>
      !f.visits.length || f.visits.some((v) => isLeading(f.group, v.led_by)) ? [] : one(ids(f.visits), { visits: f.visits.length }),
  }),
  rule('written-only', {
    reads: ['opinion'],
    check: (f) => {
      if (!f.opinions.length) return [];
      const written = f.opinions.filter((o) => WRITTEN.has(String(o.channel)));
      const share = written.length / f.opinions.length;
      const faceToFace = f.opinions.some((o) => FACE_TO_FACE.has(String(o.channel)));
      if (share <= f.thresholds.written_share && faceToFace) return [];
      return one(ids(written), { written: written.length, total: f.opinions.length, share, limit: f.thresholds.written_share, faceToFace });
    },
  }),
  rule('coverage-gap', {
    reads: ['visit', 'opinion'],
    check: (f) => {
      const heard = bandsHeard(f);
      const bands: Band[] = f.group.type === 'judicial-office' ? ['A', 'D'] : ['A', 'B', 'C', 'D'];
      return bands.filter((b) => !heard.has(b)).map((b) => ({ records: [], data: { band: b, name: BANDS[b] } }));
    },
  }),
  rule('no-four-winds', {
    reads: ['opinion'],
    check: (f) => {
      if (!f.opinions.length) return [];
      const fw = f.opinions.filter((o) => FOUR_WINDS.includes(String(o.category)));
      const share = fw.length / f.opinions.length;
      if (share >= f.thresholds.four_winds_share) return [];
      const others = f.opinions.filter((o) => !FOUR_WINDS.includes(String(o.category)));
      return one(ids(others), { fourWinds: fw.length, total: f.opinions.length, share, limit: f.thresholds.four_winds_share });
    },
  }),
  rule('cursory-visit', {
    reads: 'any',
    check: (f) => {
      const referred = new Set(
        [...f.opinions, ...f.info, ...f.appeals, ...f.stability, ...f.hardship].map((r) => r.visit).filter((v) => v !== undefined),
      );
      return f.visits
        .filter((v) => !((v.audiences as unknown[] | undefined) ?? []).length && !referred.has(v.id))
        .map((v) => ({ records: [v.id], data: { visit: localId(v), date: v.date, place: typeof v.place === 'string' ? v.place : '' } }));
    },
  }),
  rule('no-rectification', { check: (f) => counted(f.opinions.filter((o) => !rect(o).measure || !rect(o).responsible || !rect(o).due)) }),
  rule('rectification-overdue', { check: (f) => counted(f.opinions.filter((o) => rectificationDaysOverdue(o, f.asOf) > 0)) }),
  rule('no-feedback', { check: (f) => counted(f.opinions.filter((o) => rect(o).status === 'done' && rect(o).feedback !== true)) }),
  rule('missing-summary', {
    check: (f) => {
      if (f.asOf <= f.groupDeadline || f.group.summary !== null) return [];
      const unreadable = f.group.unreadable_summary;
      return one([], unreadable ? { deadline: f.groupDeadline, unreadable } : { deadline: f.groupDeadline });
    },
  }),
  rule('missing-photos', {
    reads: ['visit'],
    check: (f) => (f.visits.some((v) => ((v.photos as unknown[] | undefined) ?? []).length > 0) ? [] : one([], {})),
  }),
  rule('late-records', {
    check: (f) => {
      const late = all(f).filter((r) => r.date > f.groupDeadline);
      return late.length ? one(ids(late), { count: late.length, deadline: f.groupDeadline }) : [];
    },
  }),
  rule('appeal-overdue', { check: (f) => counted(f.appeals.filter((a) => appealDaysOverdue(a, f.asOf) > 0)) }),
  rule('stability-high-risk', { check: (f) => counted(f.stability.filter((s) => s.risk === 'high' && s.status !== 'resolved')) }),
  rule('refused-records', {
    check: (f) => {
      if (!f.rejected.length) return [];
      const byKind = new Map<RecordKind, number>();
      let unknown = 0;
      for (const r of f.rejected) {
        if (r.kind === null) unknown++;
        else byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
      }
      const counts = RECORD_KINDS.filter((k) => byKind.has(k)).map((kind) => ({
        code: kind,
        kind: KIND_WORDS[kind],
        count: byKind.get(kind)!,
      }));
      const records = f.rejected.map((r) => (r.id !== null ? `${f.group.id}/${r.id}` : `${r.file}:${r.line}`));
      return one(records, { total: f.rejected.length, counts, unknown });
    },
  }),
  rule('rectification-unsatisfied', {
    check: (f) => counted(f.opinions.filter((o) => rect(o).status === 'done' && rect(o).satisfaction === 'unsatisfied')),
  }),
];

const KIND_WORDS = Object.fromEntries(Object.entries(KIND_LABELS).map(([k, v]) => [k, { en: v.en, zh: v.zh }])) as Record<
  RecordKind,
  { en: string; zh: string }
>;

/** Whether refused records keep a rule from being raised for the group (docs/rules.md, refused-records). */
export function silencedByRefusals(r: Rule, rejected: readonly RejectedRecord[]): boolean {
  if (!r.reads || !rejected.length) return false;
  if (r.reads === 'any') return true;
  return rejected.some((x) => x.kind === null || (r.reads as readonly RecordKind[]).includes(x.kind));
}
