// Checks one record file given its group's context. Pure: bytes and context in, records and
// diagnostics out, so it runs the same in the CLI, in worker threads and in tests.
import {
  diagnostic,
  pointerOf,
  pushAll,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticData,
  type Placer,
} from '../messages/diagnostic.js';
import type { FileResult, GroupContext, RecordResult } from '../model/campaign.js';
import { checkIdNumber } from '../personal/idNumber.js';
import { checkPhone } from '../personal/phone.js';
import { forEachValue, isPlainObject, normalize } from '../schema/normalize.js';
import { schemaCheck, unknownKind } from '../schema/schemaCheck.js';
import { kindCode, RECORD_SPECS, type RecordKind } from '../schema/spec.js';
import { personalFieldName, specAt } from '../schema/fields.js';
import { RECTIFICATION_STATUS, zhLabel } from '../schema/vocab.js';
import { isRealDate } from '../util/dates.js';
import { decodeText } from '../yaml/parseYaml.js';
import { readDocs } from '../yaml/readDocs.js';
import { memberProblem } from './members.js';
import { RECORD_KEY_ROLES } from './recordKeyRoles.js';

export function checkFile(bytes: Uint8Array, file: string, ctx: GroupContext): FileResult {
  const decoded = decodeText(bytes, file);
  if ('diagnostic' in decoded) {
    return { file, group: ctx.group, diagnostics: [decoded.diagnostic], records: [refused(file, 1, 1, [decoded.diagnostic])] };
  }
  return checkText(decoded.text, file, ctx);
}

export function checkText(text: string, file: string, ctx: GroupContext): FileResult {
  const parsed = readDocs(text, file, { roles: RECORD_KEY_ROLES });
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const records: RecordResult[] = [];
  if (parsed.docs.length === 0) diagnostics.push(diagnostic('empty-file', {}, { file, line: 1, column: 1 }));
  for (const pdoc of parsed.docs) {
    if (pdoc.data === undefined) {
      records.push(refused(file, pdoc.line, pdoc.column, pdoc.errors, pdoc.salvaged));
      continue;
    }
    const place: Placer = (path, want) => parsed.lines.position(pdoc.locate(path, want));
    const result = checkRecord(new RecordCheck(place, file, ctx), pdoc.data, pdoc.line, pdoc.column);
    // Input-method slips were repaired to read the document; they stay errors of the record
    // (a slip's warning, like Chinese quotes kept in free text, does not refuse it).
    for (const e of pdoc.errors) if (e.severity === 'error') result.record.reasons.push(e);
    pushAll(diagnostics, result.diagnostics);
    records.push(result.record);
  }
  return { file, group: ctx.group, records, diagnostics };
}

/** A record another reader has already parsed (a workbook row): its data and where each of its values is. */
export interface ParsedRecord {
  data: Record<string, unknown>;
  /** Where the record starts (a workbook: its row, and column 1). */
  line: number;
  column: number;
  sheet?: string;
  place: Placer;
}

/**
 * Checks records read by another reader than YAML, with the same checks as a YAML file's
 * records: one checker, whatever the records were written in. Diagnostics are placed by each
 * record's placer (a workbook's sheet and cell).
 */
export function checkRecords(parsed: readonly ParsedRecord[], file: string, ctx: GroupContext): FileResult {
  const diagnostics: Diagnostic[] = [];
  const records: RecordResult[] = [];
  for (const p of parsed) {
    const result = checkRecord(new RecordCheck(p.place, file, ctx, p.sheet !== undefined), p.data, p.line, p.column);
    if (p.sheet !== undefined) result.record.sheet = p.sheet;
    pushAll(diagnostics, result.diagnostics);
    records.push(result.record);
  }
  return { file, group: ctx.group, records, diagnostics };
}

/** A document that could not be read: refused with its errors, its kind and id kept when they were legible. */
function refused(
  file: string,
  line: number,
  column: number,
  errors: Diagnostic[],
  salvaged?: { kind?: unknown; id?: unknown },
): RecordResult {
  const kind = kindCode(salvaged?.kind) ?? null;
  const id = typeof salvaged?.id === 'string' || typeof salvaged?.id === 'number' ? String(salvaged.id) : null;
  return { kind, id, file, line, column, data: null, reasons: errors.filter((d) => d.severity === 'error') };
}

