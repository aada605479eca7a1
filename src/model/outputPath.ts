// Where exports, reports and feedback sheets go by default: exports/<campaign title>-<as-of>
// [-<group>][-<lang>][-脱敏|redacted][-已审核|reviewed][-报告|report].<ext>, in the file's language. The title is made safe for every file system
// and cut (at a character, never inside one) so the name stays within 200 bytes: a 200-character
// Chinese title would otherwise pass the 255-byte limit of file names.
import path from 'node:path';

const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const MAX_NAME_BYTES = 200;

export function outputPath(root: string, title: string, parts: readonly string[], ext: string, folder = 'exports'): string {
  const tail = parts.length ? `-${parts.join('-')}` : '';
  const room = MAX_NAME_BYTES - Buffer.byteLength(`${tail}.${ext}`);
  let safe = title.replace(UNSAFE_FILE_CHARS, '_').trim().replace(/^\.+/, '') || 'ledger';
  while (Buffer.byteLength(safe) > room) safe = Array.from(safe).slice(0, -1).join('');
  return path.join(root, folder, `${safe}${tail}.${ext}`);
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
