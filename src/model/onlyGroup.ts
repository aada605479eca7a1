// One group's share of the ledgers, for the commands that take --group.
import { RECORD_KINDS } from '../schema/spec.js';
import type { LedgerSet } from './ledgers.js';

/** The ledgers of one group, with the manifest narrowed to it. */
export function onlyGroup(set: LedgerSet, group: string | undefined): LedgerSet {
  if (group === undefined) return set;
  const ledgers = { ...set.ledgers };
  for (const k of RECORD_KINDS) ledgers[k] = set.ledgers[k].filter((r) => r.group === group);
  return {
    manifest: { ...set.manifest, groups: set.manifest.groups.filter((g) => g.id === group) },
    ledgers,
    rejected: set.rejected.filter((r) => r.group === group),
  };
}