/** Where a record's diagnostics go: positions computed in one place, from the document's locator. */
class RecordCheck {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    readonly place: Placer,
    readonly file: string,
    readonly ctx: GroupContext,
    /** The record was read from workbook cells (some messages name what a cell takes). */
    readonly cell = false,
  ) {}

  add<K extends DiagnosticCode>(
    code: K,
    data: DiagnosticData[K],
    path: readonly (string | number)[],
    want: 'key' | 'value' = 'value',
  ): void {
    const pos = this.place(path, want);
    this.diagnostics.push(diagnostic(code, data, { file: this.file, ...pos, pointer: pointerOf(path) }));
  }
}

function checkRecord(c: RecordCheck, data: unknown, line: number, column: number): { record: RecordResult; diagnostics: Diagnostic[] } {
  const record: RecordResult = { kind: null, id: null, file: c.file, line, column, data: null, reasons: [] };
  const finish = () => {
    record.reasons = c.diagnostics.filter((d) => d.severity === 'error');
    return { record, diagnostics: c.diagnostics };
  };
  if (!isPlainObject(data)) {
    c.add('not-a-record', { found: Array.isArray(data) ? 'list' : 'value' }, []);
    return finish();
  }
  if (typeof data.id === 'string' || typeof data.id === 'number') {
    record.id = String(data.id);
    record.idAt = c.place(['id']);
  }
  const kind = kindCode(data.kind);
  if (!kind) {
    if (data.kind === undefined) c.add('missing-field', { variant: 'kind' }, []);
    else c.add('unknown-kind', unknownKind(data.kind), ['kind']);
    return finish();
  }
  record.kind = kind;
  const schema = schemaCheck(kind, data, c.place, c.file, c.cell);
  pushAll(c.diagnostics, schema.diagnostics);
  checkValues(c, kind, data, schema.bad);
  checkMembers(c, kind, data);
  if (kind === 'visit' && Array.isArray(data.photos))
    data.photos.forEach((p, i) => typeof p === 'string' && checkPhoto(c, p, ['photos', i]));
  if (kind === 'opinion') checkRectification(c, data, schema.bad);
  if (typeof data.visit === 'string' && !schema.bad.has('/visit')) {
    record.visitRef = { value: data.visit, ...c.place(['visit']) };
  }
  // The register number is unique within the campaign: checked across all groups (refNumbers.ts).
  if (typeof data.ref_no === 'string' && !schema.bad.has('/ref_no')) {
    record.refNo = { value: data.ref_no, ...c.place(['ref_no']) };
  }
  record.data = normalize(RECORD_SPECS[kind], data) as Record<string, unknown>;
  return finish();
}

/** Real calendar dates, valid ID numbers and phones, and the date within the campaign period. */
function checkValues(c: RecordCheck, kind: RecordKind, data: Record<string, unknown>, bad: ReadonlySet<string>): void {
  forEachValue(RECORD_SPECS[kind], data, (s, value, at) => {
    if (typeof value !== 'string' || (s.t !== 'date' && !(s.t === 'string' && s.personal))) return;
    if (bad.size && bad.has(pointerOf(at))) return;
    if (s.t === 'date' && !isRealDate(value)) {
      c.add('invalid-date', { value, variant: 'calendar' }, at);
    } else if (s.t === 'string' && s.personal === 'id_number') {
      const problem = checkIdNumber(value, c.ctx.today);
      if (problem) c.add('invalid-id-number', { field: personalFieldName(RECORD_SPECS[kind], at), problem }, at);
    } else if (s.t === 'string' && s.personal === 'phone') {
      if (!checkPhone(value)) c.add('invalid-phone', { field: personalFieldName(RECORD_SPECS[kind], at) }, at);
    }
  });
  const period = c.ctx.period;
  if (typeof data.date === 'string' && !bad.has('/date') && isRealDate(data.date) && period) {
    if (data.date < period.start || data.date > period.end) {
      c.add('date-outside-period', { date: data.date, start: period.start, end: period.end }, ['date']);
    }
  }
}

