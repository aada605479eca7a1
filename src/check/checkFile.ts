// Checks one record file given its group's context. Pure: bytes and context in, records and
// diagnostics out, so it runs the same in the CLI, in worker threads and in tests.
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { pointerOf } from '../diagnostics/diagnostic.js';
import type { FileResult, GroupContext, RecordResult } from '../model/campaign.js';
import { checkIdNumber } from '../personal/idNumber.js';
import { maskIdNumber, maskPhone } from '../personal/mask.js';
import { checkPhone } from '../personal/phone.js';
import type { Locator } from '../yaml/locate.js';
import { decodeText } from '../yaml/parseYaml.js';
import { readDocs } from '../yaml/readDocs.js';
import type { LineIndex } from '../util/position.js';
import { forEachValue, isPlainObject, normalize } from '../schema/normalize.js';
import { kindCode, KIND_LABELS, RECORD_KINDS, RECORD_SPECS } from '../schema/spec.js';
import { didYouMean } from '../text/suggest.js';
import { isRealDate } from '../util/dates.js';
import { schemaCheck, show } from '../schema/schemaCheck.js';

const ID_PROBLEMS: Record<string, string> = {
  length: 'must be 18 characters',
  characters: 'must be 17 digits followed by a digit or X',
  area: 'has an impossible area code',
  'birth-date': 'holds no real birth date',
  'check-digit': 'fails the check digit (a digit was mistyped)',
};

export function checkFile(bytes: Uint8Array, file: string, ctx: GroupContext): FileResult {
  const decoded = decodeText(bytes, file);
  if ('diagnostic' in decoded) {
    return {
      file,
      group: ctx.group,
      diagnostics: [decoded.diagnostic],
      records: [refused(file, 1, 1, [decoded.diagnostic])],
    };
  }
  return checkText(decoded.text, file, ctx);
}

export function checkText(text: string, file: string, ctx: GroupContext): FileResult {
  const parsed = readDocs(text, file);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const records: RecordResult[] = [];
  if (parsed.docs.length === 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'empty-file',
      message: 'the file holds no record',
      file,
      line: 1,
      column: 1,
      pointer: '',
    });
  }
  for (const pdoc of parsed.docs) {
    if (pdoc.data === undefined) {
      records.push(refused(file, pdoc.line, pdoc.column, pdoc.errors));
      continue;
    }
    const result = checkRecord(pdoc.data, pdoc.locate, parsed.lines, file, ctx, pdoc.line, pdoc.column);
    diagnostics.push(...result.diagnostics);
    records.push(result.record);
  }
  return { file, group: ctx.group, records, diagnostics };
}

function refused(file: string, line: number, column: number, errors: Diagnostic[]): RecordResult {
  return { kind: null, id: null, file, line, column, data: null, reasons: errors.map((d) => `${d.code}: ${d.message}`) };
}

