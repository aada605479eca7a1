// Masks personal data as FORMAT.md prescribes (110101********1234, 138****8000), for exports
// made with --redact and for every message that has to mention such a value.
import { replacePersonal } from './find.js';

export function maskIdNumber(v: string): string {
  if (v.length === 18) return `${v.slice(0, 6)}********${v.slice(14)}`;
  if (v.length === 15) return `${v.slice(0, 6)}******${v.slice(12)}`;
  return stars(v);
}

export function maskPhone(v: string): string {
  if (/^1\d{10}$/.test(v)) return `${v.slice(0, 3)}****${v.slice(7)}`;
  const land = /^(\(?0\d{2,3}\)?[- ]?)(\d+)((?:-\d{1,6})?)$/.exec(v);
  if (land) return `${land[1]}****${(land[2] as string).slice(-4)}${land[3]}`;
  return stars(v);
}

function stars(v: string): string {
  const chars = Array.from(v);
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - 4) + chars.slice(-4).join('');
}

/** Free text with every personal number masked (--redact), in any spelling (see find.ts). */
export function redactText(text: string): string {
  return replacePersonal(text, (f) => (f.kind === 'id' ? maskIdNumber(f.digits) : maskPhone(f.digits)));
}
