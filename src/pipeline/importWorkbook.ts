// `ledger import` and `ledger validate FILE.xlsx` as a library. A returned workbook is a second
// record source: read (streaming) into the same plain records a YAML file yields, checked by
// the same checker, then against the rest of its group: a row identical to a record of
// another file is left out, one that differs is an error at both places, ids and visit
// references must hold across the group. Only then is the group's imported/<file>.yaml
// planned (one file per workbook instance, known by the instance id in the template's hidden
// metadata, whatever the workbook is called now). What that replaces is compared with the
// earlier import (replacedImport.ts): removals are named, and a copy that keeps none of it is
// refused without --replace. Nothing is written while any error remains.
import path from 'node:path';
import { checkGroup } from '../check/checkGroup.js';
import { checkRecords } from '../check/checkFile.js';
import { diagnostic, sortAndCount, type Diagnostic } from '../messages/diagnostic.js';
import { LedgerError } from '../messages/errors.js';
import { workbookWords } from '../messages/workbookWords.js';
import type { Campaign, FileResult, RecordResult } from '../model/campaign.js';
import { safeFileName } from '../model/safeFileName.js';
import { TEMPLATE_FORMAT, type TemplateMeta } from '../model/templateLayout.js';
import { convertToXlsx, OLD_EXT, XLSX_EXT } from '../read/convertWorkbook.js';
import { IMPORTED_DIR, importedFiles, importMark } from '../read/importedFiles.js';
import { loadCampaign } from '../read/loadCampaign.js';
import { pathExists } from '../read/pathExists.js';
import { groupContext } from '../read/readCampaign.js';
import { readText } from '../read/readFile.js';
import { readWorkbook, type RawWorkbook } from '../read/readWorkbook.js';
import { scanGroup } from '../read/scanGroups.js';
import { workbookRecords, type WorkbookRecord, type WorkbookRows } from '../read/workbookRecords.js';
import { fieldName } from '../schema/fields.js';
import { schemaHash } from '../schema/jsonSchema.js';
import { KIND_LABELS, RECORD_KINDS, RECORD_SPECS, type RecordKind } from '../schema/spec.js';
import { cleanText } from '../text/clean.js';
import { localToday } from '../util/dates.js';
import { writeFileAtomic } from '../write/fsAtomic.js';
import { removeFile } from '../write/removeFile.js';
import { emitYaml } from '../yaml/emit.js';
import { numberBlankIds, reuseEarlierIds } from './blankIds.js';
import { replacedImport } from './replacedImport.js';
import { validateCampaign } from './validateCampaign.js';

export interface WorkbookInput {
  abs: string;
  /** How the file is named in messages (relative to where ledger was run). */
  shown: string;
}

export interface ImportOptions {
  /** Only workbooks of this group are accepted (--group). */
  group?: string;
  today?: string;
  /** LibreOffice's command, for .xls and .et (null: not installed). */
  soffice?: string | null;
  /** The workbook replaces its earlier import even when it keeps none of its records (--replace). */
  replace?: boolean;
}

export interface WorkbookPlan {
  file: string;
  group: string | null;
  instance: string | null;
  diagnostics: Diagnostic[];
  /** Record rows read from the workbook. */
  rows: number;
  /** Records to write, by kind. */
  counts: Record<RecordKind, number>;
  /** Rows left out: the same record is in another file of the group. */
  skipped: number;
  /**
   * The file to write (campaign-relative) and its text, or null when the workbook holds no
   * record of its own any more (its earlier import is removed); whether it replaces a file and
   * whether anything would change.
   */
  output?: { rel: string; text: string | null; replaces: boolean; unchanged: boolean };
  /** The workbook file the earlier import of this workbook came from, and the ids of its records this one no longer has. */
  previous?: { workbook: string; removed: string[] };
}

export interface ImportResult {
  campaign: Campaign;
  plans: WorkbookPlan[];
  diagnostics: Diagnostic[];
  summary: { files: number; records: number; errors: number; warnings: number };
  written: boolean;
}

/** Checks every workbook (a group's earlier workbooks in the list count as its records for the later ones). */
export async function checkWorkbooks(root: string, inputs: readonly WorkbookInput[], options: ImportOptions = {}): Promise<ImportResult> {
  const { campaign } = loadCampaign(root);
  if (!campaign) throw new LedgerError('campaign-invalid', {});
  const today = options.today ?? localToday();
  const plans: WorkbookPlan[] = [];
  const earlier = new Map<string, RecordResult[]>();
  const instances = new Map<string, string>();
  const outputs = new Set<string>();
  for (const input of inputs) {
    const plan = await checkOne(root, campaign, input, { ...options, today }, { earlier, instances, outputs });
    plans.push(plan);
  }
  const diagnostics = plans.flatMap((p) => p.diagnostics);
  const rows = plans.reduce((n, p) => n + p.rows, 0);
  return { campaign, plans, diagnostics, summary: { files: plans.length, records: rows, ...sortAndCount(diagnostics) }, written: false };
}

