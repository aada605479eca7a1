// The report is handed around and printed: personal data is not masked there but removed.
// Free text (quotes, findings) goes through here before it reaches any template.
import { replacePersonal } from '../personal/find.js';
import type { Locale } from '../schema/vocab.js';

export function scrubText(text: string, lang: Locale): string {
  const gone = lang === 'zh-CN' ? '〔已隐去〕' : '[removed]';
  return replacePersonal(text, () => gone);
}

/** At most `max` characters (not UTF-16 units), with an ellipsis when cut. */
export function shorten(text: string, max: number, lang: Locale): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  return chars.slice(0, max).join('') + (lang === 'zh-CN' ? '……' : '…');
}
