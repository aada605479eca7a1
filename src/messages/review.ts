// The words of record review (`ledger review`, the review counts of status, export and report):
// the states as people call them, the header of reviews.yaml, and the lines the commands print.
import { count, list, type Both, type Lang } from './words.js';

/** A record's review state, and `removed` for an entry whose record is gone. */
export const REVIEW_STATE_WORDS: Record<'approved' | 'returned' | 'changed' | 'unreviewed' | 'removed', Both> = {
  approved: { en: 'approved', zh: '已通过' },
  returned: { en: 'returned', zh: '已退回' },
  changed: { en: 'changed since review', zh: '审核后有改动' },
  unreviewed: { en: 'not reviewed', zh: '未审核' },
  removed: { en: 'record removed', zh: '记录已删除' },
};

export function stateWord(state: keyof typeof REVIEW_STATE_WORDS, lang: Lang): string {
  return lang === 'zh-CN' ? REVIEW_STATE_WORDS[state].zh : REVIEW_STATE_WORDS[state].en;
}

export function reviewsHeader(lang: Lang): string {
  return lang === 'zh-CN'
    ? '记录审核情况，由 ledger review 写入。每条：编号（id）、审核结论（state: approved 通过 | returned 退回）、\n退回原因（reason）或备注（note）、审核日期（date）、审核时该记录内容的校验值（sha256）。\n记录在审核后被改动，校验值就对不上，显示为“审核后有改动”。'
    : 'Review states of ledger records, written by `ledger review`. Each entry: the ledger id, the\ndecision (state: approved | returned), the reason (returned) or a note, the date, and the sha256\nof the record as reviewed: a record changed after its review no longer matches and shows as changed.';
}

export interface ReviewCountsWords {
  approved: number;
  returned: number;
  changed: number;
  unreviewed: number;
  removed?: number;
}

const en = {
  head: ['id', 'kind', 'date', 'review', 'reviewed on', 'reason or note'],
  counts: (c: ReviewCountsWords) =>
    `${c.approved} approved, ${c.returned} returned, ${c.changed} changed since review, ${c.unreviewed} not reviewed${c.removed ? `, ${count(c.removed, 'review')} of removed records` : ''}`,
  none: 'no record matches',
  approved: (ids: string[]) => `approved ${count(ids.length, 'record')}: ${list(ids, 'en')}`,
  returned: (ids: string[]) =>
    `returned ${count(ids.length, 'record')} to ${ids.length === 1 ? 'its group' : 'their groups'}: ${list(ids, 'en')}`,
  cleared: (ids: string[]) => `cleared the review of ${count(ids.length, 'record')}: ${list(ids, 'en')}`,
  wrote: (file: string) => `${file} updated`,
  statusTitle: 'Review states (ledger review)',
  statusHead: ['group', 'name', 'approved', 'returned', 'changed', 'not reviewed'],
};

type Words = typeof en;

const zh: Words = {
  head: ['编号', '种类', '日期', '审核状态', '审核日期', '退回原因或备注'],
  counts: (c) =>
    `已通过 ${c.approved} 条，已退回 ${c.returned} 条，审核后有改动 ${c.changed} 条，未审核 ${c.unreviewed} 条${c.removed ? `；另有 ${c.removed} 条审核记录所对应的记录已删除` : ''}`,
  none: '没有符合条件的记录',
  approved: (ids) => `已审核通过 ${ids.length} 条记录：${list(ids, 'zh-CN')}`,
  returned: (ids) => `已退回 ${ids.length} 条记录：${list(ids, 'zh-CN')}`,
  cleared: (ids) => `已撤销 ${ids.length} 条记录的审核：${list(ids, 'zh-CN')}`,
  wrote: (file) => `已更新 ${file}`,
  statusTitle: '审核情况（ledger review）',
  statusHead: ['编号', '名称', '已通过', '已退回', '审核后有改动', '未审核'],
};

export function reviewWords(lang: Lang): Words {
  return lang === 'zh-CN' ? zh : en;
}
