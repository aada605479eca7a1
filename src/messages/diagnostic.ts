// Everything that can be wrong with input is a Diagnostic: collected, never thrown, so one run
// tells the clerk every problem at once. A check gives the code and the data; the severity and
// the words come from the one table (diagnosticCodes.ts). `message` is the English text, made
// when the diagnostic is; outputs print it again in the reader's language (localize).
import { DIAGNOSTIC_CODES, renderDiagnostic, type DiagnosticCode, type DiagnosticData, type Severity } from './diagnosticCodes.js';
import { removedFrom } from './removed.js';
import type { Lang } from './words.js';

export type { DiagnosticCode, DiagnosticData, Severity };

export interface Diagnostic<K extends DiagnosticCode = DiagnosticCode> {
  severity: Severity;
  /** Stable code from the table; scripts match on it. */
  code: K;
  /** The English message (outputs show `localize(d, lang)`). */
  message: string;
  /** What the message is made from; personal data only masked. */
  data: DiagnosticData[K];
  /** Path relative to the campaign root, with '/'. */
  file: string;
  /** 1-based; 0 when the problem is not inside the file's text (e.g. a missing folder). */
  line: number;
  /** 1-based, in characters of the line. */
  column: number;
  /** JSON Pointer into the record (or ledger.yaml), '' for the whole document. */
  pointer: string;
  /** For a workbook: the sheet and the cell (A1 style). */
  sheet?: string;
  cell?: string;
  /**
   * For a record `ledger import` wrote (file is its imported YAML, which is not to be edited):
   * the workbook file, sheet and row it was typed on, where the user corrects it.
   */
  workbook?: WorkbookRow;
}

/** A row of a returned workbook, named as the workbook was named when it was imported. */
export interface WorkbookRow {
  file: string;
  sheet: string;
  row: number;
}

export interface Place {
  file: string;
  line: number;
  column: number;
  pointer?: string;
  sheet?: string;
  cell?: string;
}

/** A position inside a file: line and column, and for a workbook its sheet and cell. */
export interface Where {
  line: number;
  column: number;
  sheet?: string;
  cell?: string;
}

/**
 * Where the key or value at a JSON path of a record is written (YAML text or workbook cells).
 * `about` is the path the diagnostic is about when `path` is only where to point in a text
 * (a missing field points at its record in YAML; a workbook has a cell for it).
 */
export type Placer = (path: readonly (string | number)[], want?: 'key' | 'value', about?: readonly (string | number)[]) => Where;

/**
 * A diagnostic of `code` at `at`, with the table's severity and the English message. A value
 * quoted back may be a phone or an ID number typed into the wrong field (a name, a category):
 * it is removed from the data here, once, so no message, json output, rejected.yaml or feedback
 * sheet made from it can show any of its digits.
 */
export function diagnostic<K extends DiagnosticCode>(code: K, given: DiagnosticData[K], at: Place): Diagnostic<K> {
  const data = removedFrom(given);
  const d: Diagnostic<K> = {
    severity: DIAGNOSTIC_CODES[code].severity,
    code,
    message: renderDiagnostic(code, data, 'en'),
    data,
    file: at.file,
    line: at.line,
    column: at.column,
    pointer: at.pointer ?? '',
  };
  if (at.sheet !== undefined) d.sheet = at.sheet;
  if (at.cell !== undefined) d.cell = at.cell;
  return d;
}

/** The message in the reader's language. */
export function localize(d: Diagnostic, lang: Lang): string {
  return lang === 'en' ? d.message : renderDiagnostic(d.code, d.data as never, lang);
}

export function errorCount(diagnostics: readonly Diagnostic[]): number {
  let n = 0;
  for (const d of diagnostics) if (d.severity === 'error') n++;
  return n;
}

/** Puts diagnostics in report order (file, line, column) and counts them for a summary. */
export function sortAndCount(diagnostics: Diagnostic[]): { errors: number; warnings: number } {
  diagnostics.sort(compareDiagnostics);
  const errors = errorCount(diagnostics);
  return { errors, warnings: diagnostics.length - errors };
}

/** Stable order: file, sheet, line, column, code: output must not depend on discovery order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    ((a.sheet ?? '') < (b.sheet ?? '') ? -1 : (a.sheet ?? '') > (b.sheet ?? '') ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** Appends without spreading: 200,000 diagnostics must not become 200,000 call arguments. */
export function pushAll<T>(into: T[], items: readonly T[]): void {
  for (const x of items) into.push(x);
}

export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The steps of a JSON pointer ('/participants/1' → participants, 1): the inverse of pointerOf. */
export function pointerSteps(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
