// What a workbook is before it is written: sheets of tables of rows. Building this is pure
// (ledgers in, model out) and testable without a file; writeWorkbook turns it into xlsx.
import type { Cell } from './cells.js';

export type ColumnFormat = 'text' | 'date' | 'int' | 'pct' | 'amount';

export interface Column {
  header: string;
  format: ColumnFormat;
  /** Long free text: wrapped, wider cap. */
  long?: boolean;
  /** For filtering on screen only (codes, ids, where a record was written): hidden, never printed. Hidden columns come last. */
  hidden?: boolean;
  /** The record field (path) the column shows as it is, when it does: `ledger template` names its column alike. */
  field?: string;
}

export interface Row {
  cells: Cell[];
  /** Overdue or high-risk: drawn in the "bad" colours so it stands out on paper too. */
  highlight?: boolean;
}

export interface Table {
  /** Shown above the table when a sheet holds several (the summary). */
  heading?: string;
  columns: Column[];
  rowCount: number;
  /** Rows are produced on demand, so 100,000 of them never sit in memory twice. */
  rows(): Iterable<Row>;
}

export interface SheetModel {
  key: string;
  name: string;
  title: string;
  /** A ledger sheet: one table, header frozen and filterable. */
  ledger: boolean;
  tables: Table[];
  /** Said under this sheet's title instead of the workbook's note (what the sheet holds, in its own words). */
  note?: string;
}

export interface WorkbookModel {
  /** Unit and campaign: the file's title, and under each sheet's own title with the date. */
  title: string;
  subtitle: string;
  subject: string;
  /** Said under the title of every sheet (e.g. that only reviewed records are in it). */
  note?: string;
  sheets: SheetModel[];
}

export function table(columns: Column[], records: readonly unknown[], row: (r: never, i: number) => Row, heading?: string): Table {
  return {
    ...(heading === undefined ? {} : { heading }),
    columns,
    rowCount: records.length,
    *rows() {
      for (let i = 0; i < records.length; i++) yield row(records[i] as never, i);
    },
  };
}
