// Text bound for a workbook, a Word file or a web page must be well-formed XML: control
// characters (but tab and line breaks), lone surrogates and noncharacters (U+FFFE, U+FFFF,
// U+FDD0..U+FDEF and their kin in every plane) are removed. One place for every output, so a
// stray U+FFFE in a group's file can never make a workbook that will not open.
const BAD =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/g;

export function cleanText(s: string): string {
  return s.replace(BAD, '');
}

/** A copy of `value` with every string cleaned (the view a template renders). */
export function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cleanDeep(v);
    return out as T;
  }
  return value;
}
