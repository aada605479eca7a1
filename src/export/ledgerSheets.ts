// The ledger sheets of the workbook, one per kind plus the rectification ledger, with the
// columns the party group's paper forms have, in that order.
import { appealDaysOverdue, rectificationDaysOverdue, rectificationOf } from '../model/overdue.js';
import type { LedgerRecord, Ledgers } from '../model/ledgers.js';
import {
  ABOUT,
  ALSO,
  APPEAL_CHANNELS,
  APPEAL_STATUS,
  AUDIENCES,
  CATEGORIES,
  CHANNELS,
  GENDERS,
  HARDSHIP_CATEGORIES,
  HARDSHIP_CAUSES,
  INFO_STATUS,
  METHODS,
  PATTERNS,
  POLICIES,
  RECTIFICATION_STATUS,
  RISKS,
  SATISFACTION,
  STABILITY_STATUS,
  STABILITY_TYPES,
  TOPICS,
  label,
} from '../schema/vocab.js';
import type { Cell } from './cells.js';
import type { ExportContext } from './exportContext.js';
import { table, type Column, type ColumnFormat, type SheetModel } from './sheetModel.js';

/** `field`: the record field the column shows as it is (its path); `ledger template` takes its header from here. */
type Def = {
  zh: string;
  en: string;
  format?: ColumnFormat;
  long?: boolean;
  hidden?: boolean;
  field?: string;
  get: (r: LedgerRecord) => Cell;
};

const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const arr = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
/** The record's own id, without the group prefix (the group has its own column). */
const localId = (r: LedgerRecord) => r.id.slice(r.group.length + 1);
const localRef = (v: unknown) => (typeof v === 'string' ? v.slice(v.indexOf('/') + 1) : null);

function sheet(
  ctx: ExportContext,
  key: string,
  names: { zh: string; en: string },
  records: readonly LedgerRecord[],
  defs: Def[],
  highlight?: (r: LedgerRecord) => boolean,
): SheetModel {
  // Every ledger starts with No., the group's name and the record's id; the group's id and
  // where the record was written are hidden columns, for filtering and finding it on screen.
  const all: Def[] = [
    { zh: '序号', en: 'No.', format: 'int', get: () => null },
    { zh: '工作组', en: 'Group', get: (r) => ctx.groupName(r.group) },
    { zh: '编号', en: 'Id', field: 'id', get: (r) => ctx.text(localId(r)) },
    // The office's own register number (FORMAT 1.1), beside the ledger's id.
    { zh: '登记编号', en: 'Register no.', field: 'ref_no', get: (r) => ctx.text(r.ref_no) },
    ...defs,
    { zh: '组编号', en: 'Group id', hidden: true, get: (r) => ctx.text(r.group) },
    { zh: '来源文件', en: 'Source file', hidden: true, get: (r) => ctx.text(`${r.origin.file}:${r.origin.line}`) },
  ];
  const columns: Column[] = all.map((d) => ({
    header: ctx.t(d.zh, d.en),
    format: d.format ?? 'text',
    ...(d.long ? { long: true } : {}),
    ...(d.hidden ? { hidden: true } : {}),
    ...(d.field ? { field: d.field } : {}),
  }));
  const name = ctx.t(names.zh, names.en);
  return {
    key,
    name,
    title: name,
    ledger: true,
    tables: [
      table(columns, records, (r: LedgerRecord, i: number) => {
        const cells = all.map((d, c) => (c === 0 ? i + 1 : d.get(r)));
        return highlight?.(r) ? { cells, highlight: true } : { cells };
      }),
    ],
  };
}

