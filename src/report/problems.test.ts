import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../model/ledgers.js';
import type { CampaignStats } from '../stats/campaignStats.js';
import { problems } from './problems.js';

let n = 0;
const opinion = (category: string, content: string, kind?: string): LedgerRecord => ({
  id: `g1/o${++n}`,
  group: 'g1',
  date: '2014-05-01',
  origin: { file: 'groups/g1/opinions.yaml', line: n },
  category,
  content,
  channel: 'symposium',
  ...(kind ? { source: { kind } } : {}),
});

const statsOf = (records: readonly LedgerRecord[], codes: readonly string[]) =>
  ({
    opinions: {
      total: records.length,
      byCategory: codes.map((code) => ({ code, count: records.filter((r) => r.category === code).length })),
    },
  }) as unknown as CampaignStats;

describe('problems found', () => {
  it('ranks categories by count, ties in the vocabulary order, general opinions left out', () => {
    const records = [
      opinion('general', 'a'),
      opinion('general', 'b'),
      opinion('general', 'c'),
      opinion('hedonism', 'd'),
      opinion('formalism', 'e'),
      opinion('bureaucratism', 'f'),
      opinion('bureaucratism', 'g'),
    ];
    const found = problems(records, statsOf(records, ['formalism', 'bureaucratism', 'hedonism', 'general']), 'en');
    expect(found.map((p) => [p.rank, p.label, p.count, p.share])).toEqual([
      [1, 'Bureaucratism', 2, '28.6%'],
      [2, 'Formalism', 1, '14.3%'],
      [3, 'Hedonism', 1, '14.3%'],
    ]);
  });

  it('quotes three at most: other kinds of people first, the same words once', () => {
    const records = [
      opinion('formalism', '会议太多', 'masses'),
      opinion('formalism', '会议 太多', 'deputy'),
      opinion('formalism', '材料太多', 'masses'),
      opinion('formalism', '检查太多', 'deputy'),
      opinion('formalism', '表格太多', 'retired-veteran'),
      opinion('formalism', '评比太多'),
    ];
    const [found] = problems(records, statsOf(records, ['formalism']), 'zh-CN');
    expect(found?.quotes).toEqual([
      { text: '会议太多', who: '群众，座谈' },
      { text: '检查太多', who: '两代表一委员，座谈' },
      { text: '表格太多', who: '离退休老同志，座谈' },
    ]);
  });

  it('fills up with the same kind of people when there are too few kinds', () => {
    const records = [opinion('formalism', '“文山”会海', 'masses'), opinion('formalism', '材料太多', 'masses')];
    const [found] = problems(records, statsOf(records, ['formalism']), 'zh-CN');
    expect(found?.quotes.map((q) => q.text)).toEqual(['‘文山’会海', '材料太多']);
  });
});
