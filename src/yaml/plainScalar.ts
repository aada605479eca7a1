// When a string may stand unquoted in YAML: the emitter writes such strings plain, and readers
// with a fast path (read/loadReviews.ts) take a plain value as its own text only under the same
// rule, so what one writes the other reads without the library.

const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
const RESERVED =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|<<|=)$/;
const NUMBERISH = /^[-+]?(?:\.?[0-9]|0[box])|^[-+]?\.(?:inf|nan)$/i;
// Non-printables and line breaks that YAML would fold or reject in plain and quoted scalars.
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;

/**
 * Whether `s`, written unquoted on a block line, reads back as exactly `s`: a string under the
 * core schema (not null, a boolean or a number) and under YAML 1.1 readers too (yes/no, dates
 * and anything number-like are quoted), with no indicator, comment or key inside.
 */
export function isPlainScalar(s: string): boolean {
  if (s === '') return false;
  if (INDICATORS.has(s[0] as string)) return false;
  if (s[0] === ' ' || s[s.length - 1] === ' ') return false;
  if (RESERVED.test(s) || NUMBERISH.test(s)) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  return !NEEDS_ESCAPE.test(s);
}