export function visitSheet(ctx: ExportContext, records: readonly LedgerRecord[]): SheetModel {
  return sheet(ctx, 'visit', { zh: '活动台账', en: 'Activities' }, records, [
    { zh: '日期', en: 'Date', field: 'date', format: 'date', get: (r) => ctx.date(r.date) },
    { zh: '地点', en: 'Place', field: 'place', long: true, get: (r) => ctx.text(r.place) },
    { zh: '活动形式', en: 'Pattern', field: 'pattern', get: (r) => ctx.code(PATTERNS, r.pattern) },
    { zh: '工作方式', en: 'Methods', field: 'methods', get: (r) => ctx.codes(METHODS, r.methods) },
    { zh: '带队领导', en: 'Led by', field: 'led_by', get: (r) => ctx.text(r.led_by) },
    {
      zh: '参加人员',
      en: 'Participants',
      field: 'participants',
      long: true,
      get: (r) => ctx.text(arr(r.participants).join(ctx.t('、', ', '))),
    },
    {
      zh: '听取对象',
      en: 'Audiences',
      field: 'audiences',
      long: true,
      get: (r) => ctx.lines(arr(r.audiences).map((a) => `${label(AUDIENCES, String(a.kind), ctx.lang)} ${String(a.count)}`)),
    },
    {
      zh: '听取人数',
      en: 'People heard',
      format: 'int',
      get: (r) => arr(r.audiences).reduce((s, a) => s + (typeof a.count === 'number' ? a.count : 0), 0),
    },
    { zh: '结合开展', en: 'Combined with', field: 'also', get: (r) => ctx.codes(ALSO, r.also) },
    { zh: '图片数', en: 'Photos', format: 'int', get: (r) => arr(r.photos).length },
    { zh: '备注', en: 'Notes', field: 'notes', long: true, get: (r) => ctx.text(r.notes) },
  ]);
}

export function opinionSheet(ctx: ExportContext, records: readonly LedgerRecord[]): SheetModel {
  const src = (r: LedgerRecord) => obj(r.source);
  const rect = rectificationOf;
  return sheet(
    ctx,
    'opinion',
    { zh: '下基层听意见台账', en: 'Opinions' },
    records,
    [
      { zh: '日期', en: 'Date', field: 'date', format: 'date', get: (r) => ctx.date(r.date) },
      { zh: '所属活动', en: 'Visit', field: 'visit', get: (r) => ctx.text(localRef(r.visit)) },
      { zh: '听取渠道', en: 'Channel', field: 'channel', get: (r) => ctx.code(CHANNELS, r.channel) },
      { zh: '收集人', en: 'Collected by', field: 'collected_by', get: (r) => ctx.text(r.collected_by) },
      { zh: '对象类别', en: 'Raised by (kind)', field: 'source.kind', get: (r) => ctx.code(AUDIENCES, src(r).kind) },
      { zh: '意见提出人', en: 'Raised by', field: 'source.name', get: (r) => ctx.text(src(r).name) },
      { zh: '单位', en: 'Unit', field: 'source.unit', get: (r) => ctx.text(src(r).unit) },
      { zh: '联系电话', en: 'Phone', field: 'source.phone', get: (r) => ctx.phone(src(r).phone) },
      { zh: '意见类别', en: 'Category', field: 'category', get: (r) => ctx.code(CATEGORIES, r.category) },
      { zh: '意见指向', en: 'About', field: 'about', get: (r) => ctx.code(ABOUT, r.about) },
      { zh: '具体指向', en: 'About whom', field: 'about_name', get: (r) => ctx.text(r.about_name) },
      { zh: '意见内容', en: 'Opinion', field: 'content', long: true, get: (r) => ctx.text(r.content) },
      // The measure, responsible party and time limit are in the rectification ledger.
      { zh: '整改状态', en: 'Rectification', field: 'rectification.status', get: (r) => ctx.code(RECTIFICATION_STATUS, rect(r).status) },
    ],
    (r) => rectificationDaysOverdue(r, ctx.asOf) > 0,
  );
}

