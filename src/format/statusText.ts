// The status table: one row per group, aligned by display width so Chinese names line up.
import type { ChalkInstance } from 'chalk';
import type { StatusResult } from '../status/buildStatus.js';
import { renderTable } from '../text/displayWidth.js';
import type { Locale } from '../schema/vocab.js';

const HEAD = {
  en: [
    'group',
    'name',
    'visits',
    'opinions',
    'info',
    'appeals',
    'stability',
    'hardship',
    'photos',
    'summary',
    'errors',
    'warnings',
    'state',
  ],
  'zh-CN': ['编号', '名称', '活动', '意见', '民情', '诉求', '维稳', '困难', '图片', '总结', '错误', '警告', '状态'],
};
const STATE = {
  en: { complete: 'complete', incomplete: 'incomplete', overdue: 'overdue' },
  'zh-CN': { complete: '已齐全', incomplete: '未齐全', overdue: '逾期未齐' },
};

function days(n: number, lang: Locale): string {
  if (lang === 'zh-CN') return n > 0 ? `还有${n}天` : n === 0 ? '今天截止' : `已逾期${-n}天`;
  return n > 0 ? `${n} day${n === 1 ? '' : 's'} left` : n === 0 ? 'due today' : `${-n} day${n === -1 ? '' : 's'} past`;
}

export function formatStatusText(s: StatusResult, options: { color: ChalkInstance; lang: Locale }): string {
  const { color, lang } = options;
  const yes = lang === 'zh-CN' ? '有' : 'yes';
  const no = lang === 'zh-CN' ? '无' : 'no';
  const rows = s.groups.map((g) => [
    g.group,
    g.name,
    String(g.counts.visit),
    String(g.counts.opinion),
    String(g.counts.info),
    String(g.counts.appeal),
    String(g.counts.stability),
    String(g.counts.hardship),
    String(g.photos),
    g.summary ? yes : no,
    String(g.errors),
    String(g.warnings),
    STATE[lang][g.state],
  ]);
  const table = renderTable([HEAD[lang], ...rows], { align: ['left', 'left', ...Array(10).fill('right'), 'left'] });
  const painted = table
    .split('\n')
    .map((line, i) =>
      i < 2
        ? color.bold(line)
        : line.endsWith(STATE[lang].overdue)
          ? color.red(line)
          : line.endsWith(STATE[lang].incomplete)
            ? color.yellow(line)
            : line,
    )
    .join('\n');
  const l = lang === 'zh-CN';
  return (
    [
      l ? `报送情况，截至 ${s.asOf}` : `Status as of ${s.asOf}`,
      '',
      painted,
      '',
      l
        ? `小组报送截止 ${s.deadlines.groups}：${days(s.daysToGroupDeadline, lang)}`
        : `Group deadline ${s.deadlines.groups}: ${days(s.daysToGroupDeadline, lang)}`,
      l
        ? `书面报告截止 ${s.deadlines.report}：${days(s.daysToReportDeadline, lang)}`
        : `Report deadline ${s.deadlines.report}: ${days(s.daysToReportDeadline, lang)}`,
      l
        ? `已齐全 ${s.summary.complete} 个，未齐全 ${s.summary.incomplete} 个，逾期未齐 ${s.summary.overdue} 个`
        : `${s.summary.complete} complete, ${s.summary.incomplete} incomplete, ${s.summary.overdue} overdue`,
    ].join('\n') + '\n'
  );
}
