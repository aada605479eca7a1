// Where exports and reports go by default: exports/<campaign title>-<as-of>[-<group>][-<lang>]
// [-脱敏|redacted][-已审核|reviewed][-报告|report].<ext>, in the file's language. The title is
// made safe and short by the rule every file name follows (safeFileName.ts).
import path from 'node:path';
import { safeFileName } from './safeFileName.js';

export function outputPath(root: string, title: string, parts: readonly string[], ext: string, folder = 'exports'): string {
  const tail = parts.length ? `-${parts.join('-')}` : '';
  return path.join(root, folder, safeFileName(title, `${tail}.${ext}`));
}

// The name's words in the file's language: a clerk filing 脱敏 and 报告 should not meet English.
const NAME_WORDS: Record<string, Record<'redacted' | 'reviewed' | 'report', string>> = {
  'zh-CN': { redacted: '脱敏', reviewed: '已审核', report: '报告' },
  en: { redacted: 'redacted', reviewed: 'reviewed', report: 'report' },
};

/** The default file of an export or report: the parts that tell it from the others of the same day. */
export function defaultOutputPath(
  root: string,
  campaign: { title: string; locale: string },
  options: { asOf: string; lang: string; group?: string; redact?: boolean; reviewed?: boolean },
  file: { ext: string; what?: 'report' },
): string {
  const words = NAME_WORDS[options.lang] ?? NAME_WORDS.en!;
  const parts = [options.asOf];
  if (options.group !== undefined) parts.push(options.group);
  if (options.lang !== campaign.locale) parts.push(options.lang);
  if (options.redact) parts.push(words.redacted);
  if (options.reviewed) parts.push(words.reviewed);
  if (file.what !== undefined) parts.push(words[file.what]);
  return outputPath(root, campaign.title, parts, file.ext);
}