/** Writes the planned files when no workbook has an error left (each atomically, replacing that workbook's earlier import). */
export function writeImports(root: string, result: ImportResult): ImportResult {
  if (result.summary.errors > 0) return result;
  for (const p of result.plans) {
    if (!p.output || p.output.unchanged) continue;
    const abs = path.join(root, p.output.rel);
    if (p.output.text === null) removeFile(abs);
    else writeFileAtomic(abs, p.output.text);
  }
  return { ...result, written: true };
}

interface RunState {
  /** Records planned by earlier workbooks of this run, by group. */
  earlier: Map<string, RecordResult[]>;
  /** Instance → the workbook of this run that had it. */
  instances: Map<string, string>;
  /** Output files planned in this run. */
  outputs: Set<string>;
}

function emptyCounts(): Record<RecordKind, number> {
  return Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;
}

async function readInput(input: WorkbookInput, soffice: string | null | undefined): Promise<RawWorkbook | Diagnostic> {
  if (!pathExists(input.abs)) throw new LedgerError('path-missing', { path: input.shown });
  const old = OLD_EXT.test(input.abs);
  if (!old && !XLSX_EXT.test(input.abs)) throw new LedgerError('not-a-workbook', { path: input.shown });
  const converted = old ? convertToXlsx(input.abs, input.shown, soffice ?? null) : null;
  try {
    return await readWorkbook(converted ? converted.file : input.abs);
  } catch (e) {
    const detail = String((e as Error)?.message ?? e).split('\n')[0] ?? '';
    return diagnostic('workbook-unreadable', { detail }, { file: input.shown, line: 0, column: 0 });
  } finally {
    converted?.cleanup();
  }
}

/** The template's metadata against this campaign: the group it is for, or the diagnostics that stop it. */
function checkMeta(
  meta: Record<string, string> | null,
  campaign: Campaign,
  file: string,
  only?: string,
): { group?: string; problems: Diagnostic[] } {
  const at = { file, line: 0, column: 0 };
  if (!meta || meta.format === undefined) return { problems: [diagnostic('not-a-template', {}, at)] };
  const m = meta as Partial<TemplateMeta>;
  if (m.format !== String(TEMPLATE_FORMAT))
    return { problems: [diagnostic('template-format', { found: m.format ?? '', expected: TEMPLATE_FORMAT }, at)] };
  // The template holds the title and unit as cleaned for the workbook.
  const title = cleanText(campaign.title);
  const unit = cleanText(campaign.unit);
  if (m.campaign !== title || m.unit !== unit) {
    // Named by the title; by unit and title when only the unit differs.
    const same = m.campaign === title;
    const found = same ? `${m.unit ?? ''} ${m.campaign ?? ''}`.trim() : (m.campaign ?? '');
    const expected = same ? `${unit} ${title}` : title;
    return { problems: [diagnostic('template-campaign', { found, expected }, at)] };
  }
  const group = m.group ?? '';
  if (!campaign.groups.some((g) => g.id === group)) return { problems: [diagnostic('template-group', { group, variant: 'unknown' }, at)] };
  if (only !== undefined && only !== group)
    return { problems: [diagnostic('template-group', { group, variant: 'other', expected: only }, at)] };
  return { group, problems: [] };
}

async function checkOne(
  root: string,
  campaign: Campaign,
  input: WorkbookInput,
  options: ImportOptions & { today: string },
  run: RunState,
): Promise<WorkbookPlan> {
  const plan: WorkbookPlan = {
    file: input.shown,
    group: null,
    instance: null,
    diagnostics: [],
    rows: 0,
    counts: emptyCounts(),
    skipped: 0,
  };
  const book = await readInput(input, options.soffice);
  if (!('sheets' in book)) {
    plan.diagnostics.push(book);
    return plan;
  }
  const known = identify(book, campaign, input.shown, options.group, run);
  plan.diagnostics.push(...known.problems);
  if (!known.group) return plan;
  const { group, instance } = known;
  plan.group = group;
  plan.instance = instance;
  const rows = workbookRecords(book, input.shown);
  plan.diagnostics.push(...rows.diagnostics);
  if (book.meta?.schema !== schemaHash() && rows.unmapped === 0) {
    plan.diagnostics.push(diagnostic('template-schema', {}, { file: input.shown, line: 0, column: 0 }));
  }
  plan.rows = rows.records.length;

  const state = groupState(root, campaign, group, instance, options.today);
  const outside = [...state.outside, ...(run.earlier.get(group) ?? [])];
  const checked = checkRows(rows, input.shown, state, outside);
  plan.diagnostics.push(...checked.diagnostics);
  if (state.ownFile) {
    const ids = new Set(checked.records.flatMap((r) => (r.id === null ? [] : [r.id])));
    const replaced = replacedImport(root, state.ownFile, state.own, ids, input.shown, options.replace === true);
    plan.diagnostics.push(...replaced.diagnostics);
    plan.previous = { workbook: replaced.previous, removed: replaced.removed.map((r) => r.id) };
  }
  const cross = againstGroup(group, checked.records, outside, state.own, input.shown);
  plan.diagnostics.push(...cross.diagnostics);
  plan.skipped = cross.skipped.size;
  const kept = rows.records.map((r, i) => ({ r, result: checked.records[i] as RecordResult })).filter((x) => !cross.skipped.has(x.result));
  for (const { result } of kept) if (result.kind) plan.counts[result.kind]++;
  run.earlier.set(group, [...(run.earlier.get(group) ?? []), ...kept.map((x) => x.result)]);
  if (!plan.diagnostics.some((d) => d.severity === 'error')) planOutput(root, campaign, plan, state.ownFile, kept, run);
  return plan;
}

