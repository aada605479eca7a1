// The report's three charts, drawn from the same figures as its tables.
import type { CampaignStats } from '../stats/campaignStats.js';
import type { Locale } from '../schema/vocab.js';
import { barChart, stackedBar } from './charts.js';
import type { Row } from './rows.js';

/** SVG markup (html templates print them with {{{charts.byCategory}}}). */
export interface ReportCharts {
  byCategory: string;
  byGroup: string;
  rectification: string;
}

/** Opinions by category (the four winds in red), opinions by group, and rectification progress. */
export function reportCharts(
  byCategory: readonly Row[],
  groups: readonly { name: string; opinions: number }[],
  s: CampaignStats,
  notActionable: number,
  lang: Locale,
): ReportCharts {
  const t = (z: string, e: string) => (lang === 'zh-CN' ? z : e);
  const r = s.rectification;
  const total = s.opinions.total;
  return {
    byCategory: barChart(
      byCategory.map((c) => ({ label: c.label, value: c.count, accent: c.fourWinds === true })),
      { title: t('意见按类别（条，红色为“四风”）', 'Opinions by category (red: the four winds)') },
    ),
    byGroup: barChart(
      groups.map((g) => ({ label: g.name, value: g.opinions })),
      { title: t('各组听取意见（条）', 'Opinions heard by group') },
    ),
    rectification: stackedBar(
      [
        { label: t('已完成', 'Done'), value: r.done, color: '#2e7d32' },
        // The words of the text above the chart: in progress and planned apart, each within its time limit.
        {
          label: t('正在整改（未超期）', 'In progress (within time limit)'),
          value: Math.max(0, total - r.done - r.overdue - notActionable - r.missing - r.plannedOnTime),
          color: '#3b6ea5',
        },
        { label: t('已制定措施未开始（未超期）', 'Planned (within time limit)'), value: r.plannedOnTime, color: '#8fb3d9' },
        { label: t('超期未完成', 'Overdue'), value: r.overdue, color: '#b3261e' },
        { label: t('不具备条件', 'Not actionable'), value: notActionable, color: '#9e9e9e' },
        { label: t('未制定措施', 'No measure yet'), value: r.missing, color: '#f2a900' },
      ],
      { title: t('整改进度（项）', 'Rectification progress') },
    ),
  };
}
