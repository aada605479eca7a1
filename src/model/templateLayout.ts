// The shape of a group's workbook (`ledger template`, `ledger import`): which sheet holds each
// record kind, which column each field, where the hidden keys and the metadata are. Derived
// from the record specs alone, so a field added to spec.ts becomes a column of the next
// template, and the writer and the reader cannot disagree about where anything is.
//
// Objects are flattened into columns (source.kind, rectification.due); a list of values is one
// cell (items separated by 、); a list of objects (a visit's audiences, a card's parties, help
// given) is a sheet of its own, `<parent>-<part>`, one row per item, keyed by the parent's id.
import { RECORD_KINDS, RECORD_SPECS, type RecordKind, type Spec } from '../schema/spec.js';

/** The template format: a workbook of another format is answered, not guessed at. */
export const TEMPLATE_FORMAT = 1;
/** A1 of the hidden metadata sheet. */
export const META_MARK = 'ledger-template';
/** Row 1 (hidden) holds each column's key, row 2 the sheet's title, row 3 the headers; records start on row 4. */
export const KEY_ROW = 1;
export const TITLE_ROW = 2;
export const HEADER_ROW = 3;
export const FIRST_ROW = 4;
/** Input rows formatted, validated and unlocked below the header, at least. */
export const MIN_INPUT_ROWS = 1000;

/** The letter of new ids per kind (`ledger new` and `ledger import` number records alike: v6, o23). */
export const ID_PREFIX: Readonly<Record<RecordKind, string>> = {
  visit: 'v',
  opinion: 'o',
  info: 'i',
  appeal: 'a',
  stability: 's',
  hardship: 'h',
};

/**
 * What a column holds beyond its spec: the record's id, the parent's id on a part sheet, a
 * visit of the group, a member of the group (checked: led_by, collected_by, paired_cadre),
 * members (participants), or a name usually a member's (handling.by, assistance.by).
 */
export type ColumnRole = 'id' | 'parent' | 'visit' | 'member' | 'members' | 'name';

export interface LayoutColumn {
  /** The hidden key: the field's path joined with '.', or '@parent'. */
  key: string;
  /** The path of the value inside the record (inside the item, on a part sheet). */
  path: readonly string[];
  /** The field's spec (the list's, for a list of values in one cell). */
  spec: Spec;
  /** Required whenever the record is there (parents required too). */
  required: boolean;
  role?: ColumnRole;
}

export interface LayoutSheet {
  /** The hidden sheet key: the kind, or `<kind>.<part>`. */
  key: string;
  kind: RecordKind;
  /** The list field whose items this sheet holds (audiences, parties, assistance). */
  part?: string;
  /** The part's spec (a list of objects). */
  partSpec?: Spec;
  columns: LayoutColumn[];
}

const ROLES: Readonly<Record<string, ColumnRole>> = {
  id: 'id',
  visit: 'visit',
  led_by: 'member',
  collected_by: 'member',
  paired_cadre: 'member',
  participants: 'members',
  'handling.by': 'name',
  by: 'name', // assistance: who helped
};

interface Walk {
  out: LayoutColumn[];
  parts: string[];
  /** The record's own `kind` is its sheet; an item's `kind` (an audience's) is a column. */
  record: boolean;
}

function columnsOf(spec: Extract<Spec, { t: 'object' }>, prefix: string[], required: boolean, walk: Walk): void {
  for (const [key, sub] of Object.entries(spec.props)) {
    if (walk.record && prefix.length === 0 && key === 'kind') continue;
    const path = [...prefix, key];
    const req = required && spec.required.includes(key);
    if (sub.t === 'object') columnsOf(sub, path, req, walk);
    else if (sub.t === 'list' && sub.item.t === 'object') walk.parts.push(key);
    else {
      const role = ROLES[path.join('.')];
      walk.out.push({ key: path.join('.'), path, spec: sub, required: req, ...(role ? { role } : {}) });
    }
  }
}

function sheetsOf(kind: RecordKind): LayoutSheet[] {
  const spec = RECORD_SPECS[kind];
  if (spec.t !== 'object') return [];
  const main: Walk = { out: [], parts: [], record: true };
  columnsOf(spec, [], true, main);
  const sheets: LayoutSheet[] = [{ key: kind, kind, columns: main.out }];
  for (const part of main.parts) {
    const partSpec = spec.props[part] as Extract<Spec, { t: 'list' }>;
    const item = partSpec.item as Extract<Spec, { t: 'object' }>;
    const walk: Walk = {
      out: [{ key: '@parent', path: [], spec: spec.props.id as Spec, required: true, role: 'parent' }],
      parts: [],
      record: false,
    };
    columnsOf(item, [], true, walk);
    sheets.push({ key: `${kind}.${part}`, kind, part, partSpec, columns: walk.out });
  }
  return sheets;
}

let layout: LayoutSheet[] | undefined;

/** Every sheet of a group's workbook, in order: each kind's main sheet followed by its part sheets. */
export function templateLayout(): readonly LayoutSheet[] {
  layout ??= RECORD_KINDS.flatMap(sheetsOf);
  return layout;
}

/** The hidden key of a column: `<sheet key>/<column key>`. */
export function columnKey(sheet: LayoutSheet, column: LayoutColumn): string {
  return `${sheet.key}/${column.key}`;
}

/** A hidden key split into the sheet's and the column's, or null when it is not one. */
export function splitKey(value: unknown): { sheet: string; column: string } | null {
  if (typeof value !== 'string') return null;
  const m = /^([a-z]+(?:\.[a-z_]+)?)\/(@parent|[a-z_]+(?:\.[a-z_]+)*)$/.exec(value.trim());
  return m ? { sheet: m[1] as string, column: m[2] as string } : null;
}

/** What the hidden metadata sheet holds (key → value, one per row after the mark). */
export interface TemplateMeta {
  format: string;
  campaign: string;
  unit: string;
  group: string;
  schema: string;
  instance: string;
  lang: string;
  made: string;
}

export const META_KEYS: readonly (keyof TemplateMeta)[] = ['format', 'campaign', 'unit', 'group', 'schema', 'instance', 'lang', 'made'];

/** A column's letters from its 1-based number: 1 → A, 28 → AB. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
