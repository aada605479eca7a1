// The audit for a clerk: findings grouped by group (each a sentence in the reader's language,
// its rule code last), then the make-up list; and the documented JSON.
import type { Colors } from '../text/colors.js';
import { findingMessage, type AuditResult, type Finding } from '../audit/runAudit.js';
import { proseDate } from '../messages/dates.js';
import { findingTitle, type FindingData } from '../messages/findings.js';
import type { Lang } from '../messages/words.js';
import type { ManifestGroup } from '../model/ledgers.js';
import { escapeControl } from '../text/escape.js';
import { formatJson } from './json.js';

const WORDS = {
  en: {
    title: (d: string) => `Audit as of ${d}`,
    none: 'no findings',
    makeup: 'Must make up their work',
    nobody: 'No group has to make up its work.',
    records: 'records',
    colon: ': ',
    later: (n: number, d: string) => `${n} record${n === 1 ? '' : 's'} dated after ${d} ${n === 1 ? 'is' : 'are'} not counted here.`,
    error: 'error  ',
    warning: 'warning',
    summary: (e: number, w: number, g: number) =>
      `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'} in ${g} group${g === 1 ? '' : 's'}`,
  },
  'zh-CN': {
    title: (d: string) => `督导检查（截至${proseDate(d, 'zh-CN')}）`,
    none: '未发现问题',
    makeup: '须补课的小组',
    nobody: '没有需要补课的小组。',
    records: '涉及记录',
    colon: '：',
    later: (n: number, d: string) => `另有${n}条记录的日期晚于${d}，未计入。`,
    error: '须补课',
    warning: '提醒  ',
    summary: (e: number, w: number, g: number) => `共${g}个组：须补课问题${e}个，提醒事项${w}个`,
  },
};

/** refused-records gives its counts by kind (RULES.md: `counts: {kind: n}`), `unknown` for records whose kind could not be read. */
function countsOf(f: Finding): { counts?: Record<string, number> } {
  if (f.code !== 'refused-records') return {};
  const d = f.data as FindingData['refused-records'];
  const counts: Record<string, number> = Object.fromEntries(d.counts.map((c) => [c.code, c.count]));
  if (d.unknown) counts.unknown = d.unknown;
  return { counts };
}

export const auditFormat = {
  text(result: AuditResult, groups: readonly ManifestGroup[], options: { color: Colors; lang: Lang; later: number }): string {
    const { color, lang } = options;
    const w = WORDS[lang];
    const out: string[] = [color.bold(w.title(result.asOf)), ''];
    const all = result.summary.groups === groups.length;
    for (const g of groups) {
      const fs = result.findings.filter((f) => f.group === g.id);
      if (!fs.length && !all) continue;
      const mark = result.makeup.includes(g.id) ? color.red('✗') : fs.length ? color.yellow('!') : color.green('✓');
      out.push(`${mark} ${color.bold(g.id)} ${escapeControl(g.name)}`);
      if (!fs.length) out.push(`    ${color.dim(w.none)}`);
      for (const f of fs) {
        const sev = f.severity === 'error' ? color.red(w.error) : color.yellow(w.warning);
        out.push(`    ${sev} ${escapeControl(findingMessage(f, lang))} ${color.dim(f.code)}`);
        if (f.records.length) {
          const sep = lang === 'zh-CN' ? '、' : ', ';
          const more = f.records.length - 8;
          const list =
            more > 0
              ? `${f.records.slice(0, 8).join(sep)}${lang === 'zh-CN' ? `等${f.records.length}条` : ` … (+${more})`}`
              : f.records.join(sep);
          out.push(`            ${color.dim(`${w.records}${w.colon}${escapeControl(list)}`)}`);
        }
      }
      out.push('');
    }
    if (result.makeup.length) {
      out.push(color.bold(`${w.makeup}${w.colon.trimEnd()}`));
      for (const id of result.makeup) {
        const g = groups.find((x) => x.id === id);
        const titles = [
          ...new Set(
            result.findings.filter((f) => f.group === id && f.severity === 'error').map((f) => findingTitle(f.code, lang, f.data)),
          ),
        ];
        out.push(
          `  ${color.red(id)} ${escapeControl(g?.name ?? '')}${lang === 'zh-CN' ? '：' : ': '}${titles.join(lang === 'zh-CN' ? '、' : ', ')}`,
        );
      }
    } else out.push(color.green(w.nobody));
    out.push('', w.summary(result.summary.errors, result.summary.warnings, result.summary.groups));
    if (options.later) out.push(w.later(options.later, proseDate(result.asOf, lang)));
    return out.join('\n') + '\n';
  },
  json(result: AuditResult, lang: Lang, later: number): string {
    return formatJson({
      findings: result.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        group: f.group,
        message: findingMessage(f, lang),
        records: f.records,
        ...countsOf(f),
      })),
      makeup: result.makeup,
      summary: { asOf: result.asOf, ...result.summary, later },
    });
  },
};
