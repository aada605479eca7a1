// The likely duplicates of the merge (manifest `duplicates`), one row per opinion, cluster by
// cluster: the first opinion of its text, then each later one alike to it with how alike it
// is. Only when there are any; with --group, the clusters that hold one of the group's
// opinions (with their other members, so the group sees whom it repeats). Only the opinions
// the workbook lists are members (dated by --as-of; approved, with --reviewed-only), so the
// sheet holds what its header says; a cluster left with one opinion is no duplicate.
import { bigrams, dice, normalizeText } from '../check/similarity.js';
import type { LedgerRecord, LedgerSet } from '../model/ledgers.js';
import { AUDIENCES } from '../schema/vocab.js';
import type { Cell } from './cells.js';
import type { ExportContext } from './exportContext.js';
import { table, type Column, type SheetModel } from './sheetModel.js';

interface Member {
  cluster: number;
  first: boolean;
  record: LedgerRecord | undefined;
  id: string;
  similarity: number | null;
}

const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** Whether an opinion of a cluster is listed: its record as the ledgers hold it (undefined when they do not). */
export type KeepMember = (id: string, record: LedgerRecord | undefined) => boolean;

/** The members of every cluster in order, each with its similarity to the cluster's first (recomputed from the ledgers). */
function members(set: LedgerSet, group: string | undefined, keep: KeepMember): Member[] {
  const byId = new Map(set.ledgers.opinion.map((r) => [r.id, r]));
  const out: Member[] = [];
  let n = 0;
  for (const c of set.manifest.duplicates) {
    const ids = c.ids.filter((id) => keep(id, byId.get(id)));
    const records = ids.map((id) => byId.get(id));
    if (ids.length < 2 || (group !== undefined && !records.some((r) => r?.group === group))) continue;
    n++;
    const head = records[0];
    const headSet = head && typeof head.content === 'string' ? bigrams(normalizeText(head.content)) : undefined;
    ids.forEach((id, i) => {
      const r = records[i];
      const similarity =
        i === 0 || !headSet || !r || typeof r.content !== 'string'
          ? null
          : Math.floor(dice(headSet, bigrams(normalizeText(r.content))) * 100) / 100;
      out.push({ cluster: n, first: i === 0, record: r, id, similarity });
    });
  }
  return out;
}

export function duplicateSheet(ctx: ExportContext, set: LedgerSet, group?: string, keep: KeepMember = () => true): SheetModel | null {
  const rows = members(set, group, keep);
  if (rows.length === 0) return null;
  const groupOf = (m: Member) => m.record?.group ?? m.id.slice(0, m.id.lastIndexOf('/'));
  const defs: {
    zh: string;
    en: string;
    format?: Column['format'];
    long?: boolean;
    fit?: boolean;
    hidden?: boolean;
    get: (m: Member) => Cell;
  }[] = [
    { zh: '重复组', en: 'Cluster', format: 'int', get: (m) => m.cluster },
    { zh: '工作组', en: 'Group', get: (m) => ctx.groupName(groupOf(m)) },
    { zh: '编号', en: 'Id', get: (m) => ctx.text(m.id.slice(m.id.lastIndexOf('/') + 1)) },
    { zh: '日期', en: 'Date', format: 'date', get: (m) => ctx.date(m.record?.date) },
    { zh: '对象类别', en: 'Raised by (kind)', get: (m) => ctx.code(AUDIENCES, obj(m.record?.source).kind) },
    { zh: '意见内容', en: 'Opinion', long: true, get: (m) => ctx.text(m.record?.content) },
    {
      zh: '与基准条的相似度',
      en: 'Alike to the reference',
      format: 'pct',
      get: (m) => (m.first ? ctx.text(ctx.t('基准条', 'reference')) : m.similarity),
    },
    // Where each opinion was written: for finding it on screen, hidden on paper (like the ledger sheets).
    { zh: '组编号', en: 'Group id', hidden: true, get: (m) => ctx.text(groupOf(m)) },
    {
      zh: '来源文件',
      en: 'Source file',
      hidden: true,
      get: (m) => (m.record ? ctx.text(`${m.record.origin.file}:${m.record.origin.line}`) : null),
    },
  ];
  const columns: Column[] = defs.map((d) => ({
    header: ctx.t(d.zh, d.en),
    format: d.format ?? 'text',
    ...(d.long ? { long: true } : {}),
    ...(d.fit ? { fit: true } : {}),
    ...(d.hidden ? { hidden: true } : {}),
  }));
  const name = ctx.t('疑似重复意见', 'Likely duplicates');
  return {
    key: 'duplicates',
    name,
    title: name,
    ledger: true,
    tables: [table(columns, rows, (m: Member) => ({ cells: defs.map((d) => d.get(m)) }))],
  };
}
