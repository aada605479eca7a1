// Everything that can be wrong with input is a Diagnostic: collected, never thrown, so one run
// tells the clerk every problem at once.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable code, documented in the README; scripts match on it. */
  code: string;
  message: string;
  /** Path relative to the campaign root, with '/'. */
  file: string;
  /** 1-based; 0 when the problem is not inside the file's text (e.g. a missing folder). */
  line: number;
  /** 1-based, in characters of the line. */
  column: number;
  /** JSON Pointer into the record (or ledger.yaml), '' for the whole document. */
  pointer: string;
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

/** Stable order: file, line, column, code: output must not depend on discovery order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
