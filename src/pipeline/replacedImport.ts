// What an import replaces. A workbook's import replaces the earlier import of the same template
// instance wholesale, and two copies of one blank template share that instance: so each record
// of the earlier import that the new workbook no longer has is named (id, sheet and row), a
// workbook under another file name than last time is said to be so, and a workbook that keeps
// none of the earlier records (most likely another member's copy) is refused unless --replace.
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../messages/diagnostic.js';
import type { RemovedRecord } from '../messages/diagnosticCodes.js';
import type { RecordResult } from '../model/campaign.js';
import { readImportedRows, rowAt, type ImportedRow } from '../read/importedFiles.js';
import { KIND_LABELS } from '../schema/spec.js';

export interface Replaced {
  /** The workbook file name the earlier import came from. */
  previous: string;
  /** Its records that the new workbook does not have. */
  removed: RemovedRecord[];
  diagnostics: Diagnostic[];
}

/**
 * The earlier import `rel` (holding `own`) against the ids the workbook `file` now has.
 * `replace`: the user said the workbook replaces it (--replace), even when nothing of it is left.
 */
export function replacedImport(
  root: string,
  rel: string,
  own: readonly RecordResult[],
  ids: ReadonlySet<string>,
  file: string,
  replace: boolean,
): Replaced {
  const rows = readImportedRows(root, rel);
  const previous = rows[0]?.workbook ?? path.basename(rel);
  const removed = own.filter((r) => r.id !== null && !ids.has(r.id)).map((r) => removedRecord(r, rows));
  const at = { file, line: 0, column: 0 };
  const data = { previous, output: rel, records: removed };
  const current = path.basename(file);
  const diagnostics: Diagnostic[] = [];
  const none = removed.length > 0 && removed.length === own.filter((r) => r.id !== null).length;
  if (none && !replace) return { previous, removed, diagnostics: [diagnostic('import-replaces-all', data, at)] };
  if (removed.length) diagnostics.push(diagnostic('import-removes', data, at));
  if (current !== previous) diagnostics.push(diagnostic('import-renamed', { previous, current }, at));
  return { previous, removed, diagnostics };
}

function removedRecord(r: RecordResult, rows: readonly ImportedRow[]): RemovedRecord {
  const row = rowAt(rows, r.line);
  const kind = r.kind ? { en: KIND_LABELS[r.kind].en, zh: KIND_LABELS[r.kind].zh } : undefined;
  return { id: r.id as string, ...(kind ? { kind } : {}), ...(row ? { sheet: row.sheet, row: row.row } : {}) };
}
