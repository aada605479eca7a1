// One group's feedback sheet (问题反馈单) as data, worded in its language: the problems in its
// records (validate's diagnostics: where, what, how to correct it), the supervision findings
// (when the ledgers are current), the records the last merge refused and the records returned
// in review. Pure: what was read goes in, rows of words come out. Personal data never comes
// out: no ID or phone number, not even in part, in any text, as in every message and the report.
import { findingMessage, type Finding } from '../audit/runAudit.js';
import { localize, type Diagnostic } from '../messages/diagnostic.js';
import { DIAGNOSTIC_CODES } from '../messages/diagnosticCodes.js';
import { feedbackWords, FINDING_FIXES, type LedgersNote } from '../messages/feedback.js';
import { withoutPersonal } from '../messages/removed.js';
import { hasCjk, pick, type Both, type Lang } from '../messages/words.js';
import { fieldColumn } from '../model/fieldColumn.js';
import type { Origin, RejectedRecord } from '../model/ledgers.js';
import type { FolderRecord } from '../pipeline/folderReviews.js';
import { rowAt, type ImportedRow } from '../read/importedFiles.js';
import { KIND_LABELS, type RecordKind } from '../schema/spec.js';
import { escapeControl } from '../text/escape.js';
import { daysBetween } from '../util/dates.js';

export interface FeedbackRow {
  /** The section's own word for the row (填写错误, 督导检查…), for the one-table workbook. */
  kind: string;
  /** 须改正 / 请核实, 须补课 / 提醒. */
  severity: string;
  error: boolean;
  /** Nothing to do (a returned record changed since): told, not asked. */
  info?: boolean;
  where: string;
  what: string;
  fix: string;
}

export interface FeedbackSheet {
  lang: Lang;
  group: { id: string; name: string; type: string };
  unit: string;
  title: string;
  asOf: string;
  deadline: string;
  /** Days from asOf to the group deadline: negative when past. */
  daysLeft: number;
  ledgers: LedgersNote;
  /** With `edited`: the ledger file changed by hand. */
  ledgersFile?: string;
  problems: FeedbackRow[];
  findings: FeedbackRow[];
  refused: FeedbackRow[];
  returned: FeedbackRow[];
  /** Diagnostics by severity. */
  errors: number;
  warnings: number;
}

export interface FeedbackInput {
  lang: Lang;
  campaign: { unit: string; title: string; deadlines: { groups: string } };
  group: { id: string; name: string; type: string };
  asOf: string;
  /** The group's diagnostics, in report order. */
  diagnostics: readonly Diagnostic[];
  ledgers: LedgersNote;
  ledgersFile?: string;
  /** The group's audit findings (empty unless the ledgers are current). */
  findings: readonly Finding[];
  /** Where each ledger record was written (current ledgers). */
  origins: ReadonlyMap<string, Origin>;
  /** The group's records refused by the last merge (current ledgers). */
  rejected: readonly RejectedRecord[];
  /** Why the group's records would be refused now (a record's own reasons, such as its visit having errors). */
  reasons?: readonly Diagnostic[];
  /** For files `ledger import` wrote: the workbook row behind each record, so the group is pointed to its own sheet. */
  rows?: ReadonlyMap<string, readonly ImportedRow[]>;
  /** The group's records returned in review, as they are now (returned, or changed since). */
  returned: readonly FolderRecord[];
}

const MAX_RECORDS = 5;

/** A path inside the group folder, as the group sees it. */
function inGroup(file: string, group: string): string {
  const prefix = `groups/${group}/`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : file;
}

/** What every row builder needs: the words, the group, and how text is put on one line. */
interface Ctx {
  lang: Lang;
  group: string;
  w: ReturnType<typeof feedbackWords>;
  /** Free text from people: on one line, ID and phone numbers removed. */
  safe(s: string): string;
  /**
   * A file of the group and a line, as the group sees it: for a file `ledger import` wrote, the
   * workbook's sheet and row, or the cell when the field at `pointer` has a template column.
   */
  where(file: string, line: number, pointer?: string): string;
  kindName(k: RecordKind | null): string;
}

/** On one line, control characters shown as escapes (\x1b) as on the terminal: a file's name may hold them. */
const oneLine = (s: string) => escapeControl(s.replace(/\s+/g, ' ').trim());

function context(lang: Lang, group: string, rows?: ReadonlyMap<string, readonly ImportedRow[]>): Ctx {
  const w = feedbackWords(lang);
  return {
    lang,
    group,
    w,
    // Diagnostic messages are worded without personal numbers already (and the table's own
    // examples, such as a landline format, must stay whole): free text from people is cleaned here.
    safe: (s) => withoutPersonal(oneLine(s), lang),
    where: (file, line, pointer) => {
      if (file === `groups/${group}` || file === `groups/${group}/`) return w.folder;
      const row = line > 0 ? rowAt(rows?.get(file), line) : undefined;
      if (!row) return w.line(inGroup(file, group), line);
      const column = pointer !== undefined && row.kind ? fieldColumn(row.kind, pointer) : undefined;
      return column ? w.sheet(row.workbook, row.sheet, `${column}${row.row}`) : w.row(row.workbook, row.sheet, row.row);
    },
    kindName: (k) => (k ? pick(KIND_LABELS[k], lang) : ''),
  };
}

