// `ledger merge` for people (problems, then a table of records per group and kind, then where
// the ledgers went) and for machines (the documented JSON). Duplicates per group are counted once.
import type { Colors } from '../text/colors.js';
import { ui } from '../messages/ui.js';
import type { Lang } from '../messages/words.js';
import type { MergeResult } from '../pipeline/mergeCampaign.js';
import { RECORD_KINDS } from '../schema/spec.js';
import { KIND_SHORT } from './kindWords.js';
import { renderTable } from '../text/displayWidth.js';
import { escapeControl } from '../text/escape.js';
import { diagnosticJson, diagnosticsFormat } from './diagnostics.js';
import { formatJson } from './json.js';

/** Likely duplicates per group: the opinions of a cluster after its first, counted in their groups. */
function duplicatesByGroup(result: MergeResult): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of result.manifest?.duplicates ?? []) {
    for (const id of d.ids.slice(1)) {
      const group = id.slice(0, id.lastIndexOf('/'));
      out.set(group, (out.get(group) ?? 0) + 1);
    }
  }
  return out;
}

/** What changed since the last merge; removals named by id (nothing may disappear silently). */
function changeLines(result: MergeResult, options: { color: Colors; lang: Lang }): string {
  const c = result.changes;
  if (!c || c.previous !== 'ledgers') return '';
  const w = ui(options.lang);
  let out = `${w.changes(c.added.length, c.removed.length, c.changed.length, c.refused.length)}\n`;
  if (c.removed.length) {
    const ids = c.removed.length > 20 ? `${c.removed.slice(0, 20).join(', ')} …` : c.removed.join(', ');
    out += options.color.yellow(w.warningLine(w.removed(c.removed.length, escapeControl(ids)))) + '\n';
  }
  return out;
}

export const mergeFormat = {
  text(result: MergeResult, options: { color: Colors; lang: Lang; ledgers: string }): string {
    const { color, lang } = options;
    const w = ui(lang);
    let out = diagnosticsFormat.text(result.diagnostics, result.summary, options);
    const m = result.manifest;
    if (m) {
      const dups = duplicatesByGroup(result);
      const header = [
        w.id,
        w.name,
        ...RECORD_KINDS.map((k) => KIND_SHORT[k][lang === 'zh-CN' ? 'zh' : 'en']),
        w.errors,
        w.warnings,
        w.duplicates,
      ];
      const rows = m.groups.map((g) => [
        escapeControl(g.id),
        escapeControl(g.name),
        ...RECORD_KINDS.map((k) => String(g.counts[k])),
        String(g.errors),
        String(g.warnings),
        String(dups.get(g.id) ?? 0),
      ]);
      rows.push([
        w.total,
        '',
        ...RECORD_KINDS.map((k) => String(m.totals[k])),
        String(result.summary.errors),
        String(result.summary.warnings),
        String([...dups.values()].reduce((a, b) => a + b, 0)),
      ]);
      out += '\n' + renderTable([header, ...rows], { align: ['left', 'left', ...header.slice(2).map(() => 'right' as const)] }) + '\n';
      if (m.totals.rejected) out += color.yellow(w.rejected(m.totals.rejected, `${options.ledgers}/rejected.yaml`)) + '\n';
      out += changeLines(result, options);
      out += w.written(options.ledgers) + '\n';
    } else if (result.campaign) {
      out += color.red(w.refused) + '\n';
    }
    return out;
  },
  json(result: MergeResult, options: { lang: Lang; ledgers: string }): string {
    const m = result.manifest;
    const dups = duplicatesByGroup(result);
    return formatJson({
      written: result.written,
      ledgers: result.written ? options.ledgers : null,
      diagnostics: result.diagnostics.map((d) => diagnosticJson(d, options.lang)),
      summary: { ...result.summary, ...(m ? { ...m.totals } : {}) },
      groups:
        m?.groups.map((g) => ({ id: g.id, ...g.counts, errors: g.errors, warnings: g.warnings, duplicates: dups.get(g.id) ?? 0 })) ?? [],
      duplicates: m?.duplicates ?? [],
      changes: result.changes,
    });
  },
};
