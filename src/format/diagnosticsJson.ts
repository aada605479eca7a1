import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatJson } from './json.js';

/** The documented `--format json` shape of diagnostics, keys always in this order. */
export function diagnosticJson(d: Diagnostic): Diagnostic {
  return { severity: d.severity, code: d.code, message: d.message, file: d.file, line: d.line, column: d.column, pointer: d.pointer };
}

export function formatDiagnosticsJson(diagnostics: readonly Diagnostic[], summary: object): string {
  return formatJson({ diagnostics: diagnostics.map(diagnosticJson), summary });
}
