// How a ledger value becomes a cell for one export: labels in the sheet's language, dates as
// real dates, text made safe, personal data masked when --redact is given. Every sheet goes
// through here, so redaction cannot be forgotten in one column.
import { maskIdNumber, maskPhone, redactText } from '../personal/mask.js';
import { label, type Locale, type Vocabulary } from '../schema/vocab.js';
import { excelDate, safeText, type Cell } from './cells.js';

export interface ExportContext {
  lang: Locale;
  asOf: string;
  redact: boolean;
  /** Pick the zh-CN or the English words. */
  t(zh: string, en: string): string;
  text(v: unknown): Cell;
  date(v: unknown): Cell;
  int(v: unknown): Cell;
  code(vocab: Vocabulary, v: unknown): Cell;
  codes(vocab: Vocabulary, v: unknown): Cell;
  idNumber(v: unknown): Cell;
  phone(v: unknown): Cell;
  yesNo(v: unknown): Cell;
  /** Several values in one cell, one per line. */
  lines(values: readonly string[]): Cell;
  /** A group's name for a visible cell (its id stays in a hidden column). */
  groupName(id: string): Cell;
}

export function exportContext(options: {
  lang: Locale;
  asOf: string;
  redact: boolean;
  groups?: readonly { id: string; name: string }[];
}): ExportContext {
  const names = new Map((options.groups ?? []).map((g) => [g.id, g.name]));
  const { lang, redact } = options;
  const zh = lang === 'zh-CN';
  const sep = zh ? '、' : ', ';
  const text = (v: unknown): Cell => {
    if (v === undefined || v === null || v === '') return null;
    const s = typeof v === 'string' ? v : String(v);
    return safeText(redact ? redactText(s) : s);
  };
  return {
    lang,
    asOf: options.asOf,
    redact,
    t: (z, e) => (zh ? z : e),
    text,
    date: (v) => excelDate(v) ?? text(v),
    int: (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null),
    code: (vocab, v) => (typeof v === 'string' ? safeText(label(vocab, v, lang)) : null),
    codes: (vocab, v) => (Array.isArray(v) && v.length ? safeText(v.map((c) => label(vocab, String(c), lang)).join(sep)) : null),
    idNumber: (v) => (typeof v === 'string' && v ? safeText(redact ? maskIdNumber(v) : v) : null),
    phone: (v) => (typeof v === 'string' && v ? safeText(redact ? maskPhone(v) : v) : null),
    yesNo: (v) => (v === true ? (zh ? '是' : 'Yes') : v === false ? (zh ? '否' : 'No') : null),
    lines: (values) => (values.length ? text(values.join('\n')) : null),
    groupName: (id) => text(names.get(id) ?? id),
  };
}
