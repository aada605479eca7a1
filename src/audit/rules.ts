// The supervision rules of RULES.md over the merged ledgers. Each rule has its fixed code and
// severity, and finds the records that caused it so the clerk can open them.
import type { LedgerRecord, ManifestGroup } from '../model/ledgers.js';
import type { AuditThresholds } from '../model/campaign.js';
import { appealDaysOverdue, rectificationDaysOverdue, rectificationOf } from '../model/overdue.js';
import { AUDIENCE_BANDS, BANDS, FOUR_WINDS, type Band } from '../schema/vocab.js';

export type Severity = 'error' | 'warning';

/** One group's records, by kind, and what a rule needs to know about the campaign. */
export interface GroupFacts {
  group: ManifestGroup;
  visits: LedgerRecord[];
  opinions: LedgerRecord[];
  info: LedgerRecord[];
  appeals: LedgerRecord[];
  stability: LedgerRecord[];
  hardship: LedgerRecord[];
  asOf: string;
  groupDeadline: string;
  thresholds: AuditThresholds;
}

/** What a rule found: the records (ledger ids) and the words for the message. */
export interface Hit {
  records: string[];
  en: string;
  zh: string;
}

export interface Rule {
  code: string;
  severity: Severity;
  check(f: GroupFacts): Hit[];
}

const FACE_TO_FACE = new Set(['face-to-face', 'symposium']);
const WRITTEN = new Set(['written', 'referral']);

const ids = (rs: readonly LedgerRecord[]) => rs.map((r) => r.id);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const rect = rectificationOf;
const all = (f: GroupFacts) => [...f.visits, ...f.opinions, ...f.info, ...f.appeals, ...f.stability, ...f.hardship];

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

