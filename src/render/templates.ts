// Templates (the report, `ledger init`, `ledger new`) are Handlebars in its logic-less use: {{field}}, {{#each}}, {{#if}} and
// nothing else. No helpers are registered and unknown ones are refused at compile time, so a
// template an office passes with --template cannot run code; strict mode turns a misspelt
// field into an error with its line instead of a silently empty paragraph.
import Handlebars from 'handlebars';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LedgerError } from '../messages/errors.js';
import { readRegularFile } from '../read/readRegular.js';
import { nearest } from '../text/suggest.js';
import type { Locale } from '../schema/vocab.js';

export type ReportFormat = 'md' | 'html' | 'docx';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'docx'];

/** templates/ of the installed package (dist/render/ → ../../templates). */
export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

/** The Word report is laid out from the Markdown template: one text to edit for both. */
export function defaultTemplatePath(format: ReportFormat, lang: Locale): string {
  return path.join(TEMPLATES_DIR, `report.${lang}.${format === 'docx' ? 'md' : format}.hbs`);
}

/** Renders one of the package's own templates (templates/<rel>). */
export function renderBuiltIn(rel: string, view: unknown): string {
  return loadTemplate(path.join(TEMPLATES_DIR, rel), { html: false }).render(view);
}

export interface LoadedTemplate {
  file: string;
  render(view: unknown): string;
}

/** Templates are small text files: a device, a FIFO or a 16 GB file is refused before it is read. */
export const TEMPLATE_LIMIT = 1 << 20;

function readTemplate(file: string): string {
  try {
    return readRegularFile(file, TEMPLATE_LIMIT).toString('utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    if (code === 'EFBIG') throw new LedgerError('template-too-large', { file, limit: TEMPLATE_LIMIT });
    throw new LedgerError('template-unreadable', { file, reason: code });
  }
}

/** `html`: values are html-escaped; otherwise they are printed as given (the caller escapes). */
export function loadTemplate(file: string, options: { html: boolean }): LoadedTemplate {
  const source = readTemplate(file);
  const hb = Handlebars.create();
  // `log` would print the report's data to the terminal, `lookup` reaches past the fields:
  // templates get the documented helpers only (if, unless, each, with).
  hb.unregisterHelper('log');
  hb.unregisterHelper('lookup');
  const compileOptions = { strict: true, knownHelpersOnly: true, knownHelpers: { log: false, lookup: false }, noEscape: !options.html };
  const text = source.replace(/^\uFEFF/, '');
  try {
    hb.precompile(text, compileOptions); // syntax errors and unknown helpers surface here, before any output
  } catch (e) {
    throw templateError(file, e);
  }
  const compiled = hb.compile(text, compileOptions);
  return {
    file,
    render(view: unknown): string {
      try {
        return compiled(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (e) {
        throw templateError(file, e, text, view);
      }
    },
  };
}

/** The {{expression}} a strict-mode miss points at, e.g. `opinons.total` for `"total" not defined`. */
function expressionAt(source: string, line: number, column: number): string | undefined {
  const text = source.split('\n')[line - 1] ?? '';
  const open = text.lastIndexOf('{{', column);
  if (open < 0) return undefined;
  return /^\{\{\{?[#/^]?\s*([^\s}]+)/.exec(text.slice(open))?.[1];
}

function templateError(file: string, e: unknown, source?: string, view?: unknown): LedgerError {
  const message = e instanceof Error ? e.message : String(e);
  const missing = /^"[^"]*" not defined in .* - (\d+):(\d+)$/.exec(message);
  if (missing && source !== undefined) {
    const expr = expressionAt(source, Number(missing[1]), Number(missing[2]));
    if (expr !== undefined) {
      const fields = view !== null && typeof view === 'object' ? Object.keys(view) : [];
      const close = nearest(expr.split('.')[0] ?? expr, fields);
      return new LedgerError('template-field', {
        file,
        line: Number(missing[1]),
        column: Number(missing[2]) + 1,
        expr,
        ...(close === undefined ? {} : { suggest: close }),
      });
    }
  }
  const lines = message.split('\n');
  // Handlebars parse errors: "Parse error on line N:", the source, a caret, "Expecting …".
  const first = lines.length > 1 && /^Parse error/.test(lines[0] ?? '') ? `${lines[0]} ${lines[lines.length - 1]}` : (lines[0] ?? message);
  const pos = /line (\d+)/.exec(message) ?? /- (\d+):(\d+)/.exec(message);
  return new LedgerError('template-invalid', {
    file,
    ...(pos ? { line: Number(pos[1]) } : {}),
    ...(pos?.[2] ? { column: Number(pos[2]) + 1 } : {}),
    detail: first.replace(/ - \d+:\d+$/, ''),
  });
}