export function rectificationSheet(ctx: ExportContext, records: readonly LedgerRecord[]): SheetModel {
  const rect = rectificationOf;
  return sheet(
    ctx,
    'rectification',
    { zh: '整改台账', en: 'Rectification' },
    records,
    [
      { zh: '意见类别', en: 'Category', field: 'category', get: (r) => ctx.code(CATEGORIES, r.category) },
      { zh: '意见内容', en: 'Opinion', field: 'content', long: true, get: (r) => ctx.text(r.content) },
      { zh: '整改措施', en: 'Measure', field: 'rectification.measure', long: true, get: (r) => ctx.text(rect(r).measure) },
      { zh: '责任人/责任科室', en: 'Responsible', field: 'rectification.responsible', get: (r) => ctx.text(rect(r).responsible) },
      { zh: '整改时限', en: 'Due', field: 'rectification.due', format: 'date', get: (r) => ctx.date(rect(r).due) },
      { zh: '整改状态', en: 'Status', field: 'rectification.status', get: (r) => ctx.code(RECTIFICATION_STATUS, rect(r).status) },
      { zh: '完成日期', en: 'Done on', field: 'rectification.done_on', format: 'date', get: (r) => ctx.date(rect(r).done_on) },
      { zh: '超期天数', en: 'Days overdue', format: 'int', get: (r) => rectificationDaysOverdue(r, ctx.asOf) || null },
      { zh: '已反馈', en: 'Fed back', field: 'rectification.feedback', get: (r) => ctx.yesNo(rect(r).feedback) },
      {
        zh: '群众满意度',
        en: 'Satisfaction',
        field: 'rectification.satisfaction',
        get: (r) => ctx.code(SATISFACTION, rect(r).satisfaction),
      },
      { zh: '复号日期', en: 'Reopened on', field: 'rectification.reopened_on', format: 'date', get: (r) => ctx.date(rect(r).reopened_on) },
      { zh: '整改结果', en: 'Result', field: 'rectification.result', long: true, get: (r) => ctx.text(rect(r).result) },
    ],
    (r) => rectificationDaysOverdue(r, ctx.asOf) > 0,
  );
}

export function infoSheet(ctx: ExportContext, records: readonly LedgerRecord[]): SheetModel {
  const who = (r: LedgerRecord) => obj(r.informant);
  const h = (r: LedgerRecord) => obj(r.handling);
  return sheet(ctx, 'info', { zh: '民情信息采集台账', en: 'Public-opinion info' }, records, [
    { zh: '日期', en: 'Date', field: 'date', format: 'date', get: (r) => ctx.date(r.date) },
    { zh: '所属活动', en: 'Visit', field: 'visit', get: (r) => ctx.text(localRef(r.visit)) },
    { zh: '采集地点', en: 'Place', field: 'place', long: true, get: (r) => ctx.text(r.place) },
    { zh: '信息提供人', en: 'Informant', field: 'informant.name', get: (r) => ctx.text(who(r).name) },
    { zh: '对象类别', en: 'Informant kind', field: 'informant.kind', get: (r) => ctx.code(AUDIENCES, who(r).kind) },
    { zh: '联系电话', en: 'Phone', field: 'informant.phone', get: (r) => ctx.phone(who(r).phone) },
    { zh: '信息类别', en: 'Topic', field: 'topic', get: (r) => ctx.code(TOPICS, r.topic) },
    { zh: '信息内容', en: 'Information', field: 'content', long: true, get: (r) => ctx.text(r.content) },
    { zh: '处理措施', en: 'Action', field: 'handling.action', long: true, get: (r) => ctx.text(h(r).action) },
    { zh: '经办人', en: 'Handled by', field: 'handling.by', get: (r) => ctx.text(h(r).by) },
    { zh: '处理状态', en: 'Status', field: 'handling.status', get: (r) => ctx.code(INFO_STATUS, h(r).status) },
    { zh: '处理结果', en: 'Result', field: 'handling.result', long: true, get: (r) => ctx.text(h(r).result) },
  ]);
}

