import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../model/ledgers.js';
import { followUpStats } from './followUp.js';

const rec = (o: Record<string, unknown>): LedgerRecord => ({
  id: 'g1/x',
  group: 'g1',
  date: '2014-04-25',
  origin: { file: 'f', line: 1 },
  ...o,
});
const none = { opinion: [], appeal: [], stability: [], hardship: [] };

describe('followUpStats', () => {
  it('满意率 is (satisfied + basically) / the records with an answer', () => {
    const rect = (satisfaction?: string, extra: Record<string, unknown> = {}) =>
      rec({ rectification: { status: 'done', ...(satisfaction ? { satisfaction } : {}), ...extra } });
    const f = followUpStats({
      ...none,
      opinion: [rect('satisfied'), rect('basically'), rect('unsatisfied'), rect(), rect(undefined, { feedback: true })],
      appeal: [rec({ satisfaction: 'satisfied' }), rec({})],
    });
    expect(f.rectificationSatisfaction).toEqual({ answered: 3, satisfied: 1, basically: 1, unsatisfied: 1, rate: 2 / 3 });
    expect(f.appealSatisfaction).toMatchObject({ answered: 1, rate: 1 });
    expect(followUpStats(none).rectificationSatisfaction).toEqual({ answered: 0, satisfied: 0, basically: 0, unsatisfied: 0, rate: 0 });
  });

  it('counts reopened rectifications: done again, or worked on again', () => {
    const f = followUpStats({
      ...none,
      opinion: [
        rec({ rectification: { status: 'done', reopened_on: '2014-05-12', done_on: '2014-05-20' } }),
        rec({ rectification: { status: 'in-progress', reopened_on: '2014-05-12' } }),
        rec({ rectification: { status: 'planned', reopened_on: '2014-05-12' } }),
        rec({ rectification: { status: 'done', done_on: '2014-05-20' } }),
        rec({}),
      ],
    });
    expect(f.reopened).toEqual({ total: 3, doneAgain: 1, open: 2 });
  });

  it('sorts disputes into bands of people involved (edges included) and hardship by cause, with those that do not say', () => {
    const f = followUpStats({
      ...none,
      stability: [1, 4, 5, 29, 30, 99, 100, 100000, undefined].map((people) => rec(people === undefined ? {} : { people })),
      hardship: [rec({ cause: 'illness' }), rec({ cause: 'illness' }), rec({ cause: 'old-age' }), rec({})],
      appeal: [rec({ channel: 'hotline-12345' }), rec({})],
    });
    expect(f.disputesByPeople.map((b) => b.count)).toEqual([2, 2, 2, 2]);
    expect(f.disputesPeopleUnknown).toBe(1);
    expect(f.peopleInvolved).toBe(1 + 4 + 5 + 29 + 30 + 99 + 100 + 100000);
    expect(f.hardshipByCause.find((c) => c.code === 'illness')?.count).toBe(2);
    expect(f.hardshipByCause.find((c) => c.code === 'old-age')?.count).toBe(1);
    expect(f.hardshipCauseUnknown).toBe(1);
    expect(f.appealsByChannel.find((c) => c.code === 'hotline-12345')?.count).toBe(1);
    expect(f.appealsChannelUnknown).toBe(1);
  });
});
