// `ledger template` as a library: a group's workbook to fill in, laid out from the record specs
// (model/templateLayout.ts) and worded like the export (sheet names and column headers come
// from the export's column tables, ledgerSheets.ts). Each column has a hidden key in row 1, a
// header with a comment saying what it takes, and for the rows below: its number format (ID
// numbers and phones as text), a drop-down or a date or number check, and no lock, so a group
// member types into a form whose headers they cannot break. Hidden metadata says which
// campaign, group, format and workbook instance it is, so import can answer any other.
import ExcelJS from 'exceljs';
import { proseDate } from '../messages/dates.js';
import { templateWords, type SheetInfo, type ValueHint } from '../messages/templateWords.js';
import type { Campaign, Group } from '../model/campaign.js';
import { emptyLedgers } from '../model/ledgers.js';
import {
  columnKey,
  columnLetter,
  FIRST_ROW,
  HEADER_ROW,
  ID_PREFIX,
  KEY_ROW,
  META_KEYS,
  META_MARK,
  MIN_INPUT_ROWS,
  TEMPLATE_FORMAT,
  TITLE_ROW,
  templateLayout,
  type LayoutColumn,
  type LayoutSheet,
  type TemplateMeta,
} from '../model/templateLayout.js';
import { idCheckChar } from '../personal/idNumber.js';
import { termOf } from '../schema/fields.js';
import { schemaHash } from '../schema/jsonSchema.js';
import { TEXT_MAX, type RecordKind, type Spec } from '../schema/spec.js';
import { label, VOCABULARIES, zhLabel, type Locale, type VocabularyName } from '../schema/vocab.js';
import { A4_LANDSCAPE, pagesAcross } from './a4Landscape.js';
import { excelDate, safeText, sheetName } from './cells.js';
import { exportContext } from './exportContext.js';
import { ledgerSheets } from './ledgerSheets.js';
import { cleanDeep } from '../text/clean.js';
import { displayWidthFast } from './width.js';
import { writeFileAtomicWith } from '../write/fsAtomic.js';

/** A record to fill in: its canonical data, and whether its row is locked (it lives in a hand-written file). */
export interface TemplateRecord {
  kind: RecordKind;
  data: Record<string, unknown>;
  locked: boolean;
}

export interface TemplateOptions {
  campaign: Campaign;
  /** The workbook's language (sheet names, headers, labels, notes); the campaign's by default. */
  lang?: Locale;
  group: Group;
  instance: string;
  /** The day it is made (metadata). */
  made: string;
  records?: readonly TemplateRecord[];
}

export interface TemplateResult {
  path: string;
  sheets: { name: string; rows: number }[];
  records: number;
}

type Style = Partial<ExcelJS.Style>;
type Cell = string | number | Date | null;

/** A column of the workbook: the layout's, worded, with its list (if any) and its cell format. */
interface Col {
  layout: LayoutColumn;
  header: string;
  hint: ValueHint;
  list?: string;
  format: string;
  width: number;
  required: boolean;
}

interface Sheet {
  layout: LayoutSheet;
  name: string;
  cols: Col[];
  rows: { cells: Cell[]; locked: boolean }[];
}

const FONT = { zh: '宋体', en: 'Calibri' };
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const HEAD: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
/** Empty rows drawn with borders below the filled ones. */
const BLANK_RULED = 20;
/** What a protected sheet still lets people do. */
const ALLOWED: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: true,
  insertColumns: true,
  deleteRows: true,
  sort: true,
  autoFilter: true,
};

/** Headers of the export's ledger sheets by kind and field, and each kind's sheet name. */
function exportWords(lang: Locale): { names: Map<RecordKind, string>; headers: Map<RecordKind, Map<string, string>> } {
  const ctx = exportContext({ lang, asOf: '2000-01-01', redact: false });
  const names = new Map<RecordKind, string>();
  const headers = new Map<RecordKind, Map<string, string>>();
  for (const sheet of ledgerSheets(ctx, emptyLedgers())) {
    const kind = (sheet.key === 'rectification' ? 'opinion' : sheet.key) as RecordKind;
    if (sheet.key !== 'rectification') names.set(kind, sheet.name);
    let h = headers.get(kind);
    if (!h) headers.set(kind, (h = new Map()));
    for (const c of sheet.tables[0]?.columns ?? []) if (c.field && !h.has(c.field)) h.set(c.field, c.header);
  }
  return { names, headers };
}