/**
 * The rows checked as a YAML file's records are. Rows without an id are numbered (the earlier
 * import's ids kept for rows it had); a formula cell without a value is that, not also a
 * missing value.
 */
function checkRows(rows: WorkbookRows, file: string, state: GroupState, outside: readonly RecordResult[]): FileResult {
  numberBlankIds(rows.records, [...outside, ...state.own]);
  const checked = checkRecords(
    rows.records.map((r) => ({ data: r.data, line: r.row, column: 1, sheet: r.sheet, place: r.place })),
    file,
    state.ctx,
  );
  reuseEarlierIds(rows.records, checked.records, state.own, outside);
  const formulas = new Set(rows.diagnostics.filter((d) => d.code === 'formula-no-value').map((d) => `${d.sheet}!${d.cell}`));
  if (formulas.size) checked.diagnostics = checked.diagnostics.filter((d) => !formulas.has(`${d.sheet}!${d.cell}`));
  return checked;
}

/** Which group and instance a workbook is, or why it is not one to read (another campaign, a second copy, …). */
function identify(
  book: RawWorkbook,
  campaign: Campaign,
  file: string,
  only: string | undefined,
  run: RunState,
): { group?: string; instance: string; problems: Diagnostic[] } {
  const meta = checkMeta(book.meta, campaign, file, only);
  const instance = book.meta?.instance ?? '';
  if (!meta.group) return { instance, problems: meta.problems };
  const twin = run.instances.get(instance);
  if (twin !== undefined) return { instance, problems: [diagnostic('duplicate-workbook', { other: twin }, { file, line: 0, column: 0 })] };
  run.instances.set(instance, file);
  return { group: meta.group, instance, problems: [] };
}

/** The file the records go to (the instance's earlier import, or a new one named after the workbook) and its text. */
function planOutput(
  root: string,
  campaign: Campaign,
  plan: WorkbookPlan,
  ownFile: string | undefined,
  kept: { r: WorkbookRecord; result: RecordResult }[],
  run: RunState,
): void {
  if (kept.length === 0 && !ownFile) return;
  const rel = ownFile ?? freeName(root, plan.group as string, plan.file, run.outputs);
  run.outputs.add(rel);
  const text = kept.length ? importText(campaign, plan.instance ?? '', path.basename(plan.file), kept) : null;
  const abs = path.join(root, rel);
  const replaces = pathExists(abs);
  plan.output = { rel, text, replaces, unchanged: replaces && text !== null && readText(abs) === text };
}

interface GroupState {
  ctx: ReturnType<typeof groupContext>;
  /** Records of the group's other files (hand-written, or imported from other workbooks). */
  outside: RecordResult[];
  /** Records of this workbook's earlier import, which the new one replaces. */
  own: RecordResult[];
  ownFile?: string;
}

/** The group as it is now: its records outside this workbook's own imported file, checked as validate checks them. */
function groupState(root: string, campaign: Campaign, group: string, instance: string, today: string): GroupState {
  const scan = scanGroup(root, group);
  const ctx = groupContext(campaign, scan, today);
  const ownFile = importedFiles(root, group).find((f) => f.instance === instance)?.rel;
  const state: GroupState = { ctx, outside: [], own: [], ...(ownFile ? { ownFile } : {}) };
  if (!scan.exists) return state;
  const result = validateCampaign(root, { paths: [scan.dir], today, duplicates: false });
  for (const f of result.byGroup[0]?.files ?? []) {
    for (const r of f.records) (f.file === ownFile ? state.own : state.outside).push(r);
  }
  return state;
}

/**
 * The workbook's records against the rest of the group. A row whose id is a record of another
 * file is left out when it is the same record, and an error at both places when it differs;
 * then ids and visit references across the group (what the import would leave), reported where
 * they are in the workbook, or in another file when the import is what breaks them.
 */
