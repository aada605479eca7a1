// A returned workbook's cells as records: the same plain data a YAML file yields (labels made
// codes, dates YYYY-MM-DD, lists split at 、，,), each with a placer that names the sheet and
// cell of any of its values. Pure: cells in, records and diagnostics out. Sheets and columns
// are matched by their hidden keys, never by the visible text people retype; what a
// spreadsheet does to values (dates as serial numbers, numbers where text was typed, an ID
// number that lost its last digits) is undone here or reported at its cell.
import {
  diagnostic,
  pointerOf,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticData,
  type Placer,
  type Where,
} from '../messages/diagnostic.js';
import { KIND_LABELS, RECORD_SPECS, type RecordKind, type Spec } from '../schema/spec.js';
import { personalFieldName } from '../schema/fields.js';
import { VOCABULARIES, type Vocabulary } from '../schema/vocab.js';
import { checkPhone } from '../personal/phone.js';
import { columnLetter, splitKey, templateLayout, type LayoutColumn, type LayoutSheet } from '../model/templateLayout.js';
import type { RawCell, RawRow, RawSheet, RawWorkbook } from './readWorkbook.js';

export interface WorkbookRecord {
  kind: RecordKind;
  data: Record<string, unknown>;
  sheet: string;
  row: number;
  /** The id cell was left empty: import numbers the record. */
  blankId: boolean;
  place: Placer;
}

export interface WorkbookRows {
  records: WorkbookRecord[];
  diagnostics: Diagnostic[];
  /** Columns whose key names no field of this version (template-column was reported). */
  unmapped: number;
}

/** A sheet of the workbook matched to the layout: which column (0-based) holds which field. */
interface Matched {
  raw: RawSheet;
  layout: LayoutSheet;
  columns: Map<number, LayoutColumn>;
  byKey: Map<string, number>;
}

type Path = readonly (string | number)[];

class Collector {
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly file: string) {}

  at(sheet: string, row: number, col: number): Where & { file: string } {
    return { file: this.file, line: row, column: col + 1, sheet, cell: `${columnLetter(col + 1)}${row}` };
  }

  add<K extends DiagnosticCode>(code: K, data: DiagnosticData[K], where: Where & { file: string }, pointer: Path = []): void {
    this.diagnostics.push(diagnostic(code, data, { ...where, pointer: pointerOf(pointer) }));
  }
}

export function workbookRecords(book: RawWorkbook, file: string): WorkbookRows {
  const out = new Collector(file);
  let unmapped = 0;
  const matched: Matched[] = [];
  for (const raw of book.sheets) {
    const m = matchSheet(raw, out);
    unmapped += m.unmapped;
    if (m.sheet) matched.push(m.sheet);
  }
  const records: WorkbookRecord[] = [];
  const byKind = new Map<RecordKind, Map<string, Built>>();
  const built: Built[] = [];
  for (const m of matched) {
    if (m.layout.part) continue;
    for (const row of m.raw.rows) {
      const b = buildRow(m, row, out);
      if (!b) continue;
      built.push(b);
      const id = b.data.id;
      if (typeof id === 'string') {
        let ids = byKind.get(m.layout.kind);
        if (!ids) byKind.set(m.layout.kind, (ids = new Map()));
        if (!ids.has(id)) ids.set(id, b);
      }
    }
  }
  for (const m of matched) {
    if (!m.layout.part) continue;
    // The parent sheet as the workbook names it (as the template named it, unless renamed).
    const main = matched.find((x) => x.layout.key === m.layout.kind)?.raw.name;
    const name = main === undefined ? KIND_LABELS[m.layout.kind] : { en: main, zh: main };
    addParts(m, byKind.get(m.layout.kind) ?? new Map(), name, out);
  }
  for (const b of built) records.push(finish(b));
  return { records, diagnostics: out.diagnostics, unmapped };
}