export function appealSheet(ctx: ExportContext, records: readonly LedgerRecord[]): SheetModel {
  const p = (r: LedgerRecord) => obj(r.appellant);
  return sheet(
    ctx,
    'appeal',
    { zh: '民生诉求登记卡', en: 'Livelihood appeals' },
    records,
    [
      { zh: '日期', en: 'Date', field: 'date', format: 'date', get: (r) => ctx.date(r.date) },
      { zh: '诉求来源渠道', en: 'Came in by', field: 'channel', get: (r) => ctx.code(APPEAL_CHANNELS, r.channel) },
      { zh: '诉求人', en: 'Appellant', field: 'appellant.name', get: (r) => ctx.text(p(r).name) },
      { zh: '身份证号码', en: 'ID number', field: 'appellant.id_number', get: (r) => ctx.idNumber(p(r).id_number) },
      { zh: '联系电话', en: 'Phone', field: 'appellant.phone', get: (r) => ctx.phone(p(r).phone) },
      { zh: '住址', en: 'Address', field: 'appellant.address', long: true, get: (r) => ctx.text(p(r).address) },
      { zh: '诉求类别', en: 'Topic', field: 'topic', get: (r) => ctx.code(TOPICS, r.topic) },
      { zh: '诉求内容', en: 'Appeal', field: 'content', long: true, get: (r) => ctx.text(r.content) },
      { zh: '承办单位', en: 'Handled by', field: 'handled_by', get: (r) => ctx.text(r.handled_by) },
      { zh: '办理时限', en: 'Due', field: 'due', format: 'date', get: (r) => ctx.date(r.due) },
      { zh: '办理状态', en: 'Status', field: 'status', get: (r) => ctx.code(APPEAL_STATUS, r.status) },
      { zh: '超期天数', en: 'Days overdue', format: 'int', get: (r) => appealDaysOverdue(r, ctx.asOf) || null },
      { zh: '办理结果', en: 'Result', field: 'result', long: true, get: (r) => ctx.text(r.result) },
      { zh: '反馈日期', en: 'Fed back on', field: 'feedback_on', format: 'date', get: (r) => ctx.date(r.feedback_on) },
      { zh: '满意度', en: 'Satisfaction', field: 'satisfaction', get: (r) => ctx.code(SATISFACTION, r.satisfaction) },
    ],
    (r) => appealDaysOverdue(r, ctx.asOf) > 0,
  );
}

export function stabilitySheet(ctx: ExportContext, records: readonly LedgerRecord[]): SheetModel {
  const parties = (r: LedgerRecord) => arr(r.parties);
  const colon = ctx.t('：', ': ');
  const each = (r: LedgerRecord, f: (p: Record<string, unknown>) => Cell) =>
    ctx.lines(parties(r).flatMap((p) => (f(p) === null ? [] : [`${String(p.name)}${colon}${String(f(p))}`])));
  return sheet(
    ctx,
    'stability',
    { zh: '维稳工作登记卡', en: 'Stability cards' },
    records,
    [
      { zh: '日期', en: 'Date', field: 'date', format: 'date', get: (r) => ctx.date(r.date) },
      { zh: '事由', en: 'Subject', field: 'subject', long: true, get: (r) => ctx.text(r.subject) },
      { zh: '当事人', en: 'Parties', field: 'parties', get: (r) => ctx.lines(parties(r).map((p) => String(p.name))) },
      { zh: '身份证号码', en: 'ID numbers', get: (r) => each(r, (p) => ctx.idNumber(p.id_number)) },
      { zh: '联系电话', en: 'Phones', get: (r) => each(r, (p) => ctx.phone(p.phone)) },
      { zh: '涉及人数', en: 'People involved', field: 'people', format: 'int', get: (r) => ctx.int(r.people) },
      { zh: '矛盾类型', en: 'Type', field: 'type', get: (r) => ctx.code(STABILITY_TYPES, r.type) },
      { zh: '风险等级', en: 'Risk', field: 'risk', get: (r) => ctx.code(RISKS, r.risk) },
      { zh: '基本情况', en: 'What happened', field: 'content', long: true, get: (r) => ctx.text(r.content) },
      { zh: '稳控措施', en: 'Measures', field: 'measures', long: true, get: (r) => ctx.text(r.measures) },
      { zh: '责任单位', en: 'Responsible', field: 'responsible', get: (r) => ctx.text(r.responsible) },
      { zh: '化解状态', en: 'Status', field: 'status', get: (r) => ctx.code(STABILITY_STATUS, r.status) },
      { zh: '化解日期', en: 'Resolved on', field: 'resolved_on', format: 'date', get: (r) => ctx.date(r.resolved_on) },
    ],
    (r) => r.risk === 'high' && r.status !== 'resolved',
  );
}

