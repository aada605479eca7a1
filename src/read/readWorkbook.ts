// A returned workbook as plain cells, read with exceljs' streaming reader (rows arrive one at a
// time; nothing of the workbook model is kept but the values). Only what import needs is kept:
// the hidden metadata sheet, and the sheets whose first row holds template keys. Cell values
// come out as the spreadsheet stored them (text, number, boolean, date), whatever wrote them
// (Excel, WPS, LibreOffice: shared or inline strings, rich text, formulas with their results).
import type ExcelJS from 'exceljs';
import WorkbookReader from 'exceljs/lib/stream/xlsx/workbook-reader.js';
import { StringDecoder } from 'node:string_decoder';
import { HEADER_ROW, KEY_ROW, META_MARK, splitKey } from '../model/templateLayout.js';

export type RawCell = string | number | boolean | Date | null;

export interface RawRow {
  /** 1-based row number. */
  row: number;
  /** Values by 0-based column index (holes are empty cells). */
  cells: RawCell[];
  /** Formulas with no result stored (a writer that does not calculate), by 0-based column: their cells read as empty. */
  formulas?: Map<number, string>;
}

export interface RawSheet {
  name: string;
  /** The hidden keys of row 1 by 0-based column index. */
  keys: (string | null)[];
  /** The header row's texts by 0-based column index (for messages about columns). */
  headers: (string | null)[];
  /** The header row's number: records are on the rows below it. */
  headerRow: number;
  /** Rows below the header row, in order (blank rows left out). */
  rows: RawRow[];
}

export interface RawWorkbook {
  /** The metadata sheet's key → value, or null when the workbook has none. */
  meta: Record<string, string> | null;
  /** Sheets with template keys, in workbook order. */
  sheets: RawSheet[];
}

/** A cell's value as stored: rich text joined, formulas by their result, links by their text. */
export function cellValue(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text?: unknown }[]; result?: unknown; formula?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    if ('formula' in o || 'sharedFormula' in o) return cellValue(o.result);
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return null;
}

interface Collecting {
  id: string;
  kind: 'keys' | 'meta' | 'other';
  name: string;
  keys: (string | null)[];
  headers: (string | null)[];
  headerRow: number;
  rows: RawRow[];
  meta: Record<string, string>;
}

/** Reads `file` (an .xlsx); throws what exceljs throws for a file that is not one. */
export async function readWorkbook(file: string): Promise<RawWorkbook> {
  const reader = new WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  decodeAcrossChunks(reader);
  const collected: Collecting[] = [];
  for await (const ws of reader) {
    const sheet = ws as unknown as { id: string | number; name: string } & AsyncIterable<ExcelJS.Row>;
    const c: Collecting = {
      id: String(sheet.id),
      kind: 'other',
      name: sheet.name,
      keys: [],
      headers: [],
      headerRow: 0,
      rows: [],
      meta: {},
    };
    collected.push(c);
    let first = true;
    for await (const row of sheet) {
      const { cells, formulas } = rowCells(row);
      if (first) {
        first = false;
        c.kind = cells.some((x) => splitKey(x) !== null) ? 'keys' : cells[0] === META_MARK ? 'meta' : 'other';
        if (c.kind === 'keys') {
          c.keys = cells.map((x) => (splitKey(x) ? String(x).trim() : null));
          // Rows inserted above the key row move the whole form down with it.
          c.headerRow = row.number + HEADER_ROW - KEY_ROW;
        }
        if (c.kind !== 'other') continue;
      }
      if (c.kind === 'other') continue; // the instructions, the code lists, sheets users added
      if (c.kind === 'meta') {
        if (typeof cells[0] === 'string' && cells[1] !== null && cells[1] !== undefined) c.meta[cells[0]] = String(cells[1]);
        continue;
      }
      if (row.number === c.headerRow) c.headers = cells.map((x) => (x === null || x === undefined ? null : String(x)));
      else if (row.number > c.headerRow && (formulas || cells.some((x) => x !== null && x !== ''))) {
        c.rows.push({ row: row.number, cells, ...(formulas ? { formulas } : {}) });
      }
    }
  }
  nameSheets(reader, collected);
  const meta = collected.find((c) => c.kind === 'meta');
  return {
    meta: meta ? meta.meta : null,
    sheets: collected
      .filter((c) => c.kind === 'keys')
      .map((c) => ({ name: c.name, keys: c.keys, headers: c.headers, headerRow: c.headerRow, rows: c.rows })),
  };
}

