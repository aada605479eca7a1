// `ledger template`: the workbooks written, one path per line (what a script picks up), and
// the same as JSON.
import type { TemplateResult } from '../export/templateWorkbook.js';
import { formatJson } from './json.js';

export interface TemplateWritten {
  group: string;
  /** As shown: relative to where ledger was run. */
  file: string;
  result: TemplateResult;
}

export const templateFormat = {
  text(written: readonly TemplateWritten[]): string {
    return written.map((w) => `${w.file}\n`).join('');
  },
  json(written: readonly TemplateWritten[]): string {
    return formatJson({
      templates: written.map((w) => ({ group: w.group, file: w.file, records: w.result.records, sheets: w.result.sheets })),
    });
  },
};
