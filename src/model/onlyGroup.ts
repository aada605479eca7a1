// One group's share of the ledgers, for the commands that take --group.
import { filterLedgers } from './filterLedgers.js';
import type { LedgerSet } from './ledgers.js';

/** The ledgers of one group, with the manifest narrowed to it. */
export function onlyGroup(set: LedgerSet, group: string | undefined): LedgerSet {
  if (group === undefined) return set;
  return {
    manifest: { ...set.manifest, groups: set.manifest.groups.filter((g) => g.id === group) },
    ledgers: filterLedgers(set.ledgers, (r) => r.group === group).ledgers,
    rejected: set.rejected.filter((r) => r.group === group),
  };
}