function checkRecord(
  data: unknown,
  locate: Locator,
  lines: LineIndex,
  file: string,
  ctx: GroupContext,
  line: number,
  column: number,
): { record: RecordResult; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const add = (severity: Severity, code: string, message: string, path: readonly (string | number)[], want: 'key' | 'value' = 'value') => {
    const pos = lines.position(locate(path, want));
    diagnostics.push({ severity, code, message, file, line: pos.line, column: pos.column, pointer: pointerOf(path) });
  };
  const record: RecordResult = { kind: null, id: null, file, line, column, data: null, reasons: [] };
  const finish = () => {
    record.reasons = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
    return { record, diagnostics };
  };

  if (!isPlainObject(data)) {
    add(
      'error',
      'not-a-record',
      `a record must be a mapping of fields (kind: …, id: …), found ${Array.isArray(data) ? 'a list' : 'a single value'}`,
      [],
    );
    return finish();
  }
  if (typeof data.id === 'string' || typeof data.id === 'number') {
    record.id = String(data.id);
    const pos = lines.position(locate(['id']));
    record.idAt = { line: pos.line, column: pos.column };
  }
  const kind = kindCode(data.kind);
  if (!kind) {
    if (data.kind === undefined)
      add(
        'error',
        'missing-field',
        'missing field "kind": every record starts with kind: visit | opinion | info | appeal | stability | hardship',
        [],
      );
    else {
      const names = [...RECORD_KINDS, ...RECORD_KINDS.map((k) => KIND_LABELS[k].zh)];
      add(
        'error',
        'unknown-kind',
        `unknown record kind "${show(data.kind)}"${didYouMean(String(data.kind), names) || `; use one of: ${RECORD_KINDS.join(', ')}`}`,
        ['kind'],
      );
    }
    return finish();
  }
  record.kind = kind;
  const schema = schemaCheck(kind, data, locate, lines, file);
  diagnostics.push(...schema.diagnostics);
  const bad = schema.bad;
  const spec = RECORD_SPECS[kind];

  forEachValue(spec, data, (s, value, at) => {
    if (typeof value !== 'string' || (s.t !== 'date' && !(s.t === 'string' && s.personal))) return;
    if (bad.size && bad.has(pointerOf(at))) return;
    const path = at; // add() reads it at once, never keeps it
    if (s.t === 'date' && !isRealDate(value)) {
      add('error', 'invalid-date', `${show(value)} is not a real calendar date`, path);
    } else if (s.t === 'string' && s.personal === 'id_number') {
      const problem = checkIdNumber(value, ctx.today);
      if (problem) add('error', 'invalid-id-number', `ID number ${maskIdNumber(value)} ${ID_PROBLEMS[problem]}`, path);
    } else if (s.t === 'string' && s.personal === 'phone') {
      if (!checkPhone(value))
        add(
          'error',
          'invalid-phone',
          `phone ${maskPhone(value)} is neither a mobile number (11 digits, 1[3-9]…) nor a landline with area code (0371-12345678)`,
          path,
        );
    }
  });

  if (typeof data.date === 'string' && !bad.has('/date') && isRealDate(data.date) && ctx.period) {
    if (data.date < ctx.period.start || data.date > ctx.period.end) {
      add('warning', 'date-outside-period', `date ${data.date} is outside the campaign period ${ctx.period.start} to ${ctx.period.end}`, [
        'date',
      ]);
    }
  }

  const members = new Set(ctx.members);
  const checkMember = (value: unknown, path: (string | number)[]) => {
    if (typeof value !== 'string' || members.has(value)) return;
    add('error', 'unknown-member', `"${show(value)}" is not a member of group ${ctx.group}${didYouMean(value, ctx.members)}`, path);
  };
  if (kind === 'visit') {
    checkMember(data.led_by, ['led_by']);
    if (Array.isArray(data.participants)) data.participants.forEach((p, i) => checkMember(p, ['participants', i]));
    if (Array.isArray(data.photos)) data.photos.forEach((p, i) => typeof p === 'string' && checkPhoto(p, ['photos', i]));
  }
  if (kind === 'opinion') {
    checkMember(data.collected_by, ['collected_by']);
    const r = data.rectification;
    if (isPlainObject(r) && typeof r.status === 'string' && isDone(r.status) && r.done_on === undefined) {
      add('error', 'missing-done-on', 'rectification status is done but done_on (完成日期) is missing', ['rectification', 'status']);
    }
  }

  function checkPhoto(p: string, path: (string | number)[]) {
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
    const sniff = ctx.files[norm];
    if (escapes || sniff === 'outside') {
      add('error', 'photo-outside-group', `photo path "${show(p)}" leads outside the group folder groups/${ctx.group}/`, path);
    } else if (sniff === undefined || sniff === 'dir') {
      add('error', 'photo-missing', `photo "${show(p)}" does not exist in groups/${ctx.group}/`, path);
    } else if (sniff === 'other' || !/\.(jpe?g|png)$/i.test(norm)) {
      add('error', 'photo-not-image', `photo "${show(p)}" is not a JPEG or PNG picture`, path);
    }
  }

  if (typeof data.visit === 'string' && !bad.has('/visit')) {
    const pos = lines.position(locate(['visit']));
    record.visitRef = { value: data.visit, line: pos.line, column: pos.column };
  }
  record.data = normalize(spec, data) as Record<string, unknown>;
  return finish();
}

function isDone(status: string): boolean {
  return status === 'done' || status === '已完成';
}