/** Names that must be members of the group. */
function checkMembers(c: RecordCheck, kind: RecordKind, data: Record<string, unknown>): void {
  const check = (value: unknown, path: (string | number)[]) => {
    if (typeof value !== 'string') return;
    const problem = memberProblem(value, c.ctx.members);
    if (problem) c.add('unknown-member', { name: value, group: c.ctx.group, ...problem }, path);
  };
  if (kind === 'visit') {
    check(data.led_by, ['led_by']);
    if (Array.isArray(data.participants)) data.participants.forEach((p, i) => check(p, ['participants', i]));
  }
  if (kind === 'opinion') check(data.collected_by, ['collected_by']);
  if (kind === 'hardship') check(data.paired_cadre, ['paired_cadre']);
}

/** The rectification's own rules: done_on when done; the follow-up of FORMAT 1.1 (satisfaction, reopening). */
function checkRectification(c: RecordCheck, data: Record<string, unknown>, bad: ReadonlySet<string>): void {
  const raw = data.rectification;
  if (!isPlainObject(raw) || bad.has('/rectification')) return;
  // Codes whether the group wrote codes or labels; a field with a schema error of its own is left out.
  const r = normalize(RECTIFICATION_SPEC, raw) as Record<string, unknown>;
  const ok = (key: string) => r[key] !== undefined && !bad.has(`/rectification/${key}`);
  const at = (key: string) => ['rectification', key];
  const date = (key: string) => (ok(key) && typeof r[key] === 'string' && isRealDate(r[key]) ? r[key] : undefined);
  if (r.status === 'done' && raw.done_on === undefined) c.add('missing-done-on', {}, at('status'));
  if (ok('satisfaction') && r.feedback !== true) c.add('satisfaction-without-feedback', {}, at('satisfaction'));
  const reopenedOn = date('reopened_on');
  if (reopenedOn === undefined) return;
  const doneOn = date('done_on');
  const status = r.status === undefined ? undefined : STATUS_WORDS.get(String(r.status));
  if (r.status !== undefined && (!ok('status') || !status)) return; // an invalid status is reported as such
  if (r.status === 'planned' || r.status === 'in-progress') {
    if (doneOn !== undefined) c.add('reopened-status', { variant: 'done-on', reopenedOn, doneOn, status: status! }, at('done_on'));
  } else if (r.status === 'done') {
    if (doneOn !== undefined && doneOn < reopenedOn) c.add('done-before-reopened', { doneOn, reopenedOn }, at('done_on'));
  } else {
    c.add('reopened-status', { variant: 'status', reopenedOn, ...(status ? { status } : {}) }, status ? at('status') : at('reopened_on'));
  }
}

const RECTIFICATION_SPEC = specAt(RECORD_SPECS.opinion, ['rectification'])!;
/** Each rectification status code with its words: the code in English messages, the label in Chinese ones. */
const STATUS_WORDS = new Map(RECTIFICATION_STATUS.map((t) => [t.code, { en: t.code, zh: zhLabel(t) }]));

/** A photo path must stay inside the group folder and name a JPEG or PNG there. */
function checkPhoto(c: RecordCheck, p: string, path: (string | number)[]): void {
  const rel = p.replace(/\\/g, '/');
  const parts: string[] = [];
  let escapes = rel.startsWith('/') || /^[A-Za-z]:/.test(rel);
  for (const part of rel.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) escapes = true;
      parts.pop();
    } else parts.push(part);
  }
  const norm = parts.join('/');
  const sniff = c.ctx.files[norm];
  const group = c.ctx.group;
  if (escapes || sniff === 'outside') c.add('photo-outside-group', { path: p, group }, path);
  else if (sniff === undefined || sniff === 'dir') c.add('photo-missing', { path: p, group }, path);
  else if (sniff === 'special' || sniff === 'unreadable')
    return; // reported where the file is
  else if (sniff !== 'jpeg' && sniff !== 'png') c.add('photo-not-image', { path: p }, path);
  else if (!/\.(jpe?g|png)$/i.test(norm)) c.add('photo-not-image', { path: p }, path);
}
