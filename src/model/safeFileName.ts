// A file name made from text of the files (the campaign's title, a group's name, a returned
// workbook's name). One rule for every command that names a file: what XML cannot hold goes
// (the same cleaning as the files' contents), personal numbers are masked (the name is printed
// and sent on), what no file system takes becomes _, and the name is cut at a character so it
// stays within 200 bytes: the temporary written beside it (.<name>.tmp-<pid>) must still fit
// the 255-byte limit, which a 100-character Chinese name already passes.
import { redactText } from '../personal/mask.js';
import { cleanText } from '../text/clean.js';

const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
export const MAX_NAME_BYTES = 200;

/** `stem` made safe and cut so that it with `suffix` (kept whole: "-2014-05-24.xlsx") fits. */
export function safeFileName(stem: string, suffix: string, fallback = 'ledger'): string {
  const room = MAX_NAME_BYTES - Buffer.byteLength(suffix);
  const safe = redactText(cleanText(stem)).replace(UNSAFE, '_').trim().replace(/^\.+/, '');
  let cut = '';
  let used = 0;
  for (const ch of safe) {
    used += Buffer.byteLength(ch);
    if (used > room) break;
    cut += ch;
  }
  return `${cut.trim() || fallback}${suffix}`;
}