/** In RULES.md order: findings are listed in this order within a group. */
export const RULES: readonly Rule[] = [
  {
    code: 'no-visits',
    severity: 'error',
    check: (f) =>
      f.visits.length
        ? []
        : [
            {
              records: [],
              en: 'no visit recorded: the group has not gone to the grassroots',
              zh: '没有任何活动台账记录，未开展下基层活动',
            },
          ],
  },
  {
    code: 'no-opinions',
    severity: 'error',
    check: (f) => (f.opinions.length ? [] : [{ records: [], en: 'no opinion heard at all', zh: '未听取到任何意见' }]),
  },
  {
    code: 'leader-absent',
    severity: 'error',
    check: (f) => {
      if (!f.visits.length || f.visits.some((v) => isLeading(f.group, v.led_by))) return [];
      return [
        {
          records: ids(f.visits),
          en: `none of its ${f.visits.length} visits was led by a leading cadre`,
          zh: `${f.visits.length}次活动均无领导干部带队`,
        },
      ];
    },
  },
  {
    code: 'written-only',
    severity: 'error',
    check: (f) => {
      if (!f.opinions.length) return [];
      const written = f.opinions.filter((o) => WRITTEN.has(String(o.channel)));
      const share = written.length / f.opinions.length;
      const faceToFace = f.opinions.some((o) => FACE_TO_FACE.has(String(o.channel)));
      if (share <= f.thresholds.written_share && faceToFace) return [];
      return [
        {
          records: ids(written),
          en: faceToFace
            ? `${written.length} of ${f.opinions.length} opinions (${pct(share)}) came in writing or by referral, more than ${pct(f.thresholds.written_share)}`
            : `no opinion was heard face to face (${written.length} of ${f.opinions.length} in writing or by referral)`,
          zh: faceToFace
            ? `${f.opinions.length}条意见中${written.length}条（${pct(share)}）为书面征求或部门转交，超过${pct(f.thresholds.written_share)}`
            : `没有一条意见是当面听取的（书面或转交${written.length}条，共${f.opinions.length}条）`,
        },
      ];
    },
  },
  {
    code: 'coverage-gap',
    severity: 'warning',
    check: (f) => {
      const heard = bandsHeard(f);
      const bands: Band[] = f.group.type === 'judicial-office' ? ['A', 'D'] : ['A', 'B', 'C', 'D'];
      return bands
        .filter((b) => !heard.has(b))
        .map((b) => ({
          records: [],
          en: `band ${b} (${BANDS[b].en}) was not heard in any visit or opinion`,
          zh: `未听取${b}类对象（${BANDS[b].zh}）的意见`,
        }));
    },
  },
  {
    code: 'no-four-winds',
    severity: 'warning',
    check: (f) => {
      if (!f.opinions.length) return [];
      const fw = f.opinions.filter((o) => FOUR_WINDS.includes(String(o.category)));
      const share = fw.length / f.opinions.length;
      if (share >= f.thresholds.four_winds_share) return [];
      return [
        {
          records: ids(f.opinions.filter((o) => !FOUR_WINDS.includes(String(o.category)))),
          en: `only ${fw.length} of ${f.opinions.length} opinions (${pct(share)}) are about the four winds, fewer than ${pct(f.thresholds.four_winds_share)}`,
          zh: `“四风”方面意见仅${fw.length}条，占${pct(share)}，低于${pct(f.thresholds.four_winds_share)}`,
        },
      ];
    },
  },
  {
    code: 'cursory-visit',
    severity: 'warning',
    check: (f) => {
      const referred = new Set(
        [...f.opinions, ...f.info, ...f.appeals, ...f.stability, ...f.hardship].map((r) => r.visit).filter((v) => v !== undefined),
      );
      return f.visits
        .filter((v) => !((v.audiences as unknown[] | undefined) ?? []).length && !referred.has(v.id))
        .map((v) => ({
          records: [v.id],
          en: `visit ${v.id} heard nobody: no audiences, and no opinion, info or card refers to it`,
          zh: `活动${v.id}未记录听取对象，也没有任何意见、信息或登记卡与之关联`,
        }));
    },
  },
  {
    code: 'no-rectification',
    severity: 'warning',
    check: (f) => {
      const missing = f.opinions.filter((o) => !rect(o).measure || !rect(o).responsible || !rect(o).due);
      return missing.length
        ? [
            {
              records: ids(missing),
              en: `${missing.length} opinion(s) lack a rectification measure, responsible party or time limit`,
              zh: `${missing.length}条意见缺少整改措施、责任人或整改时限`,
            },
          ]
        : [];
    },
  },
  {
    code: 'rectification-overdue',
    severity: 'error',
    check: (f) => {
      const late = f.opinions.filter((o) => rectificationDaysOverdue(o, f.asOf) > 0);
      return late.length
        ? [
            {
              records: ids(late),
              en: `${late.length} rectification(s) past their time limit and not done`,
              zh: `${late.length}项整改已超过时限仍未完成`,
            },
          ]
        : [];
    },
  },
  {
    code: 'no-feedback',
    severity: 'warning',
    check: (f) => {
      const silent = f.opinions.filter((o) => rect(o).status === 'done' && rect(o).feedback !== true);
      return silent.length
        ? [
            {
              records: ids(silent),
              en: `${silent.length} done rectification(s) not fed back to the person who raised them`,
              zh: `${silent.length}项已完成的整改未向意见提出人反馈`,
            },
          ]
        : [];
    },
  },
  {
    code: 'missing-summary',
    severity: 'error',
    check: (f) =>
      f.asOf > f.groupDeadline && f.group.summary === null
        ? [
            {
              records: [],
              en: `groups/${f.group.id}/summary.md is missing or empty after the group deadline ${f.groupDeadline}`,
              zh: `报送截止日（${f.groupDeadline}）后仍未提交文字总结（summary.md 缺失或为空）`,
            },
          ]
        : [],
  },
  {
    code: 'missing-photos',
    severity: 'warning',
    check: (f) =>
      f.visits.some((v) => ((v.photos as unknown[] | undefined) ?? []).length > 0)
        ? []
        : [{ records: [], en: 'no visit references a photo: the picture data is missing', zh: '所有活动均未附图片资料' }],
  },
  {
    code: 'late-records',
    severity: 'warning',
    check: (f) => {
      const late = all(f).filter((r) => r.date > f.groupDeadline);
      return late.length
        ? [
            {
              records: ids(late),
              en: `${late.length} record(s) dated after the group deadline ${f.groupDeadline} missed the group report`,
              zh: `${late.length}条记录日期晚于报送截止日（${f.groupDeadline}）`,
            },
          ]
        : [];
    },
  },
  {
    code: 'appeal-overdue',
    severity: 'error',
    check: (f) => {
      const late = f.appeals.filter((a) => appealDaysOverdue(a, f.asOf) > 0);
      return late.length
        ? [
            {
              records: ids(late),
              en: `${late.length} livelihood appeal(s) past their time limit and not resolved`,
              zh: `${late.length}件民生诉求超过办理时限仍未办结`,
            },
          ]
        : [];
    },
  },
  {
    code: 'stability-high-risk',
    severity: 'warning',
    check: (f) => {
      const open = f.stability.filter((s) => s.risk === 'high' && s.status !== 'resolved');
      return open.length
        ? [
            {
              records: ids(open),
              en: `${open.length} high-risk stability item(s) not resolved`,
              zh: `${open.length}件高风险维稳事项尚未化解`,
            },
          ]
        : [];
    },
  },
];
