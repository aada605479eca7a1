// The report is handed around and printed: personal data is not masked there but removed, by
// the rule every message and feedback sheet follows (messages/removed.ts). Free text (quotes,
// findings) goes through here before it reaches any template.
import { withoutPersonal } from '../messages/removed.js';
import type { Locale } from '../schema/vocab.js';

export function scrubText(text: string, lang: Locale): string {
  return withoutPersonal(text, lang);
}

/** At most `max` characters (not UTF-16 units), with an ellipsis when cut. */
export function shorten(text: string, max: number, lang: Locale): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  return chars.slice(0, max).join('') + (lang === 'zh-CN' ? '……' : '…');
}
