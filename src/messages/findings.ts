// The supervision rules' words: each rule code with its severity, its Chinese title (the
// name the party group knows it by), and the finding as a sentence in each language, made from
// the data the rule found. The audit, the workbook, the report and the feedback sheets all
// print findings from here, so a finding reads the same everywhere.
import { count, list, type Both, type Lang } from './words.js';
import { proseDate, zhDate } from './dates.js';
import { withoutPersonalIn } from './removed.js';

export type FindingSeverity = 'error' | 'warning';

export interface FindingData {
  'no-visits': Record<string, never>;
  'no-opinions': Record<string, never>;
  'leader-absent': { visits: number };
  'written-only': { written: number; total: number; share: number; limit: number; faceToFace: boolean };
  'coverage-gap': { band: string; name: Both };
  'no-four-winds': { fourWinds: number; total: number; share: number; limit: number };
  'cursory-visit': { visit: string; date: string; place: string };
  'no-rectification': { count: number };
  'rectification-overdue': { count: number };
  'no-feedback': { count: number };
  /** `unreadable`: a summary file (or the group folder) is there but could not be read. */
  'missing-summary': { deadline: string; unreadable?: string };
  'missing-photos': Record<string, never>;
  'late-records': { count: number; deadline: string };
  'appeal-overdue': { count: number };
  'stability-high-risk': { count: number };
  /** `counts[].code` is the record kind's code (visit, opinion…), `kind` its words. */
  'refused-records': { total: number; counts: { code: string; kind: Both; count: number }[]; unknown: number };
  'rectification-unsatisfied': { count: number };
}

export type FindingCode = keyof FindingData;

