// The summary sheet (key figures, per-group table, opinions by category and audience band,
// rectification progress) and the supervision sheet (audit findings and the make-up list).
import { findingMessage, type AuditResult } from '../audit/runAudit.js';
import { findingTitle } from '../messages/findings.js';
import type { ReviewCounts } from '../model/reviews.js';
import type { CampaignStats } from '../stats/campaignStats.js';
import { BANDS, CATEGORIES, GROUP_TYPES, RECTIFICATION_STATUS, label } from '../schema/vocab.js';
import type { Cell } from './cells.js';
import type { ExportContext } from './exportContext.js';
import { table, type Column, type ColumnFormat, type SheetModel, type Table } from './sheetModel.js';

const share = (n: number, total: number) => (total === 0 ? 0 : n / total);

function cols(ctx: ExportContext, defs: [string, string, ColumnFormat?, boolean?][]): Column[] {
  return defs.map(([zh, en, format, long]) => ({ header: ctx.t(zh, en), format: format ?? 'text', ...(long ? { long } : {}) }));
}

function rowsTable(heading: string, columns: Column[], rows: Cell[][]): Table {
  return table(columns, rows, (cells: Cell[]) => ({ cells }), heading);
}

/** 一、主要数据: the key figures, then the review progress and the records refused. */
function keyFigures(ctx: ExportContext, s: CampaignStats, review?: ReviewCounts): Table {
  const t = ctx.t;
  const figures: [string, string, number][] = [
    ['工作组（含司法所）', 'Groups (incl. judicial offices)', s.groups.total],
    ['其中司法所', 'of which judicial offices', s.groups.judicialOffices],
    ['参加活动干部（人）', 'Cadres who took part', s.participants],
    ['参加活动的领导干部（人）', 'Leading cadres who took part', s.leadingCadres.tookPart],
    ['开展活动（次）', 'Visits, symposiums and home visits', s.visits.total],
    ['其中领导干部带队（次）', 'of which led by a leading cadre', s.leadingCadres.visitsLed],
    ['听取群众（人次）', 'People heard', s.peopleHeard.total],
    ['征求意见（条）', 'Opinions heard', s.opinions.total],
    ['其中“四风”方面（条）', 'of which on the "four winds"', s.opinions.fourWinds],
    ['已完成整改（项）', 'Rectifications done', s.rectification.done],
    ['超期未完成整改（项）', 'Rectifications overdue', s.rectification.overdue],
    ['民情信息（条）', 'Public-opinion information', s.info.total],
    ['民生诉求登记卡（张）', 'Livelihood appeal cards', s.appeals.total],
    ['维稳工作登记卡（张）', 'Stability work cards', s.stability.total],
    ['困难群众登记卡（张）', 'People-in-difficulty cards', s.hardship.total],
    // Review progress over all records (ledger review), also when only approved ones are listed.
    ...(review
      ? ([
          ['审核通过的记录（条）', 'Records approved in review', review.approved],
          ['退回补报的记录（条）', 'Records returned to their group', review.returned],
          ['审核后有改动的记录（条）', 'Records changed since their review', review.changed],
          ['尚未审核的记录（条）', 'Records not yet reviewed', review.unreviewed],
        ] as [string, string, number][])
      : []),
  ];
  // Records handed in but refused by the merge are said, never left out in silence.
  if (s.refused) figures.push(['因填写有误未计入的记录（条）', 'Records refused by the merge, not counted', s.refused]);
  return rowsTable(
    t('一、主要数据', '1. Key figures'),
    cols(ctx, [
      ['项目', 'Item', 'text', true],
      ['数量', 'Count', 'int'],
    ]),
    figures.map(([zh, en, n]) => [t(zh, en), n]),
  );
}

/** 二、各工作组情况: a row per group, its id in a hidden last column. */
function byGroup(ctx: ExportContext, s: CampaignStats): Table {
  const columns = cols(ctx, [
    ['工作组', 'Group', 'text', true],
    ['类型', 'Type'],
    ['活动', 'Visits', 'int'],
    ['听取人次', 'People heard', 'int'],
    ['意见', 'Opinions', 'int'],
    ['其中四风', 'Four winds', 'int'],
    ['已整改', 'Done', 'int'],
    ['超期', 'Overdue', 'int'],
    ['民情信息', 'Info', 'int'],
    ['民生诉求', 'Appeals', 'int'],
    ['维稳', 'Stability', 'int'],
    ['困难群众', 'Hardship', 'int'],
    ['图片', 'Photos', 'int'],
    ['文字总结', 'Summary'],
    ['填写有误未计入', 'Refused for errors', 'int'],
  ]);
  columns.push({ header: ctx.t('组编号', 'Group id'), format: 'text', hidden: true });
  return rowsTable(
    ctx.t('二、各工作组情况', '2. By group'),
    columns,
    s.perGroup.map((g) => [
      ctx.text(g.name),
      label(GROUP_TYPES, g.type, ctx.lang),
      g.visits,
      g.peopleHeard,
      g.opinions,
      g.fourWinds,
      g.rectificationDone,
      g.rectificationOverdue,
      g.info,
      g.appeals,
      g.stability,
      g.hardship,
      g.photos,
      g.summaryUnreadable ? ctx.text(ctx.t('无法读取', 'Unreadable')) : ctx.yesNo(g.summary),
      g.refused,
      g.id,
    ]),
  );
}