function problemRow(c: Ctx, d: Diagnostic): FeedbackRow {
  const { w, lang } = c;
  const place = d.sheet !== undefined ? w.sheet(inGroup(d.file, c.group), d.sheet, d.cell) : c.where(d.file, d.line, d.pointer);
  const suggestion = suggested(d, lang);
  // The table's fix speaks to the office; a group with no folder is told what to hand in.
  const fix =
    (d.code === 'group-folder-missing' ? w.handIn : pick(DIAGNOSTIC_CODES[d.code].fix, lang)) +
    (suggestion === undefined ? '' : (lang === 'zh-CN' ? '' : ' ') + w.suggest(suggestion));
  return {
    kind: d.severity === 'error' ? w.kinds.error : w.kinds.warning,
    severity: w.severity[d.severity],
    error: d.severity === 'error',
    where: c.safe(place),
    what: oneLine(localize(d, lang)),
    fix,
  };
}

function findingRow(c: Ctx, f: Finding, origins: ReadonlyMap<string, Origin>): FeedbackRow {
  const { w, lang } = c;
  const records = f.records.slice(0, MAX_RECORDS).map((id) => {
    const local = id.startsWith(`${c.group}/`) ? id.slice(c.group.length + 1) : id;
    const at = origins.get(id);
    if (!at) return local;
    const place = c.where(at.file, at.line);
    return lang === 'zh-CN' ? `${local}（${place}）` : `${local} (${place})`;
  });
  const more = f.records.length > MAX_RECORDS ? w.more(f.records.length, f.records.length - MAX_RECORDS) : '';
  return {
    kind: w.kinds.finding,
    severity: w.findingSeverity[f.severity],
    error: f.severity === 'error',
    where: c.safe(records.join(lang === 'zh-CN' ? '；' : '; ') + more),
    what: c.safe(findingMessage(f, lang)),
    fix: pick(FINDING_FIXES[f.code], lang),
  };
}

/** Reasons one after another: a sentence that does not end with its own mark gets a semicolon. */
function sentences(xs: readonly string[], lang: Lang): string {
  return xs
    .map(oneLine)
    .map((x, i) => (i === xs.length - 1 || /[。？！.?!]$/.test(x) ? x : `${x}${lang === 'zh-CN' ? '；' : ';'}`))
    .join(lang === 'zh-CN' ? '' : ' ');
}

function refusedRow(c: Ctx, r: RejectedRecord, again: ReadonlyMap<string, string>): FeedbackRow {
  const { w, lang } = c;
  const record = r.kind || r.id ? `${w.record(c.kindName(r.kind), r.id ?? '').trim()}${lang === 'zh-CN' ? '：' : ': '}` : '';
  return {
    kind: w.kinds.refused,
    severity: w.severity.error,
    error: true,
    where: c.safe(c.where(r.file, r.line)),
    what:
      record +
      sentences(
        r.reasons.map((x) => again.get(`${r.file}:${x.line}:${x.column}:${x.code}`) ?? x.message),
        lang,
      ),
    fix: w.refusedFix,
  };
}

function returnedRow(c: Ctx, r: FolderRecord): FeedbackRow {
  const { w } = c;
  const still = r.state === 'returned';
  return {
    kind: w.kinds.returned,
    severity: still ? w.severity.error : w.severity.warning,
    error: still,
    where: c.safe(c.where(r.file, r.line)),
    what: w.returnedWhat(w.record(c.kindName(r.kind), r.id.slice(c.group.length + 1)).trim(), c.safe(r.entry?.reason ?? w.noReason)),
    fix: still ? w.returnedFix : w.changedFix,
    ...(still ? {} : { info: true }),
  };
}

export function buildFeedback(input: FeedbackInput): FeedbackSheet {
  const { lang, group } = input;
  const c = context(lang, group.id, input.rows);
  // A refused record's reasons were worded by the merge in the campaign's language: the same
  // problems found again now are worded in the sheet's.
  const again = new Map(
    [...input.diagnostics, ...(input.reasons ?? [])].map((d) => [`${d.file}:${d.line}:${d.column}:${d.code}`, localize(d, lang)]),
  );
  const errors = input.diagnostics.filter((d) => d.severity === 'error').length;
  return {
    lang,
    group: { id: group.id, name: group.name, type: group.type },
    unit: input.campaign.unit,
    title: input.campaign.title,
    asOf: input.asOf,
    deadline: input.campaign.deadlines.groups,
    daysLeft: daysBetween(input.asOf, input.campaign.deadlines.groups),
    ledgers: input.ledgers,
    ...(input.ledgersFile === undefined ? {} : { ledgersFile: input.ledgersFile }),
    problems: input.diagnostics.map((d) => problemRow(c, d)),
    findings: input.findings.map((f) => findingRow(c, f, input.origins)),
    refused: input.rejected.map((r) => refusedRow(c, r, again)),
    returned: input.returned.map((r) => returnedRow(c, r)),
    errors,
    warnings: input.diagnostics.length - errors,
  };
}

/** Whether the sheet asks nothing of the group. */
export function nothingToFix(s: FeedbackSheet): boolean {
  return [...s.problems, ...s.findings, ...s.refused, ...s.returned].every((r) => r.info === true);
}

/** The value a diagnostic suggests instead (did you mean …), in the writer's vocabulary. */
function suggested(d: Diagnostic, lang: Lang): string | undefined {
  const data = d.data as { suggest?: string | Both; value?: unknown };
  const s = data.suggest;
  if (s === undefined) return undefined;
  if (typeof s === 'string') return s;
  const zh = lang === 'zh-CN' || (typeof data.value === 'string' && hasCjk(data.value));
  return zh ? s.zh : s.en;
}