const humanize = (key: string) => {
  const s = key.replace(/[._]/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

function vocabOf(spec: Spec): VocabularyName | undefined {
  if (spec.t === 'code') return spec.vocab;
  if (spec.t === 'list' && spec.item.t === 'code') return spec.item.vocab;
  return undefined;
}

/** The sheets as they will be written: names, worded columns, the rows to fill in. */
function plan(options: TemplateOptions, lang: Locale): Sheet[] {
  const words = exportWords(lang);
  const taken = new Set<string>();
  const byKind = new Map<RecordKind, TemplateRecord[]>();
  for (const r of options.records ?? []) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  const mainName = new Map<RecordKind, string>();
  return templateLayout().map((layout) => {
    const kind = layout.kind;
    const headers = words.headers.get(kind) ?? new Map<string, string>();
    const base = words.names.get(kind) ?? kind;
    const partName = layout.part
      ? (headers.get(layout.part) ?? (lang === 'zh-CN' ? termOf(layout.partSpec) : undefined) ?? humanize(layout.part))
      : '';
    const name = sheetName(layout.part ? `${mainName.get(kind) ?? base}-${partName}` : base, taken);
    if (!layout.part) mainName.set(kind, name);
    const cols = layout.columns.map((c) => column(c, layout, headers, lang, mainName.get(kind) ?? base, mainName.get('visit') ?? ''));
    const records = byKind.get(kind) ?? [];
    const rows = layout.part
      ? records.flatMap((r) =>
          (Array.isArray(r.data[layout.part as string]) ? (r.data[layout.part as string] as Record<string, unknown>[]) : []).map(
            (item) => ({
              cells: cols.map((c) =>
                c.layout.role === 'parent' ? cellOf(r.data.id, c, lang) : cellOf(valueAt(item, c.layout.path), c, lang),
              ),
              locked: r.locked,
            }),
          ),
        )
      : records.map((r) => ({ cells: cols.map((c) => cellOf(valueAt(r.data, c.layout.path), c, lang)), locked: r.locked }));
    return { layout, name, cols, rows };
  });
}

function column(
  c: LayoutColumn,
  layout: LayoutSheet,
  headers: Map<string, string>,
  lang: Locale,
  parentSheet: string,
  visitSheet: string,
): Col {
  const w = templateWords(lang);
  const spec = c.spec;
  const zh = lang === 'zh-CN';
  const header =
    c.role === 'parent'
      ? w.parentHeader(layout.kind)
      : ((layout.part ? undefined : headers.get(c.key)) ??
        (zh ? termOf(spec) : undefined) ??
        humanize(layout.part ? c.key : (c.key.split('.').pop() ?? c.key)));
  const { hint, list, format } = hintOf(c, layout, lang, parentSheet, visitSheet);
  return {
    layout: c,
    header,
    hint,
    ...(list ? { list } : {}),
    format,
    width: widthOf(header, hint, spec),
    required: c.required && c.role !== 'id',
  };
}

/** What a column takes (for its comment), the list its drop-down reads, and its number format. */
function hintOf(
  c: LayoutColumn,
  layout: LayoutSheet,
  lang: Locale,
  parentSheet: string,
  visitSheet: string,
): { hint: ValueHint; list?: string; format: string } {
  const spec = c.spec;
  const vocab = vocabOf(spec);
  const choices = vocab ? VOCABULARIES[vocab].map((t) => (lang === 'zh-CN' ? zhLabel(t) : t.en)) : [];
  if (c.role === 'id') return { hint: { t: 'id', example: `${ID_PREFIX[layout.kind]}1` }, format: '@' };
  if (c.role === 'parent') return { hint: { t: 'parent', sheet: parentSheet, example: `${ID_PREFIX[layout.kind]}1` }, format: '@' };
  if (c.role === 'visit') return { hint: { t: 'visit', sheet: visitSheet }, format: '@' };
  if (c.role === 'member' || c.role === 'members' || c.role === 'name') return { hint: { t: c.role }, list: 'members', format: '@' };
  if (spec.t === 'date') return { hint: { t: 'date' }, format: 'yyyy-mm-dd' };
  if (vocab) return { hint: spec.t === 'list' ? { t: 'codes', choices } : { t: 'code', choices }, list: vocab, format: '@' };
  if (spec.t === 'string' && spec.personal) return { hint: { t: spec.personal === 'id_number' ? 'id-number' : 'phone' }, format: '@' };
  if (spec.t === 'int') {
    return {
      hint: { t: 'int', ...(spec.min === undefined ? {} : { min: spec.min }), ...(spec.max === undefined ? {} : { max: spec.max }) },
      format: '0',
    };
  }
  if (spec.t === 'number') {
    return {
      hint: { t: 'number', ...(spec.min === undefined ? {} : { min: spec.min }), ...(spec.max === undefined ? {} : { max: spec.max }) },
      format: 'General',
    };
  }
  if (spec.t === 'bool') return { hint: { t: 'bool' }, list: 'bool', format: '@' };
  if (spec.t === 'list') return { hint: { t: 'list' }, format: '@' };
  const max = spec.t === 'string' && spec.maxLength !== undefined && spec.maxLength < TEXT_MAX ? spec.maxLength : undefined;
  return { hint: { t: 'text', ...(max === undefined ? {} : { max }) }, format: '@' };
}

function widthOf(header: string, hint: ValueHint, spec: Spec): number {
  const head = Math.ceil(displayWidthFast(header) / 1.6) + 3;
  let body: number;
  switch (hint.t) {
    case 'id':
    case 'parent':
    case 'visit':
      body = 9;
      break;
    case 'date':
      body = 12;
      break;
    case 'int':
    case 'number':
    case 'bool':
      body = 8;
      break;
    case 'code':
      body = Math.min(24, Math.max(...hint.choices.map(displayWidthFast)) + 4);
      break;
    case 'id-number':
      body = 21;
      break;
    case 'phone':
      body = 15;
      break;
    case 'member':
    case 'name':
      body = 10;
      break;
    case 'text': {
      const max = spec.t === 'string' ? (spec.maxLength ?? TEXT_MAX) : TEXT_MAX;
      body = max <= 100 ? 12 : max <= 500 ? 22 : 36;
      break;
    }
    default:
      body = 20;
  }
  return Math.max(head, body);
}

/** The group as printed on the form: its name (the id travels in the hidden ledger sheet). */
function groupLabel(group: Group, _lang: Locale): string {
  return group.name;
}

function valueAt(data: Record<string, unknown>, p: readonly string[]): unknown {
  let v: unknown = data;
  for (const k of p) v = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** A record's value as the cell shows it: labels for codes, real dates, 是/否, list items joined by 、. */
function cellOf(v: unknown, c: Col, lang: Locale): Cell {
  if (v === undefined || v === null) return null;
  const w = templateWords(lang);
  const spec = c.layout.spec;
  const vocab = vocabOf(spec);
  const one = (x: unknown): string => (vocab && typeof x === 'string' ? label(VOCABULARIES[vocab], x, lang) : String(x));
  if (Array.isArray(v)) return v.length ? safeText(v.map(one).join(w.sep)) : null;
  if (typeof v === 'boolean') return v ? w.yes : w.no;
  if (spec.t === 'date') return excelDate(v) ?? safeText(String(v));
  if ((spec.t === 'int' || spec.t === 'number') && typeof v === 'number') return v;
  return safeText(one(v));
}

function example(c: Col, options: TemplateOptions, lang: Locale): string | undefined {
  const w = templateWords(lang);
  const h = c.hint;
  const members = options.group.members.map((m) => m.name);
  switch (h.t) {
    case 'id':
    case 'parent':
      return h.example;
    case 'visit':
      return 'v1';
    case 'date':
      return options.campaign.period.start;
    case 'code':
      return h.choices[0];
    case 'codes':
      return h.choices.slice(0, 2).join(w.sep);
    case 'member':
    case 'name':
      return options.group.leader;
    case 'members':
      return members.slice(0, 2).join(w.sep);
    case 'id-number':
      return `11010119800101123${idCheckChar('11010119800101123')}`;
    case 'phone':
      return '13800138000';
    case 'int':
      return String(Math.max(h.min ?? 0, 3));
    case 'bool':
      return w.yes;
    default:
      return undefined;
  }
}

function note(c: Col, options: TemplateOptions, lang: Locale): string {
  const w = templateWords(lang);
  const ex = example(c, options, lang);
  const lines = [c.header, w.hint(c.hint), c.required ? w.required : w.optional];
  if (c.layout.key === 'rectification.done_on') lines.push(w.whenDone);
  if (ex !== undefined) lines.push(w.example(ex));
  return lines.join('\n');
}

/** The code lists the drop-downs read, one per column of the hidden list sheet. */
/** The lists the drop-downs read, one per column of the hidden list sheet, titled for whoever unhides it. */
function lists(sheets: readonly Sheet[], options: TemplateOptions, lang: Locale): Map<string, { title: string; values: string[] }> {
  const w = templateWords(lang);
  const out = new Map<string, { title: string; values: string[] }>();
  for (const s of sheets) {
    for (const c of s.cols) {
      if (!c.list || out.has(c.list)) continue;
      if (c.list === 'members') out.set('members', { title: w.membersList, values: options.group.members.map((m) => m.name) });
      else if (c.list === 'bool') out.set('bool', { title: `${w.yes}/${w.no}`, values: [w.yes, w.no] });
      else {
        const values = VOCABULARIES[c.list as VocabularyName].map((t) => (lang === 'zh-CN' ? zhLabel(t) : t.en));
        out.set(c.list, { title: c.header, values });
      }
    }
  }
  return out;
}

export async function writeTemplate(outPath: string, given: TemplateOptions): Promise<TemplateResult> {
  // Everything the workbook says comes from these (cells, comments, lists, properties, the
  // metadata): cleaned here once, so no text from the files can make it unopenable.
  const options = cleanDeep(given);
  const lang = options.lang ?? options.campaign.locale;
  const w = templateWords(lang);
  const sheets = plan(options, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ledger';
  wb.title = `${options.campaign.unit} ${options.campaign.title} ${options.group.name}`;
  wb.created = wb.modified = new Date(`${options.made}T00:00:00Z`);
  const font = { name: lang === 'zh-CN' ? FONT.zh : FONT.en, size: 11 };
  const info = wb.addWorksheet(w.instructions, {
    views: [{ showGridLines: false }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const source = sources(sheets, lists(sheets, options, lang), w.lists);
  const result: TemplateResult = { path: outPath, sheets: [], records: (options.records ?? []).length };
  for (const s of sheets) {
    // A wide sheet prints over pages across, as the ledgers do, its id column on each.
    const across = pagesAcross(s.cols.reduce((n, c) => n + c.width, 0));
    const ws = wb.addWorksheet(s.name, {
      views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW, topLeftCell: `B${FIRST_ROW}` }],
      pageSetup: {
        ...A4_LANDSCAPE,
        fitToWidth: across,
        ...(across > 1 ? { pageOrder: 'overThenDown' as const, printTitlesColumn: 'A:A' } : {}),
        printTitlesRow: `${TITLE_ROW}:${HEADER_ROW}`,
      },
    });
    writeDataSheet(ws, s, { options, lang, font, last: source.lastRow(s), source: (c) => source.of(s, c) });
    await ws.protect('', ALLOWED);
    result.sheets.push({ name: s.name, rows: s.rows.length });
  }
  writeInstructions(info, sheets, options, lang, font);
  await info.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const codes = wb.addWorksheet(w.lists, { state: 'hidden' });
  source.write(codes);
  await codes.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  writeMeta(wb.addWorksheet('ledger', { state: 'veryHidden' }), options, lang);
  // The file appears under its name only when complete.
  await writeFileAtomicWith(outPath, (tmp) => wb.xlsx.writeFile(tmp));
  return result;
}

/**
 * Where each column's drop-down takes its values: a column of the hidden list sheet (a range,
 * so a list may be longer than the 255 characters Excel allows inline), or the id column of
 * the sheet a column refers to (visits, a part's parent). Input rows end at `lastRow`.
 */
function sources(sheets: readonly Sheet[], codeLists: Map<string, { title: string; values: string[] }>, listSheet: string) {
  const ranges = new Map<string, string>();
  [...codeLists.entries()].forEach(([name, { values }], i) => {
    const col = columnLetter(i + 1);
    ranges.set(name, `'${listSheet}'!$${col}$2:$${col}$${Math.max(2, values.length + 1)}`);
  });
  const lastRow = (s: Sheet) => FIRST_ROW + Math.max(MIN_INPUT_ROWS, s.rows.length + 500) - 1;
  const ids = (key: string) => {
    const target = sheets.find((x) => x.layout.key === key);
    return target ? `'${target.name}'!$A$${FIRST_ROW}:$A$${lastRow(target)}` : undefined;
  };
  return {
    lastRow,
    of(s: Sheet, c: Col): string | undefined {
      if (c.layout.role === 'visit') return ids('visit');
      if (c.layout.role === 'parent') return ids(s.layout.kind);
      return c.list ? ranges.get(c.list) : undefined;
    },
    write(ws: ExcelJS.Worksheet): void {
      [...codeLists.values()].forEach(({ title, values }, i) => {
        ws.getCell(1, i + 1).value = title;
        values.forEach((v, j) => (ws.getCell(j + 2, i + 1).value = v));
      });
    },
  };
}

interface SheetContext {
  options: TemplateOptions;
  lang: Locale;
  font: Partial<ExcelJS.Font>;
  /** The last input row (formatted and validated). */
  last: number;
  source: (c: Col) => string | undefined;
}

function writeDataSheet(ws: ExcelJS.Worksheet, s: Sheet, x: SheetContext): void {
  ws.columns = s.cols.map((c) => ({
    width: c.width,
    style: {
      font: x.font,
      numFmt: c.format,
      protection: { locked: false },
      alignment: { vertical: 'top', wrapText: c.hint.t === 'text', ...(c.hint.t === 'date' ? { horizontal: 'center' as const } : {}) },
    },
  }));
  writeTop(ws, s, x);
  writeHeaders(ws, s, x);
  writeRows(ws, s);
  s.cols.forEach((c, i) => validate(ws, c, `${columnLetter(i + 1)}${FIRST_ROW}:${columnLetter(i + 1)}${x.last}`, x.source(c), x.lang));
}

/** The hidden key row, and the title with its hint. */
function writeTop(ws: ExcelJS.Worksheet, s: Sheet, x: SheetContext): void {
  const w = templateWords(x.lang);
  const locked: Style = { font: x.font, protection: { locked: true } };
  const keys = ws.getRow(KEY_ROW);
  s.cols.forEach((c, i) => {
    keys.getCell(i + 1).value = columnKey(s.layout, c.layout);
    keys.getCell(i + 1).style = { ...locked, numFmt: '@' };
  });
  keys.hidden = true;
  const title = ws.getRow(TITLE_ROW);
  title.getCell(1).value = {
    richText: [
      { text: w.title(s.name, groupLabel(x.options.group, x.lang)), font: { ...x.font, size: 14, bold: true } },
      { text: w.titleHint, font: { ...x.font, size: 10, color: { argb: 'FF595959' } } },
    ],
  };
  title.getCell(1).style = { ...locked, alignment: { vertical: 'middle' } };
  for (let i = 2; i <= s.cols.length; i++) title.getCell(i).style = locked;
  title.height = 26;
}

/** Headers: * for required, a comment saying what the column takes, a filter. */
function writeHeaders(ws: ExcelJS.Worksheet, s: Sheet, x: SheetContext): void {
  const { font } = x;
  const head = ws.getRow(HEADER_ROW);
  s.cols.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.required
      ? {
          richText: [
            { text: '*', font: { ...font, bold: true, color: { argb: 'FFC00000' } } },
            { text: c.header, font: { ...font, bold: true } },
          ],
        }
      : c.header;
    cell.style = {
      font: { ...font, bold: true },
      fill: HEAD,
      border: BORDER,
      protection: { locked: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    };
    const text = note(c, x.options, x.lang);
    cell.note = { texts: [{ text }], editAs: 'absolute' } as ExcelJS.Comment;
    sizeNote(cell, text, i + 1, s.cols);
  });
  head.height = 32;
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: s.cols.length } };
}

/** The filled rows (hand-written ones grey and locked; every filled id locked), then a few ruled empty ones. */
function writeRows(ws: ExcelJS.Worksheet, s: Sheet): void {
  s.rows.forEach((row, r) => {
    const xr = ws.getRow(FIRST_ROW + r);
    row.cells.forEach((v, i) => {
      const cell = xr.getCell(i + 1);
      if (v !== null) cell.value = v;
      // The id of a row filled in from an existing record is what import matches it by: locked.
      const lock = row.locked || (i === 0 && v !== null);
      cell.style = { ...cell.style, border: BORDER, ...(lock ? { protection: { locked: true }, fill: GREY } : {}) };
    });
    xr.height = rowHeight(row.cells, s.cols);
  });
  // A few ruled empty rows, so the sheet reads (and prints) as a form.
  for (let r = 0; r < BLANK_RULED; r++) {
    const xr = ws.getRow(FIRST_ROW + s.rows.length + r);
    s.cols.forEach((_c, i) => {
      const cell = xr.getCell(i + 1);
      cell.style = { ...cell.style, border: BORDER };
    });
  }
}

/**
 * Makes a header's comment box as large as its text: exceljs draws every box two columns by
 * four rows, which cuts a longer explanation off. The box is anchored (in column and row
 * units) to the right of the header, over as many rows as the text needs at its width. When
 * exceljs keeps its comments otherwise, the box keeps exceljs's size.
 */
function sizeNote(cell: ExcelJS.Cell, text: string, col: number, cols: readonly Col[]): void {
  const comment = (cell as unknown as { _comment?: { model?: object } })._comment;
  if (!comment || typeof comment.model !== 'object') return;
  const span = 3;
  const chars = Math.max(16, cols.slice(col, col + span).reduce((n, c) => n + c.width, 0) || 36) - 2;
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidthFast(line) / chars)), 0);
  const model = comment.model;
  const anchor = { left: col + 0.1, top: HEADER_ROW - 1.8, right: col + span, bottom: HEADER_ROW - 1.8 + lines + 1.5 };
  Object.defineProperty(comment, 'model', { get: () => ({ ...model, anchor }) });
}

