// A feedback sheet as a file: Markdown (which also makes the Word file, in the report's
// document style), or a one-sheet workbook that prints on A4 with its header repeated.
import { feedbackWords } from '../messages/feedback.js';
import { proseDate } from '../messages/dates.js';
import type { WorkbookModel } from '../export/sheetModel.js';
import { table } from '../export/sheetModel.js';
import { safeFileName } from '../model/safeFileName.js';
import { escapeMarkdown } from '../report/markdown.js';
import { nothingToFix, type FeedbackRow, type FeedbackSheet } from './feedbackSheet.js';

type Section = { title: string; rows: FeedbackRow[] };

function sections(s: FeedbackSheet): Section[] {
  const w = feedbackWords(s.lang);
  return [
    { title: w.sections.problems(s.errors, s.warnings), rows: s.problems },
    { title: w.sections.findings, rows: s.findings },
    { title: w.sections.refused, rows: s.refused },
    { title: w.sections.returned, rows: s.returned },
  ].filter((x) => x.rows.length > 0);
}

/** A judicial office is addressed as such (你所, your office), a work group as a group. */
const isOffice = (s: FeedbackSheet) => s.group.type === 'judicial-office';

export function feedbackMarkdown(s: FeedbackSheet): string {
  const w = feedbackWords(s.lang);
  const md = (x: string) => escapeMarkdown(x);
  const out: string[] = [`# ${md(w.title)}`, '', `**${md(w.salutation(s.group.name))}**`, ''];
  const clean = nothingToFix(s);
  const office = isOffice(s);
  // The intro names the deadline; a sheet with nothing to correct says it after its one sentence.
  const cleanText = `${w.clean(office)}${s.lang === 'zh-CN' ? '' : ' '}${w.deadline(s.deadline, s.asOf, s.daysLeft)}${w.stop}`;
  out.push(md(clean ? cleanText : w.intro(s.deadline, s.asOf, s.daysLeft, office)), '');
  if (s.ledgers !== 'current') out.push(md(w.ledgers(s.ledgers, s.ledgersFile ?? '')), '');
  const all = sections(s);
  all.forEach((sec, i) => {
    // A lone section is not numbered: 一、 with no 二、 reads as a list cut short.
    out.push(`## ${md(all.length > 1 ? w.numbered(i + 1, sec.title) : sec.title)}`, '');
    out.push(`| ${[w.head.no, w.head.kind, w.head.where, w.head.what, w.head.fix].join(' | ')} |`, '| ---: | --- | --- | --- | --- |');
    sec.rows.forEach((r, n) =>
      out.push(`| ${[String(n + 1), r.severity, r.where, r.what, r.fix].map((c, k) => (k === 0 ? c : md(c))).join(' | ')} |`),
    );
    out.push('');
  });
  // The sender and the date flush right, as on the report (the Word file reads the mark).
  out.push('<!-- right -->', md(w.sender(s.unit, s.title)), '', '<!-- right -->', md(proseDate(s.asOf, s.lang)), '');
  return out.join('\n');
}

/** The file name of a group's sheet, made safe and short as every file name is. */
export function feedbackName(s: FeedbackSheet, ext: string): string {
  return safeFileName(feedbackWords(s.lang).fileName(s.group.id), `.${ext}`);
}

/** One sheet, one table (the sections as a column), printed A4 with the header row repeated. */
export function feedbackWorkbook(s: FeedbackSheet): WorkbookModel {
  const w = feedbackWords(s.lang);
  const zh = s.lang === 'zh-CN';
  const rows: FeedbackRow[] = [...s.problems, ...s.findings, ...s.refused, ...s.returned];
  if (s.ledgers !== 'current')
    rows.push({ kind: w.kinds.note, severity: '', error: false, where: '', what: w.ledgers(s.ledgers, s.ledgersFile ?? ''), fix: '' });
  if (nothingToFix(s)) rows.unshift({ kind: w.kinds.note, severity: '', error: false, where: '', what: w.clean(isOffice(s)), fix: '' });
  const columns = [
    { header: w.head.no, format: 'int' as const },
    { header: w.head.kind, format: 'text' as const },
    { header: w.head.where, format: 'text' as const, long: true },
    { header: w.head.what, format: 'text' as const, long: true },
    { header: w.head.fix, format: 'text' as const, long: true },
  ];
  return {
    title: `${s.group.name}${zh ? '' : ' — '}${w.title}`,
    subtitle: `${w.sender(s.unit, s.title)}${zh ? '\u3000\u3000' : ' — '}${w.deadline(s.deadline, s.asOf, s.daysLeft)}`,
    subject: w.title,
    sheets: [
      {
        key: 'feedback',
        name: w.title,
        title: `${s.group.name}${zh ? '' : ' — '}${w.title}`,
        ledger: true,
        tables: [
          table(columns, rows, (r: FeedbackRow, i: number) => ({
            cells: [
              i + 1,
              r.severity ? (zh ? `${r.kind}（${r.severity}）` : `${r.kind} (${r.severity})`) : r.kind,
              r.where || null,
              r.what,
              r.fix || null,
            ],
          })),
        ],
      },
    ],
  };
}