type Part = NodeJS.ReadableStream & { setEncoding(e: string): unknown };
interface ReaderParts {
  _parseRels(entry: Part): Promise<void>;
  _parseWorkbook(entry: Part): Promise<void>;
  _parseStyles(entry: Part): Promise<void>;
  _parseSharedStrings(entry: Part): AsyncGenerator<unknown>;
  _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

/**
 * exceljs' streaming reader decodes every inflated chunk of a part on its own, so a Chinese
 * character whose three bytes straddle two 16 KB chunks comes out as two U+FFFD (exceljs issues
 * 2063 and 2084; the fix is not released). Every XML part is handed to its parser as text
 * decoded across chunk boundaries instead; the parser takes text as it is.
 */
export function decodeAcrossChunks(reader: unknown): void {
  const r = reader as ReaderParts;
  for (const name of ['_parseRels', '_parseWorkbook', '_parseStyles', '_parseSharedStrings'] as const) {
    const parse = r[name] as (entry: Part) => unknown;
    if (typeof parse !== 'function') throw new Error(`exceljs changed: WorkbookReader.${name} is gone`);
    (r as unknown as Record<string, unknown>)[name] = function (this: unknown, entry: Part) {
      entry.setEncoding('utf8');
      return parse.call(this, entry);
    };
  }
  const sheet = r._parseWorksheet;
  if (typeof sheet !== 'function') throw new Error('exceljs changed: WorkbookReader._parseWorksheet is gone');
  r._parseWorksheet = function (this: unknown, chunks: AsyncIterable<Buffer | string>, sheetNo: string) {
    return sheet.call(this, utf8(chunks), sheetNo);
  };
}

async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

function rowCells(row: ExcelJS.Row): { cells: RawCell[]; formulas?: Map<number, string> } {
  const cells: RawCell[] = [];
  let formulas: Map<number, string> | undefined;
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    cells[col - 1] = cellValue(cell.value);
    const formula = unsolved(cell.value);
    if (formula !== undefined) (formulas ??= new Map()).set(col - 1, formula);
  });
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
  return formulas ? { cells, formulas } : { cells };
}

/** The text of a formula whose result was never stored (undefined for anything else): it must not read as an empty cell. */
export function unsolved(v: unknown): string | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as { formula?: unknown; sharedFormula?: unknown; result?: unknown };
  if (!('formula' in o || 'sharedFormula' in o) || (o.result !== undefined && o.result !== null)) return undefined;
  // A shared formula's copies name only the cell that holds its text.
  return typeof o.formula === 'string' ? o.formula : '';
}

/** Sheets are read by file (sheet3.xml); their names come from the workbook part, which may come last in the zip. */
function nameSheets(reader: unknown, collected: Collecting[]): void {
  const r = reader as {
    model?: { sheets?: { name: string; rId: string }[] };
    workbookRels?: { Id: string; Target: string }[];
  };
  const byFile = new Map<string, string>();
  for (const s of r.model?.sheets ?? []) {
    const target = r.workbookRels?.find((x) => x.Id === s.rId)?.Target;
    const m = target ? /sheet(\d+)\.xml$/.exec(target) : null;
    if (m) byFile.set(m[1] as string, s.name);
  }
  for (const c of collected) c.name = byFile.get(c.id) ?? c.name;
}