/** Matches a sheet's hidden keys to the layout; keys this version does not know, and filled columns without one, are reported. */
function matchSheet(raw: RawSheet, out: Collector): { sheet?: Matched; unmapped: number } {
  const counts = new Map<string, number>();
  for (const k of raw.keys) {
    const key = splitKey(k);
    if (key) counts.set(key.sheet, (counts.get(key.sheet) ?? 0) + 1);
  }
  const sheetKey = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const layout = templateLayout().find((s) => s.key === sheetKey);
  if (!layout) {
    out.add('template-column', { key: sheetKey ?? '', header: raw.name, sheet: true }, out.at(raw.name, raw.headerRow, 0));
    return { unmapped: 1 };
  }
  const columns = new Map<number, LayoutColumn>();
  const byKey = new Map<string, number>();
  let unmapped = 0;
  const filled = filledColumns(raw);
  raw.keys.forEach((k, i) => {
    const key = splitKey(k);
    const header = raw.headers[i] ?? columnLetter(i + 1);
    if (!key) return;
    const col = key.sheet === layout.key ? layout.columns.find((c) => c.key === key.column) : undefined;
    if (!col) {
      unmapped++;
      out.add('template-column', { key: k ?? '', header }, out.at(raw.name, raw.headerRow, i));
    } else if (byKey.has(col.key)) {
      if (filled.has(i)) out.add('extra-column', { header }, out.at(raw.name, raw.headerRow, i));
    } else {
      columns.set(i, col);
      byKey.set(col.key, i);
    }
  });
  for (const i of filled) {
    if (raw.keys[i] === null || raw.keys[i] === undefined) {
      out.add('extra-column', { header: raw.headers[i] ?? columnLetter(i + 1) }, out.at(raw.name, raw.headerRow, i));
    }
  }
  return { sheet: { raw, layout, columns, byKey }, unmapped };
}

function filledColumns(raw: RawSheet): Set<number> {
  const filled = new Set<number>();
  for (const r of raw.rows) r.cells.forEach((c, i) => !isBlank(c) && filled.add(i));
  return filled;
}

function isBlank(c: RawCell | undefined): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

/** A record being built: its data, and where its values and its parts' items are. */
interface Built {
  kind: RecordKind;
  m: Matched;
  row: number;
  data: Record<string, unknown>;
  blankId: boolean;
  /** Part items: for data[part][i], the sheet and row it came from. */
  items: Map<string, { m: Matched; row: number }[]>;
}

function buildRow(m: Matched, raw: RawRow, out: Collector): Built | null {
  const { row, cells } = raw;
  if (!filledRow(m, raw)) return null;
  const data: Record<string, unknown> = { kind: m.layout.kind };
  for (const [i, col] of m.columns) {
    if (unsolvedAt(m, raw, i, col, out)) continue;
    const v = convert(cells[i] ?? null, col, () => out.at(m.raw.name, row, i), out, m.layout);
    if (v !== undefined) setPath(data, col.path, v);
  }
  return { kind: m.layout.kind, m, row, data, blankId: data.id === undefined, items: new Map() };
}

/** A row with something in a template column: a value, or a formula whose value was not stored. */
function filledRow(m: Matched, raw: RawRow): boolean {
  return [...m.columns.keys()].some((i) => !isBlank(raw.cells[i]) || raw.formulas?.has(i));
}

/** A formula cell with no stored result is reported as such (not as a cell left empty). */
function unsolvedAt(m: Matched, raw: RawRow, i: number, col: LayoutColumn, out: Collector): boolean {
  const formula = raw.formulas?.get(i);
  if (formula === undefined) return false;
  out.add('formula-no-value', { formula }, out.at(m.raw.name, raw.row, i), col.path);
  return true;
}

