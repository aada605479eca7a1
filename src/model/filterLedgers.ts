// The ledgers narrowed to some records (one group's, those dated by a day, the approved ones):
// one walk over every kind, the arrays kept as they are where nothing was left out.
import { RECORD_KINDS } from '../schema/spec.js';
import type { LedgerRecord, Ledgers } from './ledgers.js';

/** The records `keep` accepts, and how many it left out. */
export function filterLedgers(ledgers: Ledgers, keep: (r: LedgerRecord) => boolean): { ledgers: Ledgers; dropped: number } {
  const out = { ...ledgers };
  let dropped = 0;
  for (const kind of RECORD_KINDS) {
    const all = ledgers[kind];
    const kept = all.filter(keep);
    dropped += all.length - kept.length;
    if (kept.length !== all.length) out[kind] = kept as never;
  }
  return { ledgers: out, dropped };
}
