// Diagnostics about records `ledger import` wrote, pointed back at the workbook. An imported
// YAML file says at its top not to edit it; the place to correct such a record is the sheet
// and row it was typed on (the comment above each record), and then the workbook is imported
// again. The YAML place stays on the diagnostic for machines; people are shown the row.
import { diagnostic, type Diagnostic, type DiagnosticData, type WorkbookRow } from '../messages/diagnostic.js';
import type { FileLine } from '../messages/diagnosticCodes.js';
import { IMPORTED_DIR, readImportedRows, rowAt, type ImportedRow } from './importedFiles.js';

const IMPORTED = new RegExp(`^groups/[^/]+/${IMPORTED_DIR}/[^/]+\\.ya?ml$`, 'i');

/** The diagnostics with every place in an imported file also named by its workbook row. */
export function inWorkbooks(root: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const cache = new Map<string, ImportedRow[]>();
  const rowOf = (file: string, line: number): WorkbookRow | undefined => {
    if (!IMPORTED.test(file) || line <= 0) return undefined;
    let rows = cache.get(file);
    if (!rows) cache.set(file, (rows = readImportedRows(root, file)));
    const r = rowAt(rows, line);
    return r ? { file: r.workbook, sheet: r.sheet, row: r.row } : undefined;
  };
  return diagnostics.map((d) => replace(d, rowOf));
}

type RowOf = (file: string, line: number) => WorkbookRow | undefined;

function replace(d: Diagnostic, rowOf: RowOf): Diagnostic {
  const data = dataInWorkbooks(d, rowOf);
  const row = rowOf(d.file, d.line);
  if (!row && data === d.data) return d;
  const place = { file: d.file, line: d.line, column: d.column, pointer: d.pointer };
  const out = data === d.data ? { ...d } : diagnostic(d.code, data as never, { ...place, ...sheetCell(d) });
  if (row) out.workbook = row;
  return out;
}

const sheetCell = (d: Diagnostic) => ({ ...(d.sheet ? { sheet: d.sheet } : {}), ...(d.cell ? { cell: d.cell } : {}) });

/** A file and line named inside a message, as its workbook row when it is in an imported file. */
function ref<T extends FileLine>(p: T, rowOf: RowOf): T {
  const row = rowOf(p.file, p.line);
  return row ? { ...p, file: row.file, line: row.row, sheet: row.sheet } : p;
}

/** The message's data with the places it names moved to workbook rows (the same object when none is). */
function dataInWorkbooks(d: Diagnostic, rowOf: RowOf): unknown {
  const data = d.data as DiagnosticData[keyof DiagnosticData];
  switch (d.code) {
    case 'duplicate-id':
    case 'visit-has-errors':
      return 'file' in data && 'line' in data ? ref(data as FileLine, rowOf) : data;
    case 'duplicate-ref-no': {
      const x = data as DiagnosticData['duplicate-ref-no'];
      const other = ref(x.other, rowOf);
      return other === x.other ? x : { ...x, other };
    }
    case 'likely-duplicate': {
      const x = data as DiagnosticData['likely-duplicate'];
      const others = x.others.map((o) => ref(o, rowOf));
      return others.every((o, i) => o === x.others[i]) ? x : { ...x, others };
    }
    case 'import-conflict': {
      const x = data as DiagnosticData['import-conflict'];
      if (x.side !== 'workbook') return x;
      const other = ref(x.other, rowOf);
      return other === x.other ? x : { ...x, other, imported: true };
    }
    default:
      return data;
  }
}