/** Rows of a part sheet join their parent by its id (the first column); an unknown parent is reported at that cell. */
function addParts(m: Matched, parents: Map<string, Built>, parentName: { en: string; zh: string }, out: Collector): void {
  const part = m.layout.part as string;
  const parentCol = m.byKey.get('@parent');
  for (const raw of m.raw.rows) {
    const { row, cells } = raw;
    if (!filledRow(m, raw)) continue;
    const at = out.at(m.raw.name, row, parentCol ?? 0);
    if (parentCol !== undefined && unsolvedAt(m, raw, parentCol, m.columns.get(parentCol) as LayoutColumn, out)) continue;
    const id = parentCol === undefined ? undefined : text(cells[parentCol] ?? null);
    if (id === undefined) {
      out.add('unknown-parent', { variant: 'missing', parent: parentName }, at);
      continue;
    }
    const parent = parents.get(id);
    if (!parent) {
      out.add('unknown-parent', { id, parent: parentName }, at);
      continue;
    }
    const item: Record<string, unknown> = {};
    for (const [i, col] of m.columns) {
      if (col.role === 'parent' || unsolvedAt(m, raw, i, col, out)) continue;
      const v = convert(cells[i] ?? null, col, () => out.at(m.raw.name, row, i), out, m.layout);
      if (v !== undefined) setPath(item, col.path, v);
    }
    const list = (parent.data[part] as unknown[] | undefined) ?? [];
    parent.data[part] = list;
    list.push(item);
    let where = parent.items.get(part);
    if (!where) parent.items.set(part, (where = []));
    where.push({ m, row });
  }
}

function finish(b: Built): WorkbookRecord {
  const sheet = b.m.raw.name;
  const cellOf = (m: Matched, row: number, col: number): Where => ({
    line: row,
    column: col + 1,
    sheet: m.raw.name,
    cell: `${columnLetter(col + 1)}${row}`,
  });
  const first = (m: Matched) => m.byKey.get('id') ?? m.byKey.get('@parent') ?? 0;
  const place: Placer = (path, _want, about) => {
    const p = about && about.length >= path.length ? about : path;
    const part = typeof p[0] === 'string' ? b.items.get(p[0]) : undefined;
    if (part && typeof p[1] === 'number') {
      const item = part[p[1]];
      if (item) return cellOf(item.m, item.row, columnIn(item.m, p.slice(2)) ?? first(item.m));
    }
    return cellOf(b.m, b.row, columnIn(b.m, p) ?? first(b.m));
  };
  return { kind: b.kind, data: b.data, sheet, row: b.row, blankId: b.blankId, place };
}

/** The column holding the value at `path` (its nearest ancestor with a column, or its first sub-field's). */
function columnIn(m: Matched, path: Path): number | undefined {
  const names = path.filter((x): x is string => typeof x === 'string');
  for (let k = names.length; k > 0; k--) {
    const hit = m.byKey.get(names.slice(0, k).join('.'));
    if (hit !== undefined) return hit;
  }
  if (names.length === 0) return undefined;
  const prefix = names.join('.') + '.';
  for (const [key, i] of m.byKey) if (key.startsWith(prefix)) return i;
  return undefined;
}

function setPath(into: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let o = into;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i] as string;
    let next = o[k] as Record<string, unknown> | undefined;
    if (!next) o[k] = next = {};
    o = next;
  }
  o[path[path.length - 1] as string] = value;
}

// ---------------------------------------------------------------------------------------------
// Cells to values.

/** A cell as text: trimmed, line ends as \n, numbers without exponent, dates as YYYY-MM-DD; undefined when blank. */
export function text(v: RawCell): string | undefined {
  if (v === null) return undefined;
  if (typeof v === 'string') {
    const s = v.replace(/\r\n?/g, '\n').trim();
    return s === '' ? undefined : s;
  }
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return isoDate(v);
}

/** A number as the spreadsheet shows it: integers in full up to its 15 significant digits, then zeros. */
function numberText(n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) >= 1e21) return String(n);
  if (Math.abs(n) < 1e15) return String(n);
  const [mantissa, exp] = n.toPrecision(15).split('e+') as [string, string];
  const digits = mantissa.replace('.', '').replace('-', '');
  return (n < 0 ? '-' : '') + digits.padEnd(Number(exp) + 1, '0');
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Excel's serial day numbers (1900 system) from 1900-03-01 to 9999-12-31. */
function serialDate(n: number): string | undefined {
  if (!(n >= 61 && n < 2958466)) return undefined;
  return isoDate(new Date(Math.round((n - 25569) * 86_400_000)));
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

function dateValue(v: RawCell): unknown {
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'number') return serialDate(v) ?? numberText(v);
  const s = text(v);
  if (s === undefined) return undefined;
  const m = DATE_TEXT.exec(s.normalize('NFKC'));
  return m ? `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}` : s;
}