function byCategory(ctx: ExportContext, s: CampaignStats): Table {
  return rowsTable(
    ctx.t('三、意见按类别', '3. Opinions by category'),
    cols(ctx, [
      ['意见类别', 'Category', 'text', true],
      ['条数', 'Opinions', 'int'],
      ['占比', 'Share', 'pct'],
    ]),
    s.opinions.byCategory.map((c) => [label(CATEGORIES, c.code, ctx.lang), c.count, share(c.count, s.opinions.total)]),
  );
}

/** 四、听取对象: people heard and opinions raised by audience band; referral sources raise opinions without being heard. */
function whoWasHeard(ctx: ExportContext, s: CampaignStats): Table {
  const t = ctx.t;
  const opinionsOf = (band: string | null) => s.opinions.byBand.find((x) => x.band === band)?.count ?? 0;
  return rowsTable(
    t('四、听取对象', '4. Who was heard'),
    cols(ctx, [
      ['对象', 'Who was heard', 'text', true],
      ['听取人次', 'People heard', 'int'],
      ['提出意见（条）', 'Opinions raised', 'int'],
    ]),
    [
      ...s.peopleHeard.byBand.map((b) => [t(BANDS[b.band].zh, BANDS[b.band].en), b.count, opinionsOf(b.band)]),
      [t('有关部门（信访、审计、纪检、巡视）', 'Other departments (petition, audit, discipline, inspection)'), null, opinionsOf(null)],
    ],
  );
}

/** 五、整改进度: by status, then the opinions without a measure, overdue, and fed back. */
function rectificationProgress(ctx: ExportContext, s: CampaignStats): Table {
  const t = ctx.t;
  const r = s.rectification;
  const total = s.opinions.total;
  return rowsTable(
    t('五、整改进度', '5. Rectification progress'),
    cols(ctx, [
      ['整改状态', 'Status', 'text', true],
      ['项数', 'Count', 'int'],
      ['占比', 'Share', 'pct'],
    ]),
    [
      ...r.byStatus.map((c) => [label(RECTIFICATION_STATUS, c.code, ctx.lang), c.count, share(c.count, total)]),
      [t('尚未制定整改措施', 'No measure yet'), r.missing, share(r.missing, total)],
      [t('其中超期未完成', 'Overdue (not done)'), r.overdue, share(r.overdue, total)],
      [t('已向提出人反馈', 'Fed back to who raised it'), r.feedbackGiven, share(r.feedbackGiven, total)],
    ],
  );
}

export function summarySheet(ctx: ExportContext, s: CampaignStats, review?: ReviewCounts): SheetModel {
  return {
    key: 'summary',
    name: ctx.t('汇总', 'Summary'),
    title: ctx.t('下基层听意见活动情况汇总表', 'Summary of the campaign'),
    ledger: false,
    tables: [keyFigures(ctx, s, review), byGroup(ctx, s), byCategory(ctx, s), whoWasHeard(ctx, s), rectificationProgress(ctx, s)],
  };
}

/** The groups that must make up their work, each with the titles of its findings to make up. */
function makeupTable(ctx: ExportContext, audit: AuditResult, columns: Column[]) {
  const t = ctx.t;
  return rowsTable(
    t('二、须补课的工作组', '2. Groups that must make up their work'),
    columns,
    audit.makeup.map((id, i) => [
      i + 1,
      ctx.groupName(id),
      ctx.text(
        [
          ...new Set(
            audit.findings.filter((f) => f.group === id && f.severity === 'error').map((f) => findingTitle(f.code, ctx.lang, f.data)),
          ),
        ].join(t('、', ', ')),
      ),
    ]),
  );
}

export function auditSheet(ctx: ExportContext, audit: AuditResult): SheetModel {
  const t = ctx.t;
  const findings = cols(ctx, [
    ['序号', 'No.', 'int'],
    ['工作组', 'Group'],
    ['问题', 'Finding'],
    ['性质', 'Severity'],
    ['具体情况', 'Details', 'text', true],
    ['涉及记录', 'Records', 'text', true],
  ]);
  // Codes stay on screen for filtering, off the printed page.
  findings.push(
    { header: t('组编号', 'Group id'), format: 'text', hidden: true },
    { header: t('规则代码', 'Rule code'), format: 'text', hidden: true },
  );
  // The same columns as the findings above where they share a sheet's widths: 序号, 工作组, then the text.
  const makeup = cols(ctx, [
    ['序号', 'No.', 'int'],
    ['工作组', 'Group'],
    ['须补课的问题', 'Findings to make up', 'text', true],
  ]);
  const severity = (s: string) => (s === 'error' ? t('须补课', 'Must make up') : t('提醒', 'Reminder'));
  // Record ids without the group (the group is in its own column); refused records by file:line.
  const local = (id: string) => (id.includes(':') ? id : id.slice(id.lastIndexOf('/') + 1));
  const name = (id: string) => ctx.groupName(id);
  return {
    key: 'audit',
    name: t('督导问题清单', 'Supervision findings'),
    title: t('督导问题清单', 'Supervision findings'),
    ledger: false,
    tables: [
      table(
        findings,
        audit.findings,
        (f: AuditResult['findings'][number], i: number) => ({
          cells: [
            i + 1,
            name(f.group),
            findingTitle(f.code, ctx.lang, f.data),
            severity(f.severity),
            ctx.text(findingMessage(f, ctx.lang)),
            ctx.text(f.records.map(local).join(t('、', ', '))),
            f.group,
            f.code,
          ],
          ...(f.severity === 'error' ? { highlight: true } : {}),
        }),
        t('一、督导发现的问题', '1. Findings'),
      ),
      makeupTable(ctx, audit, makeup),
    ],
  };
}
