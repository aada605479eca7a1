// `ledger status` for people (a table aligned by display width, so Chinese names line up) and
// for machines (the documented JSON).
import type { Colors } from '../text/colors.js';
import { proseDate } from '../messages/dates.js';
import { reviewWords } from '../messages/review.js';
import type { Lang } from '../messages/words.js';
import type { StatusResult } from '../status/buildStatus.js';
import { renderTable } from '../text/displayWidth.js';
import { escapeControl } from '../text/escape.js';
import { formatJson } from './json.js';

const HEAD = {
  en: [
    'group',
    'name',
    'files',
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
  'zh-CN': ['编号', '名称', '文件', '活动', '意见', '民情', '诉求', '维稳', '困难', '图片', '总结', '错误', '警告', '状态'],
};
const STATE = {
  en: { complete: 'complete', incomplete: 'incomplete', overdue: 'overdue' },
  'zh-CN': { complete: '已齐全', incomplete: '未齐全', overdue: '逾期未齐' },
};
const LEDGERS = {
  en: {
    current: 'ledgers/ is a merge of exactly these files',
    stale: 'ledgers/ is out of date: run `ledger merge`',
    none: 'not merged yet: run `ledger merge` when the groups have handed in',
    edited: (file: string) => `${file} was changed by hand after the merge wrote it: run \`ledger merge\` again (never edit ledgers/)`,
  },
  'zh-CN': {
    current: '台账 ledgers/ 与各组文件一致',
    stale: '台账 ledgers/ 已过时：请运行 ledger merge',
    none: '尚未合并：各组报送后请运行 ledger merge',
    edited: (file: string) => `台账文件 ${file} 在合并后被改动过：请重新运行 ledger merge（ledgers/ 中的文件不要手工修改）`,
  },
};

function ledgersLine(s: StatusResult, lang: Lang): string {
  const w = LEDGERS[lang];
  return s.ledgers === 'edited' ? w.edited(escapeControl(s.ledgersFile ?? 'ledgers/')) : w[s.ledgers];
}

function days(n: number, lang: Lang): string {
  if (lang === 'zh-CN') return n > 0 ? `还有${n}天` : n === 0 ? '今天截止' : `已逾期${-n}天`;
  return n > 0 ? `${n} day${n === 1 ? '' : 's'} left` : n === 0 ? 'due today' : `${-n} day${n === -1 ? '' : 's'} past`;
}

/** Per group review counts, once anything has been reviewed (ledger review). */
function reviewTable(s: StatusResult, options: { color: Colors; lang: Lang }): string[] {
  if (!s.groups.some((g) => g.review.approved + g.review.returned + g.review.changed > 0)) return [];
  const w = reviewWords(options.lang);
  const rows = s.groups.map((g) => [
    g.group,
    escapeControl(g.name),
    ...[g.review.approved, g.review.returned, g.review.changed, g.review.unreviewed].map(String),
  ]);
  const table = renderTable([w.statusHead, ...rows], { align: ['left', 'left', 'right', 'right', 'right', 'right'] });
  return ['', w.statusTitle, '', ...table.split('\n').map((line, i) => (i < 2 ? options.color.bold(line) : line))];
}

export const statusFormat = {
  text(s: StatusResult, options: { color: Colors; lang: Lang }): string {
    const { color, lang } = options;
    const zh = lang === 'zh-CN';
    const rows = s.groups.map((g) => [
      g.group,
      escapeControl(g.name),
      String(g.files),
      ...(['visit', 'opinion', 'info', 'appeal', 'stability', 'hardship'] as const).map((k) => String(g.counts[k])),
      String(g.photos),
      g.summary ? (zh ? '有' : 'yes') : g.summaryUnreadable ? (zh ? '无法读取' : 'unreadable') : zh ? '无' : 'no',
      String(g.errors),
      String(g.warnings),
      STATE[lang][g.state],
    ]);
    const table = renderTable([HEAD[lang], ...rows], { align: ['left', 'left', ...Array<'right'>(11).fill('right'), 'left'] });
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
    const when = (d: string) => (zh ? proseDate(d, lang) : d);
    return (
      [
        zh ? `报送情况（截至${proseDate(s.asOf, lang)}）` : `Status as of ${s.asOf}`,
        '',
        painted,
        '',
        zh
          ? `小组报送截止 ${when(s.deadlines.groups)}：${days(s.daysToGroupDeadline, lang)}`
          : `Group deadline ${s.deadlines.groups}: ${days(s.daysToGroupDeadline, lang)}`,
        zh
          ? `书面报告截止 ${when(s.deadlines.report)}：${days(s.daysToReportDeadline, lang)}`
          : `Report deadline ${s.deadlines.report}: ${days(s.daysToReportDeadline, lang)}`,
        zh
          ? `已齐全 ${s.summary.complete} 个，未齐全 ${s.summary.incomplete} 个，逾期未齐 ${s.summary.overdue} 个`
          : `${s.summary.complete} complete, ${s.summary.incomplete} incomplete, ${s.summary.overdue} overdue`,
        ledgersLine(s, lang),
        ...reviewTable(s, options),
      ].join('\n') + '\n'
    );
  },
  json(s: StatusResult): string {
    return formatJson(s);
  },
};
