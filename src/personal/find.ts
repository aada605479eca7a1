// Personal numbers inside free text, in the spellings people actually type: mobiles with +86,
// spaces or dashes (138 1234 5678, +86-138-1234-5678), full-width digits (１３８…), ID numbers
// with spaces or dashes (110101 19500101 1239) and the old 15-digit ones, landlines with the
// area code in brackets or followed by a space ((0371)67888443, 0371 67888443). One scanner
// serves the report (which removes them) and --redact (which masks them).

/** Full-width digits and signs as ASCII, one character for one, so offsets stay the same. */
function asciiDigits(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0b\uff0d\uff08\uff09\u3000]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
    return { '\uff0b': '+', '\uff0d': '-', '\uff08': '(', '\uff09': ')', '\u3000': ' ' }[c] ?? c;
  });
}

const SEP = '[ \\-.]?';
const ID18 = `[1-9](?:${SEP}\\d){16}${SEP}[\\dXx]`;
const ID15 = `[1-9](?:${SEP}\\d){14}`;
const MOBILE = `(?:(?:\\+|00)?86${SEP})?1[3-9](?:${SEP}\\d){9}`;
const LANDLINE = `(?:\\(0\\d{2,3}\\)|0\\d{2,3})${SEP}\\d{3,4}${SEP}\\d{3,4}(?:-\\d{1,6})?`;
// Longest first: an ID number holds runs that would pass for a phone.
const PERSONAL = new RegExp(`(?<![\\dXx])(?:(?<id>${ID18}|${ID15})|(?<mobile>${MOBILE})|(?<landline>${LANDLINE}))(?![\\dXx])`, 'g');

const DIGIT = /[0-9\uff10-\uff19]/;

export type PersonalKind = 'id' | 'mobile' | 'landline';

export interface Found {
  start: number;
  end: number;
  kind: PersonalKind;
  /** The digits (and X) alone, ASCII. */
  digits: string;
}

export function findPersonal(text: string): Found[] {
  const ascii = asciiDigits(text);
  const out: Found[] = [];
  for (const m of ascii.matchAll(PERSONAL)) {
    const g = m.groups ?? {};
    const kind: PersonalKind = g.id ? 'id' : g.mobile ? 'mobile' : 'landline';
    const digits = m[0].replace(/[^\dXx]/g, '').toUpperCase();
    // A landline needs 10-12 digits with its area code; shorter runs are counts or years.
    if (kind === 'landline' && (digits.length < 10 || digits.length > 18)) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind,
      digits: kind === 'mobile' ? digits.replace(/^(?:00)?86(?=1[3-9]\d{9}$)/, '') : digits,
    });
  }
  return out;
}

/** `text` with every personal number replaced by `replace(found)`. */
export function replacePersonal(text: string, replace: (f: Found) => string): string {
  // Most text has no digit at all (names, codes): nothing to look for.
  if (!DIGIT.test(text)) return text;
  const found = findPersonal(text);
  if (!found.length) return text;
  let out = '';
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.start) + replace(f);
    at = f.end;
  }
  return out + text.slice(at);
}
