// Masks personal data as FORMAT.md prescribes (110101********1234, 138****8000), for exports
// made with --redact and for every message that has to mention such a value.

export function maskIdNumber(v: string): string {
  if (v.length === 18) return `${v.slice(0, 6)}********${v.slice(14)}`;
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

/** Personal data as it appears inside free text (not glued to longer digit runs). */
export const PERSONAL_PATTERNS: readonly RegExp[] = [
  /(?<!\d)\d{17}[\dXx](?![\dXx])/g,
  /(?<!\d)1[3-9]\d{9}(?!\d)/g,
  /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g,
];

export function redactText(text: string): string {
  const [id, mobile, landline] = PERSONAL_PATTERNS as [RegExp, RegExp, RegExp];
  return text
    .replace(new RegExp(id.source, 'g'), (m) => maskIdNumber(m))
    .replace(new RegExp(mobile.source, 'g'), (m) => maskPhone(m))
    .replace(new RegExp(landline.source, 'g'), (m) => maskPhone(m));
}