function againstGroup(
  group: string,
  records: readonly RecordResult[],
  outside: readonly RecordResult[],
  own: readonly RecordResult[],
  file: string,
): { diagnostics: Diagnostic[]; skipped: Set<RecordResult> } {
  const diagnostics: Diagnostic[] = [];
  const skipped = new Set<RecordResult>();
  const conflicted = new Set<RecordResult>();
  const byId = new Map<string, RecordResult>();
  for (const r of outside) if (r.id !== null && r.kind !== null && !byId.has(r.id)) byId.set(r.id, r);
  for (const r of records) {
    const other = r.id === null ? undefined : byId.get(r.id);
    if (!other || !r.kind || !other.kind) continue;
    if (other.kind === r.kind && other.data && r.data && sameValue(other.data, r.data)) {
      skipped.add(r);
      continue;
    }
    conflicted.add(r);
    const fields = other.kind === r.kind && other.data && r.data ? differing(r.kind, other.data, r.data) : [];
    const kind = { en: KIND_LABELS[other.kind].en, zh: KIND_LABELS[other.kind].zh };
    const rowAt = r.idAt ?? { line: r.line, column: r.column };
    const rowName = `${file}:${rowAt.sheet ?? ''}!${rowAt.cell ?? ''}`;
    diagnostics.push(
      diagnostic(
        'import-conflict',
        { side: 'workbook', id: r.id as string, kind, other: { file: other.file, line: other.line }, fields },
        { file, ...rowAt, pointer: '/id' },
      ),
    );
    const otherAt = other.idAt ?? { line: other.line, column: other.column };
    diagnostics.push(
      diagnostic(
        'import-conflict',
        { side: 'file', id: r.id as string, kind, other: rowName, fields },
        { file: other.file, ...otherAt, pointer: '/id' },
      ),
    );
  }
  const copy = (r: RecordResult) => ({ ...r, reasons: [...r.reasons] });
  const kept = records.filter((r) => !skipped.has(r) && !conflicted.has(r));
  const before = new Set(checkGroup(group, [...outside, ...own].map(copy)).map(key));
  for (const d of checkGroup(group, [...outside.map(copy), ...kept])) {
    if (d.file === file || ((d.code === 'unknown-visit' || d.code === 'duplicate-id') && !before.has(key(d)))) diagnostics.push(d);
  }
  return { diagnostics, skipped };
}

const key = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;

/** Nothing, an empty list or an empty mapping: what an empty cell says too. */
function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v).every((k) => isEmpty((v as Record<string, unknown>)[k]));
}

/**
 * The same record: equal values, text compared without surrounding spaces and with \n line
 * ends, an empty list or mapping the same as none (a workbook cannot tell them apart).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  // A workbook cannot hold what cleanText removes: text that differs only there is the same.
  if (typeof a === 'string' && typeof b === 'string') return plain(a) === plain(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => !isEmpty((a as Record<string, unknown>)[k]));
    const kb = Object.keys(b).filter((k) => !isEmpty((b as Record<string, unknown>)[k]));
    return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

const plain = (s: string) => cleanText(s).replace(/\r\n?/g, '\n').trim();

/** The fields (by their terms) in which two records of a kind differ, at most three. */
function differing(kind: RecordKind, a: Record<string, unknown>, b: Record<string, unknown>) {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !sameValue({ v: a[k] }, { v: b[k] }));
  return keys.slice(0, 3).map((k) => fieldName(RECORD_SPECS[kind], [k]));
}

/** groups/<id>/imported/<workbook name>.yaml, numbered when another workbook's file has the name. */
function freeName(root: string, group: string, shown: string, taken: ReadonlySet<string>): string {
  const stem = path.basename(shown, path.extname(shown));
  for (let n = 1; ; n++) {
    const rel = `groups/${group}/${IMPORTED_DIR}/${safeFileName(stem, n === 1 ? '.yaml' : `-${n}.yaml`, 'workbook')}`;
    if (!taken.has(rel) && !pathExists(path.join(root, rel))) return rel;
  }
}

/** The YAML of an import: a header naming the workbook and its instance, then each record after a comment naming its sheet and row. */
function importText(campaign: Campaign, instance: string, workbook: string, kept: { r: WorkbookRecord; result: RecordResult }[]): string {
  const w = workbookWords(campaign.locale);
  const parts = [[...w.importHeader(workbook), importMark(instance)].join('\n') + '\n'];
  kept.forEach(({ r, result }, i) => {
    parts.push(`${i === 0 ? '' : '---\n'}${w.recordFrom(workbook, r.sheet, r.row)}\n${emitYaml(result.data ?? r.data)}`);
  });
  return parts.join('');
}
