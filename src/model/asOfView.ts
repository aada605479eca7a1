// Figures stated "as of" a date count the records dated on or before it: a card dated after
// --as-of is left out of them and of the workbook's ledger sheets, and both say how many.
import { filterLedgers } from './filterLedgers.js';
import type { LedgerSet } from './ledgers.js';

export function asOfView(set: LedgerSet, asOf: string): { set: LedgerSet; later: number } {
  const { ledgers, dropped } = filterLedgers(set.ledgers, (r) => r.date <= asOf);
  return { set: dropped ? { ...set, ledgers } : set, later: dropped };
}