function numberValue(v: RawCell): unknown {
  if (typeof v === 'number') return v;
  const s = text(v);
  if (s === undefined) return undefined;
  const t = s.normalize('NFKC');
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : s;
}

const YES = new Set(['是', '√', '✓', 'y', 'yes', 'true', '1', '已反馈']);
const NO = new Set(['否', '×', '✗', 'n', 'no', 'false', '0', '未反馈']);

function boolValue(v: RawCell): unknown {
  if (typeof v === 'boolean') return v;
  const s = text(v);
  if (s === undefined) return undefined;
  const t = s.toLowerCase();
  return YES.has(t) ? true : NO.has(t) ? false : s;
}

const labelIndex = new Map<Vocabulary, Map<string, string>>();

/** A code from a code, its zh-CN label or its English label (any case); the text as typed when it is none. */
export function codeValue(vocab: Vocabulary, s: string): string {
  let index = labelIndex.get(vocab);
  if (!index) {
    index = new Map();
    for (const t of vocab) {
      index.set(t.en.toLowerCase(), t.code);
      index.set(t.code, t.code);
      index.set(t.zh, t.code);
    }
    labelIndex.set(vocab, index);
  }
  return index.get(s) ?? index.get(s.toLowerCase()) ?? index.get(s.replace(/[“”]/g, '"')) ?? s;
}

/** Items of a list cell: separated by 、 ， , ； ; or line breaks. */
export function splitList(s: string): string[] {
  return s
    .split(/\s*[、，,；;\n]\s*/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

function scalar(v: RawCell, spec: Spec): unknown {
  switch (spec.t) {
    case 'date':
      return dateValue(v);
    case 'int':
    case 'number':
      return numberValue(v);
    case 'bool':
      return boolValue(v);
    case 'code': {
      const s = text(v);
      return s === undefined ? undefined : codeValue(VOCABULARIES[spec.vocab], s);
    }
    default:
      return text(v);
  }
}

type AtCell = () => Where & { file: string };

function convert(v: RawCell, col: LayoutColumn, at: AtCell, out: Collector, sheet: LayoutSheet): unknown {
  const spec = col.spec;
  if (isBlank(v)) return undefined;
  if (spec.t === 'list') {
    const s = text(v);
    if (s === undefined) return undefined;
    return splitList(s).map((item) => scalar(item, spec.item));
  }
  if (spec.t === 'string' && spec.personal && typeof v === 'number') return personalNumber(v, col, at, out, sheet);
  return scalar(v, spec);
}

/**
 * An ID number or phone the spreadsheet stored as a number. A spreadsheet keeps 15 significant
 * digits, so an 18-digit ID number has lost its last ones; a landline has lost its leading 0.
 * Both are reported at the cell (the number itself never), and the value is left out rather than guessed.
 */
function personalNumber(n: number, col: LayoutColumn, at: AtCell, out: Collector, sheet: LayoutSheet): string | undefined {
  const digits = numberText(n);
  // Whose number it is (诉求人的身份证号码): the message never shows the number. On a part sheet, the item's field.
  const root = sheet.partSpec?.t === 'list' ? sheet.partSpec.item : RECORD_SPECS[sheet.kind];
  const field = personalFieldName(root, col.path);
  const pointer = col.path;
  if (col.spec.t === 'string' && col.spec.personal === 'id_number') {
    if (digits.length <= 15) return digits;
    out.add('lost-digits', { variant: 'id-number', field }, at(), pointer);
    return undefined;
  }
  if (checkPhone(digits) || !checkPhone('0' + digits)) return digits;
  out.add('lost-digits', { variant: 'phone', field }, at(), pointer);
  return undefined;
}
