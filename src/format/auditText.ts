// The audit for a clerk: findings grouped by group, then the make-up list.
import type { ChalkInstance } from 'chalk';
import type { AuditResult } from '../audit/runAudit.js';
import type { ManifestGroup } from '../model/ledgers.js';
import type { Locale } from '../schema/vocab.js';

const WORDS = {
  en: {
    title: 'Audit as of',
    none: 'no findings',
    makeup: 'Must make up their work',
    nobody: 'No group has to make up its work.',
    records: 'records',
    summary: (e: number, w: number, g: number) => `${e} error(s), ${w} warning(s) in ${g} group(s)`,
  },
  'zh-CN': {
    title: '督导检查，截至',
    none: '未发现问题',
    makeup: '责令补课的小组',
    nobody: '没有需要补课的小组。',
    records: '涉及记录',
    summary: (e: number, w: number, g: number) => `共${g}个组：${e}个严重问题，${w}个一般问题`,
  },
};

export function formatAuditText(
  result: AuditResult,
  groups: readonly ManifestGroup[],
  options: { color: ChalkInstance; lang: Locale },
): string {
  const { color } = options;
  const w = WORDS[options.lang];
  const out: string[] = [color.bold(`${w.title} ${result.asOf}`), ''];
  const shown = groups.filter(
    (g) => result.findings.some((f) => f.group === g.id) || result.summary.groups === groups.length || result.makeup.includes(g.id),
  );
  for (const g of shown) {
    const fs = result.findings.filter((f) => f.group === g.id);
    if (!fs.length && result.summary.groups !== groups.length) continue;
    const mark = result.makeup.includes(g.id) ? color.red('✗') : fs.length ? color.yellow('!') : color.green('✓');
    out.push(`${mark} ${color.bold(g.id)} ${g.name}`);
    if (!fs.length) out.push(`    ${color.dim(w.none)}`);
    for (const f of fs) {
      const sev = f.severity === 'error' ? color.red('error  ') : color.yellow('warning');
      out.push(`    ${sev} ${f.code.padEnd(21)} ${f.message}`);
      if (f.records.length) {
        const list = f.records.length > 8 ? `${f.records.slice(0, 8).join(', ')} … (+${f.records.length - 8})` : f.records.join(', ');
        out.push(`            ${color.dim(`${w.records}: ${list}`)}`);
      }
    }
    out.push('');
  }
  if (result.makeup.length) {
    out.push(color.bold(`${w.makeup}:`));
    for (const id of result.makeup) {
      const g = groups.find((x) => x.id === id);
      const codes = [...new Set(result.findings.filter((f) => f.group === id && f.severity === 'error').map((f) => f.code))];
      out.push(`  ${color.red(id)} ${g?.name ?? ''} (${codes.join(', ')})`);
    }
  } else out.push(color.green(w.nobody));
  out.push('', w.summary(result.summary.errors, result.summary.warnings, result.summary.groups));
  return out.join('\n') + '\n';
}
