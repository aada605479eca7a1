// `ledger import` (and the workbook part of `ledger validate`) for people and for machines:
// the problems first, at their sheet and cell; then, per workbook, the file it goes to and
// what it holds, or why nothing was written.
import type { Colors } from '../text/colors.js';
import { workbookWords } from '../messages/workbookWords.js';
import type { Lang } from '../messages/words.js';
import type { ImportResult, WorkbookPlan } from '../pipeline/importWorkbook.js';
import { KIND_LABELS, RECORD_KINDS } from '../schema/spec.js';
import { escapeControl } from '../text/escape.js';
import { diagnosticJson, diagnosticLines, summaryLine } from './diagnostics.js';
import { formatJson } from './json.js';

export interface ImportFormatOptions {
  lang: Lang;
  dryRun: boolean;
}

function planLines(p: WorkbookPlan, options: ImportFormatOptions): string[] {
  const w = workbookWords(options.lang);
  const zh = options.lang === 'zh-CN';
  const file = escapeControl(p.file);
  if (!p.output) return p.skipped ? [w.nothing(file), `  ${w.skipped(p.skipped)}`] : [w.nothing(file)];
  const n = RECORD_KINDS.reduce((s, k) => s + p.counts[k], 0);
  const kinds = w.kinds(
    RECORD_KINDS.filter((k) => p.counts[k] > 0).map((k) => ({ name: zh ? KIND_LABELS[k].zh : KIND_LABELS[k].en, n: p.counts[k] })),
  );
  const out = p.output.rel;
  const lines = [
    p.output.unchanged ? w.unchanged(file, out) : options.dryRun ? w.wouldImport(file, out, n, kinds) : w.imported(file, out, n, kinds),
  ];
  if (p.skipped) lines.push(`  ${w.skipped(p.skipped)}`);
  return lines;
}

export const importFormat = {
  text(result: ImportResult, options: ImportFormatOptions & { color: Colors }): string {
    const w = workbookWords(options.lang);
    const lines = diagnosticLines(result.diagnostics, options);
    if (lines.length) lines.push('');
    if (result.summary.errors === 0) {
      for (const p of result.plans) lines.push(...planLines(p, options));
      lines.push('');
    }
    lines.push(summaryLine(result.summary, options));
    if (result.summary.errors > 0) lines.push(options.color.red(w.refused));
    else if (options.dryRun) lines.push(w.dryRun);
    return lines.join('\n') + '\n';
  },
  json(result: ImportResult, options: ImportFormatOptions): string {
    return formatJson({
      written: result.written,
      dryRun: options.dryRun,
      workbooks: result.plans.map((p) => ({
        file: p.file,
        group: p.group,
        instance: p.instance,
        output: p.output?.rel ?? null,
        replaces: p.output?.replaces ?? false,
        unchanged: p.output?.unchanged ?? false,
        records: p.counts,
        skipped: p.skipped,
        previous: p.previous?.workbook ?? null,
        removed: p.previous?.removed ?? [],
      })),
      diagnostics: result.diagnostics.map((d) => diagnosticJson(d, options.lang)),
      summary: result.summary,
    });
  },
};