export function hardshipSheet(ctx: ExportContext, records: readonly LedgerRecord[]): SheetModel {
  const p = (r: LedgerRecord) => obj(r.person);
  return sheet(ctx, 'hardship', { zh: '困难群众登记卡', en: 'Hardship cards' }, records, [
    { zh: '日期', en: 'Date', field: 'date', format: 'date', get: (r) => ctx.date(r.date) },
    { zh: '姓名', en: 'Name', field: 'person.name', get: (r) => ctx.text(p(r).name) },
    { zh: '性别', en: 'Gender', field: 'person.gender', get: (r) => ctx.code(GENDERS, p(r).gender) },
    { zh: '身份证号码', en: 'ID number', field: 'person.id_number', get: (r) => ctx.idNumber(p(r).id_number) },
    { zh: '联系电话', en: 'Phone', field: 'person.phone', get: (r) => ctx.phone(p(r).phone) },
    { zh: '住址', en: 'Address', field: 'person.address', long: true, get: (r) => ctx.text(p(r).address) },
    { zh: '家庭人口', en: 'Household', field: 'household', format: 'int', get: (r) => ctx.int(r.household) },
    { zh: '家庭月收入', en: 'Monthly income (yuan)', field: 'monthly_income', format: 'amount', get: (r) => ctx.int(r.monthly_income) },
    { zh: '困难类别', en: 'Categories', field: 'categories', get: (r) => ctx.codes(HARDSHIP_CATEGORIES, r.categories) },
    { zh: '致困原因', en: 'Cause', field: 'cause', get: (r) => ctx.code(HARDSHIP_CAUSES, r.cause) },
    { zh: '困难情况', en: 'Situation', field: 'situation', long: true, get: (r) => ctx.text(r.situation) },
    { zh: '主要需求', en: 'Needs', field: 'needs', long: true, get: (r) => ctx.text(r.needs) },
    { zh: '已享受政策', en: 'Policies received', field: 'policies', get: (r) => ctx.codes(POLICIES, r.policies) },
    {
      zh: '帮扶记录',
      en: 'Help given',
      field: 'assistance',
      long: true,
      get: (r) => ctx.lines(arr(r.assistance).map((a) => `${String(a.date)} ${String(a.by)}${ctx.t('：', ': ')}${String(a.what)}`)),
    },
    { zh: '结对干部', en: 'Paired cadre', field: 'paired_cadre', get: (r) => ctx.text(r.paired_cadre) },
  ]);
}

/** The ledger sheets in the order the party group reads them. */
export function ledgerSheets(ctx: ExportContext, ledgers: Ledgers): SheetModel[] {
  return [
    visitSheet(ctx, ledgers.visit),
    opinionSheet(ctx, ledgers.opinion),
    rectificationSheet(ctx, ledgers.opinion),
    infoSheet(ctx, ledgers.info),
    appealSheet(ctx, ledgers.appeal),
    stabilitySheet(ctx, ledgers.stability),
    hardshipSheet(ctx, ledgers.hardship),
  ];
}
