// The template column a record's field is typed in, from the same layout `ledger template`
// writes and `ledger import` reads: a problem found in a record imported from a workbook can
// then be shown at its cell (E6), as validate shows it in the workbook itself, not only its row.
import { pointerSteps } from '../messages/diagnostic.js';
import type { RecordKind } from '../schema/spec.js';
import { columnLetter, templateLayout } from './templateLayout.js';

/**
 * The letter of the column holding the value at `pointer` on the kind's main sheet: the column
 * of the field or of its nearest ancestor with one (an item of a list typed in one cell is that
 * cell), or the first column under a group of fields (a missing rectification). Undefined for the
 * whole record, its kind (the sheet itself), an item of a list kept on a sheet of its own
 * (audiences, parties: its row there is not known) and a field the template has no column for.
 */
export function fieldColumn(kind: RecordKind, pointer: string): string | undefined {
  const sheets = templateLayout();
  const main = sheets.find((s) => s.key === kind);
  const path = pointerSteps(pointer);
  if (!main || path.length === 0) return undefined;
  if (sheets.some((s) => s.kind === kind && s.part === path[0])) return undefined;
  const names = path.filter((p) => !/^\d+$/.test(p));
  const index = (key: string) => main.columns.findIndex((c) => c.key === key);
  for (let k = names.length; k > 0; k--) {
    const i = index(names.slice(0, k).join('.'));
    if (i >= 0) return columnLetter(i + 1);
  }
  const prefix = `${names.join('.')}.`;
  const first = names.length ? main.columns.findIndex((c) => c.key.startsWith(prefix)) : -1;
  return first >= 0 ? columnLetter(first + 1) : undefined;
}
