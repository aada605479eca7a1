// Which rollup units a merge brings in, takes away or brings in again changed, for changes.yaml:
// a unit whose manifest is the one the last merge took is unchanged (its records are not
// compared again); any other unit's groups are compared record by record like a rebuilt group.
import type { KindRecords } from '../build/changes.js';
import type { Manifest } from '../model/ledgers.js';
import type { LoadedUnits } from '../read/loadUnits.js';
import { RECORD_KINDS } from '../schema/spec.js';

export interface UnitChanges {
  /** The previous ledgers' groups of those units (their records are the "before"). */
  groups: string[];
  /** Their records now. */
  after: KindRecords[];
  /** Their records now refused (ledger ids), not "removed". */
  refused: string[];
}

export function unitChanges(previous: Manifest | null, units: LoadedUnits): UnitChanges {
  const before = new Map((previous?.units ?? []).map((u) => [u.id, u.manifest]));
  const now = new Map(units.units.map((u) => [u.id, u.manifest]));
  const changed = new Set([...before.keys(), ...now.keys()].filter((id) => before.get(id) !== now.get(id)));
  // A unit's groups carry `unit`: its id first (`<unit>` or `<unit>/<its own unit>`).
  const groups = (previous?.groups ?? []).filter((g) => g.unit !== undefined && changed.has(g.unit.split('/')[0]!)).map((g) => g.id);
  const out: UnitChanges = { groups, after: [], refused: [] };
  units.sets.forEach((set, i) => {
    if (!changed.has(units.units[i]!.id)) return;
    for (const kind of RECORD_KINDS) out.after.push({ kind, records: set.ledgers[kind] });
    for (const r of set.rejected) if (r.id !== null) out.refused.push(`${r.group}/${r.id}`);
  });
  return out;
}