/** Explicit heights for filled rows: spreadsheets do not grow rows of wrapped text on their own. */
function rowHeight(cells: readonly Cell[], cols: readonly Col[]): number {
  let lines = 1;
  cells.forEach((v, i) => {
    const col = cols[i];
    if (typeof v !== 'string' || !col) return;
    const room = Math.max(1, col.width - 1);
    const n = v.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(displayWidthFast(part) / room)), 0);
    lines = Math.max(lines, col.hint.t === 'text' ? n : 1);
  });
  return Math.min(409, 15 * lines + 4);
}

/** exceljs keeps a sheet's validations by range (its typings leave the member out). */
function rules(ws: ExcelJS.Worksheet): { add(range: string, v: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
}

function validate(ws: ExcelJS.Worksheet, c: Col, range: string, list: string | undefined, lang: Locale): void {
  const w = templateWords(lang);
  const box = { errorTitle: w.errorTitle, showErrorMessage: true, errorStyle: 'stop' as const };
  const h = c.hint;
  if (list) {
    const strict = h.t === 'code' || h.t === 'member' || h.t === 'bool';
    rules(ws).add(range, {
      type: 'list',
      allowBlank: true,
      formulae: [list],
      ...(strict ? { ...box, error: h.t === 'member' ? w.memberError : w.choiceError } : { showErrorMessage: false }),
      ...(h.t === 'codes' || h.t === 'members' ? { showInputMessage: true, prompt: w.listPrompt } : {}),
    } as ExcelJS.DataValidation);
  } else if (h.t === 'date') {
    rules(ws).add(range, {
      type: 'date',
      operator: 'between',
      allowBlank: true,
      formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
      ...box,
      error: w.dateError,
    } as ExcelJS.DataValidation);
  } else if (h.t === 'int') {
    const min = h.min ?? 0;
    rules(ws).add(range, {
      type: 'whole',
      ...(h.max === undefined ? { operator: 'greaterThanOrEqual', formulae: [min] } : { operator: 'between', formulae: [min, h.max] }),
      allowBlank: true,
      ...box,
      error: w.intError(min, h.max),
    } as ExcelJS.DataValidation);
  } else if (h.t === 'number') {
    rules(ws).add(range, {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [h.min ?? -1e15, h.max ?? 1e15],
      ...box,
      error: w.numberError,
    } as ExcelJS.DataValidation);
  } else if (h.t === 'id-number') {
    rules(ws).add(range, {
      type: 'textLength',
      operator: 'equal',
      allowBlank: true,
      formulae: [18],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: w.errorTitle,
      error: w.idNumberWarning,
    } as ExcelJS.DataValidation);
  }
}

function writeInstructions(
  ws: ExcelJS.Worksheet,
  sheets: readonly Sheet[],
  options: TemplateOptions,
  lang: Locale,
  font: Partial<ExcelJS.Font>,
): void {
  const w = templateWords(lang);
  const zh = lang === 'zh-CN';
  ws.columns = [{ width: 5 }, { width: 30 }, { width: 60 }, { width: 14 }];
  const groupName = groupLabel(options.group, lang);
  const put = (row: number, col: number, value: string | number, style: Style = {}) => {
    const cell = ws.getCell(row, col);
    cell.value = value;
    cell.style = { font, alignment: { vertical: 'top', wrapText: true }, ...style };
  };
  const formTitle = w.formTitle(options.campaign.unit, options.campaign.title, options.group.name);
  put(1, 1, formTitle, { font: { ...font, size: 16, bold: true } });
  ws.mergeCells('A1:D1');
  // 16-point characters: some 70 columns of the four to a line.
  ws.getRow(1).height = 24 * Math.ceil(displayWidthFast(formTitle) / 70) + 6;
  put(2, 1, w.formFacts(groupName, proseDate(options.campaign.deadlines.groups, lang)));
  ws.mergeCells('A2:D2');
  put(4, 1, w.howTo, { font: { ...font, size: 12, bold: true }, alignment: { vertical: 'middle', wrapText: false } });
  const parts = sheets.filter((s) => s.layout.part).map((s) => `“${s.name}”`);
  let row = 5;
  w.steps(parts.join(zh ? '、' : ', ')).forEach((step, i) => {
    put(row, 1, `${i + 1}.`, { alignment: { vertical: 'top', horizontal: 'right' } });
    put(row, 2, step);
    ws.mergeCells(`B${row}:D${row}`);
    ws.getRow(row).height = 16 * Math.ceil(displayWidthFast(step) / 84) + 4;
    row++;
  });
  row++;
  const headStyle: Style = {
    font: { ...font, bold: true },
    fill: HEAD,
    border: BORDER,
    alignment: { vertical: 'middle', horizontal: 'center' },
  };
  w.sheetsHeader.forEach((h, i) => put(row, i + 2, h, headStyle));
  row++;
  const infos: SheetInfo[] = sheets.map((s) => ({
    name: s.name,
    what: s.layout.part
      ? w.partWhat(s.name.slice(s.name.lastIndexOf('-') + 1), sheets.find((x) => x.layout.key === s.layout.kind)?.name ?? '')
      : (w.kindWhat[s.layout.kind] ?? ''),
    rows: s.rows.length,
  }));
  for (const x of infos) {
    put(row, 2, x.name, { border: BORDER });
    put(row, 3, x.what, { border: BORDER });
    put(row, 4, x.rows, { border: BORDER, alignment: { horizontal: 'center' } });
    row++;
  }
}

function writeMeta(ws: ExcelJS.Worksheet, options: TemplateOptions, lang: Locale): void {
  const meta: TemplateMeta = {
    format: String(TEMPLATE_FORMAT),
    campaign: options.campaign.title,
    unit: options.campaign.unit,
    group: options.group.id,
    schema: schemaHash(),
    instance: options.instance,
    lang,
    made: options.made,
  };
  ws.getCell(1, 1).value = META_MARK;
  META_KEYS.forEach((k, i) => {
    ws.getCell(i + 2, 1).value = k;
    ws.getCell(i + 2, 2).value = meta[k];
  });
}
