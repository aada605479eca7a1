// Text output: one grep-friendly line per diagnostic, `file:line:col severity code message`,
// grouped by file, then a summary line.
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface TextSummary {
  files: number;
  records: number;
  errors: number;
  warnings: number;
}

export function formatDiagnosticsText(
  diagnostics: readonly Diagnostic[],
  summary: TextSummary,
  options: { color: ChalkInstance; quiet?: boolean },
): string {
  const { color } = options;
  const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const out: string[] = [];
  let last: string | undefined;
  for (const d of shown) {
    if (last !== undefined && d.file !== last) out.push('');
    last = d.file;
    const sev = d.severity === 'error' ? color.red('error') : color.yellow('warning');
    out.push(`${color.bold(`${d.file}:${d.line}:${d.column}`)} ${sev} ${color.dim(d.code)} ${d.message}`);
  }
  if (out.length) out.push('');
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
  const line = `${plural(summary.files, 'file')}, ${plural(summary.records, 'record')}: ${counts}`;
  out.push(summary.errors ? color.red(line) : summary.warnings ? color.yellow(line) : color.green(line));
  return out.join('\n') + '\n';
}
