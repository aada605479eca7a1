// Figures stated "as of" a date count the records dated on or before it: a card dated after
// --as-of is left out of them and of the workbook's ledger sheets, and both say how many.
import { RECORD_KINDS } from '../schema/spec.js';
import type { LedgerSet } from './ledgers.js';

export function asOfView(set: LedgerSet, asOf: string): { set: LedgerSet; later: number } {
  let later = 0;
  const ledgers = { ...set.ledgers };
  for (const kind of RECORD_KINDS) {
    const all = set.ledgers[kind];
    const kept = all.filter((r) => r.date <= asOf);
    later += all.length - kept.length;
    ledgers[kind] = kept.length === all.length ? all : kept;
  }
  return { set: later ? { ...set, ledgers } : set, later };
}
