import { describe, expect, it } from 'vitest';
import { filterLedgers } from './filterLedgers.js';
import { emptyLedgers, type LedgerRecord } from './ledgers.js';

describe('filterLedgers', () => {
  it('keeps what the test accepts, counts what it left out, and keeps a kind untouched as it was', () => {
    const ledgers = emptyLedgers();
    const v = { id: 'g1/v1', group: 'g1', date: '2014-04-15' } as unknown as LedgerRecord;
    const o = [
      { id: 'g1/o1', group: 'g1', date: '2014-04-15' },
      { id: 'g2/o1', group: 'g2', date: '2014-05-30' },
    ] as unknown as LedgerRecord[];
    ledgers.visit = [v];
    ledgers.opinion = o;
    const { ledgers: out, dropped } = filterLedgers(ledgers, (r) => r.date <= '2014-05-24');
    expect(dropped).toBe(1);
    expect(out.opinion.map((r) => r.id)).toEqual(['g1/o1']);
    expect(out.visit).toBe(ledgers.visit);
    expect(ledgers.opinion).toHaveLength(2);
  });
});