interface FindingEntry<D> {
  severity: FindingSeverity;
  title: Both;
  /** A title of its own for some data (a summary that cannot be read is not "not handed in"). */
  titleOf?(d: D): Both | undefined;
  en(d: D): string;
  zh(d: D): string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

type Table = { [K in FindingCode]: FindingEntry<FindingData[K]> };

/** In the order of docs/rules.md. */
export const FINDINGS: Table = {
  'no-visits': {
    severity: 'error',
    title: { en: 'No visits', zh: '未开展下基层活动' },
    en: () => 'no visit recorded: the group has not gone to the grassroots',
    zh: () => '活动台账中没有任何记录，未开展下基层活动',
  },
  'no-opinions': {
    severity: 'error',
    title: { en: 'No opinions heard', zh: '未听取意见' },
    en: () => 'no opinion heard at all',
    zh: () => '未听取到任何意见',
  },
  'leader-absent': {
    severity: 'error',
    title: { en: 'No leading cadre led a visit', zh: '领导干部未带队' },
    en: (d) => `none of its ${count(d.visits, 'visit')} was led by a leading cadre`,
    zh: (d) => `${d.visits}次活动均无领导干部带队`,
  },
  'written-only': {
    severity: 'error',
    title: { en: 'Written instead of face to face', zh: '以书面征求代替当面听取' },
    en: (d) =>
      d.faceToFace
        ? `${d.written} of ${count(d.total, 'opinion')} (${pct(d.share)}) came in writing or by referral, more than ${pct(d.limit)}`
        : `no opinion was heard face to face (${d.written} of ${d.total} in writing or by referral)`,
    zh: (d) =>
      d.faceToFace
        ? `${d.total}条意见中有${d.written}条（${pct(d.share)}）为书面征求或部门转交，超过${pct(d.limit)}`
        : `没有一条意见是当面听取的（共${d.total}条，书面征求或部门转交${d.written}条）`,
  },
  'coverage-gap': {
    severity: 'warning',
    title: { en: 'Audience not covered', zh: '听取对象覆盖不全' },
    en: (d) => `band ${d.band} (${d.name.en}) was not heard in any visit or opinion`,
    zh: (d) => `未听取${d.name.zh}的意见`,
  },
  'no-four-winds': {
    severity: 'warning',
    title: { en: 'Few four-winds opinions', zh: '聚焦“四风”不够' },
    en: (d) =>
      d.fourWinds === 0
        ? `none of its ${count(d.total, 'opinion')} is about the four winds (at least ${pct(d.limit)} expected)`
        : `only ${d.fourWinds} of ${count(d.total, 'opinion')} (${pct(d.share)}) ${d.fourWinds === 1 ? 'is' : 'are'} about the four winds, fewer than ${pct(d.limit)}`,
    zh: (d) =>
      d.fourWinds === 0
        ? `${d.total}条意见中没有“四风”方面的意见（应不低于${pct(d.limit)}）`
        : `“四风”方面意见仅${d.fourWinds}条，占${pct(d.share)}，低于${pct(d.limit)}`,
  },
  'cursory-visit': {
    severity: 'warning',
    title: { en: 'Cursory visit', zh: '活动流于形式' },
    en: (d) =>
      `visit ${d.visit} (${proseDate(d.date, 'en')}${d.place ? `, ${d.place}` : ''}) heard nobody: no audiences, and no opinion, info or card refers to it`,
    zh: (d) => `${zhDate(d.date)}${d.place ? `在${d.place}` : ''}的活动未记录听取对象，也没有任何意见、信息或登记卡与之关联`,
  },
  'no-rectification': {
    severity: 'warning',
    title: { en: 'Rectification incomplete', zh: '整改措施不完整' },
    en: (d) => `${count(d.count, 'opinion')} ${d.count === 1 ? 'lacks' : 'lack'} a rectification measure, responsible party or time limit`,
    zh: (d) => `${d.count}条意见缺少整改措施、责任人或整改时限`,
  },
  'rectification-overdue': {
    severity: 'error',
    title: { en: 'Rectification overdue', zh: '整改超期未完成' },
    en: (d) => `${count(d.count, 'rectification')} ${d.count === 1 ? 'is past its' : 'are past their'} time limit and not done`,
    zh: (d) => `${d.count}项整改已超过时限仍未完成`,
  },
  'no-feedback': {
    severity: 'warning',
    title: { en: 'Outcome not fed back', zh: '整改结果未反馈' },
    en: (d) =>
      d.count === 1
        ? '1 done rectification has not been fed back to the person who raised it'
        : `${d.count} done rectifications have not been fed back to the people who raised them`,
    zh: (d) => `${d.count}项已完成的整改未向意见提出人反馈`,
  },
  'missing-summary': {
    severity: 'error',
    title: { en: 'No written summary', zh: '未报送文字总结' },
    titleOf: (d) => (d.unreadable ? { en: 'Summary cannot be read', zh: '文字总结无法读取' } : undefined),
    en: (d) =>
      d.unreadable
        ? `the written summary ${d.unreadable} could not be read, so whether it has text is not known (group deadline ${proseDate(d.deadline, 'en')}): hand it in again as a file that opens`
        : `no written summary after the group deadline, ${proseDate(d.deadline, 'en')}`,
    zh: (d) =>
      d.unreadable
        ? `文字总结 ${d.unreadable} 无法读取，不能确认其内容（报送截止日${zhDate(d.deadline)}）：请重新报送能打开的文件`
        : `报送截止日（${zhDate(d.deadline)}）后仍未提交文字总结`,
  },
  'missing-photos': {
    severity: 'warning',
    title: { en: 'No pictures', zh: '缺少图片资料' },
    en: () => 'no visit references a photo: the picture data is missing',
    zh: () => '所有活动均未附图片资料',
  },
  'late-records': {
    severity: 'warning',
    title: { en: 'Late records', zh: '记录晚于报送截止日' },
    en: (d) => `${count(d.count, 'record')} dated after the group deadline ${proseDate(d.deadline, 'en')} missed the group report`,
    zh: (d) => `${d.count}条记录的日期晚于报送截止日（${zhDate(d.deadline)}）`,
  },
  'appeal-overdue': {
    severity: 'error',
    title: { en: 'Appeal overdue', zh: '民生诉求超期未办结' },
    en: (d) => `${count(d.count, 'livelihood appeal')} ${d.count === 1 ? 'is past its' : 'are past their'} time limit and not resolved`,
    zh: (d) => `${d.count}件民生诉求超过办理时限仍未办结`,
  },
  'stability-high-risk': {
    severity: 'warning',
    title: { en: 'High risk unresolved', zh: '高风险维稳事项未化解' },
    en: (d) => `${count(d.count, 'high-risk stability item')} ${d.count === 1 ? 'is' : 'are'} not resolved`,
    zh: (d) => `${d.count}件高风险维稳事项尚未化解`,
  },
  'refused-records': {
    severity: 'error',
    title: { en: 'Records refused', zh: '部分记录未能合并' },
    en: (d) =>
      `${count(d.total, 'record')} could not be merged because ${d.total === 1 ? 'it has' : 'they have'} errors (${list(
        [...d.counts.map((c) => `${c.kind.en.toLowerCase()}: ${c.count}`), ...(d.unknown ? [`unreadable: ${d.unknown}`] : [])],
        'en',
      )}): ${d.total === 1 ? 'it was not counted; correct it and hand it in' : 'they were not counted; correct them and hand them in'} again`,
    zh: (d) =>
      `有${d.total}条记录因填写有误或文件无法读取未能合并（${list(
        [...d.counts.map((c) => `${c.kind.zh}${c.count}条`), ...(d.unknown ? [`无法识别${d.unknown}条`] : [])],
        'zh-CN',
      )}），未计入统计，须改正后重新报送`,
  },
  'rectification-unsatisfied': {
    severity: 'error',
    title: { en: 'Unsatisfied rectification awaiting reopening', zh: '群众不满意的整改待复号' },
    en: (d) =>
      d.count === 1
        ? '1 rectification marked done was rated unsatisfied by the person: it is to be reopened'
        : `${d.count} rectifications marked done were rated unsatisfied by the people: they are to be reopened`,
    zh: (d) => `${d.count}项整改已标为完成，但群众评价“不满意”，应复号重新整改`,
  },
};

export const FINDING_CODES = Object.keys(FINDINGS) as FindingCode[];

export function findingSeverity(code: FindingCode): FindingSeverity {
  return FINDINGS[code].severity;
}

export function renderFinding<K extends FindingCode>(code: K, data: FindingData[K], lang: Lang): string {
  const entry = FINDINGS[code] as FindingEntry<FindingData[K]>;
  // A visit's place is free text: an ID or phone number in it is never shown.
  const safe = withoutPersonalIn(data, lang);
  return lang === 'zh-CN' ? entry.zh(safe) : entry.en(safe);
}

/** A finding's title; with its data, the title that data calls for. */
export function findingTitle<K extends FindingCode>(code: K, lang: Lang, data?: FindingData[K]): string {
  const entry = FINDINGS[code] as FindingEntry<FindingData[K]>;
  const title = (data !== undefined && entry.titleOf?.(data)) || entry.title;
  return lang === 'zh-CN' ? title.zh : title.en;
}
