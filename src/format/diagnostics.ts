// Diagnostics for people and for machines. Text: one grep-friendly line per problem, grouped
// by file, `file:line:col severity message code` (the code last, as ESLint prints rule ids),
// then a summary line. JSON: the documented shape, the message in the reader's language.
import type { Colors } from '../text/colors.js';
import { localize, type Diagnostic } from '../messages/diagnostic.js';
import { ui, type Summary } from '../messages/ui.js';
import type { Lang } from '../messages/words.js';
import { escapeControl } from '../text/escape.js';
import { formatJson } from './json.js';

export interface TextOptions {
  color: Colors;
  lang: Lang;
  quiet?: boolean;
}

/**
 * Where a diagnostic is: file:line:column, workbook:sheet!cell, or the file alone when it is
 * about the whole file; a record `ledger import` wrote, by the workbook row it was typed on.
 */
export function placeOf(d: Diagnostic, lang: Lang = 'en'): string {
  if (d.workbook) return ui(lang).workbookRow(d.workbook.file, d.workbook.sheet, d.workbook.row);
  if (d.sheet !== undefined) return `${d.file}:${d.sheet}${d.cell ? `!${d.cell}` : ''}`;
  if (d.line <= 0) return d.file;
  return d.column > 0 ? `${d.file}:${d.line}:${d.column}` : `${d.file}:${d.line}`;
}

export function diagnosticLines(diagnostics: readonly Diagnostic[], options: TextOptions): string[] {
  const { color, lang } = options;
  const w = ui(lang);
  const out: string[] = [];
  let last: string | undefined;
  for (const d of diagnostics) {
    if (options.quiet && d.severity !== 'error') continue;
    if (last !== undefined && d.file !== last) out.push('');
    last = d.file;
    const sev = d.severity === 'error' ? color.red(w.error) : color.yellow(w.warning);
    out.push(`${color.bold(escapeControl(placeOf(d, lang)))} ${sev} ${escapeControl(localize(d, lang))} ${color.dim(d.code)}`);
  }
  // Said once: where an imported record is corrected (not in the YAML the import wrote).
  if (diagnostics.some((d) => d.workbook && (!options.quiet || d.severity === 'error'))) out.push('', w.importedHint);
  return out;
}

export function summaryLine(summary: Summary, options: TextOptions): string {
  const line = ui(options.lang).summary(summary);
  return summary.errors ? options.color.red(line) : summary.warnings ? options.color.yellow(line) : options.color.green(line);
}

/** The documented `--format json` shape of one diagnostic, keys always in this order. */
export function diagnosticJson(d: Diagnostic, lang: Lang) {
  return {
    severity: d.severity,
    code: d.code,
    message: localize(d, lang),
    file: d.file,
    line: d.line,
    column: d.column,
    pointer: d.pointer,
    ...(d.sheet === undefined ? {} : { sheet: d.sheet }),
    ...(d.cell === undefined ? {} : { cell: d.cell }),
    ...(d.workbook === undefined ? {} : { workbook: d.workbook }),
  };
}

export const diagnosticsFormat = {
  text(diagnostics: readonly Diagnostic[], summary: Summary, options: TextOptions): string {
    const lines = diagnosticLines(diagnostics, options);
    if (lines.length) lines.push('');
    lines.push(summaryLine(summary, options));
    return lines.join('\n') + '\n';
  },
  json(diagnostics: readonly Diagnostic[], summary: Summary, options: { lang: Lang; quiet?: boolean }): string {
    const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
    return formatJson({ diagnostics: shown.map((d) => diagnosticJson(d, options.lang)), summary });
  },
};
