// The slips a Chinese input method makes in YAML: a full-width colon after a key, full-width
// commas between list items, full-width brackets, Chinese quotes around a code or a name,
// full-width spaces in the indentation. Each is found at its exact place and repaired in a
// copy of the text, so the document can still be read and checked: one slip gives one error
// (its own), not a cascade of errors about what could not be read.

export type SlipCode = 'fullwidth-colon' | 'fullwidth-comma' | 'fullwidth-bracket' | 'fullwidth-quote' | 'ideographic-space';

export interface Slip {
  code: SlipCode;
  /** Offset of the offending character in the original text. */
  at: number;
  char: string;
  /** For a colon: the key; for a bracket: the ASCII bracket to type. */
  key?: string;
  ascii?: string;
}

export interface Repair {
  slips: Slip[];
  /** The text with every slip replaced (same as the input when there is none). */
  text: string;
  /** Maps an offset in the repaired text back to the original. */
  original(offset: number): number;
}

const ANY_SLIP = /[：，、［］【】｛｝“”‘’\u3000]/;
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*/;
const OPEN: Record<string, string> = { '［': '[', '【': '[', '｛': '{' };
const CLOSE: Record<string, string> = { '］': ']', '】': ']', '｝': '}' };

interface Edit {
  at: number;
  /** Characters of the original replaced (always 1). */
  with: string;
}

/**
 * Finds the slips of `text`. `strictKey(key)` says whether a key's values are codes, names or
 * dates (never free text), so Chinese quotes around them are slips and not part of the value.
 */
export function repairInputMethod(text: string, strictKey: (key: string) => boolean = () => false): Repair {
  const identity: Repair = { slips: [], text, original: (o) => o };
  if (!ANY_SLIP.test(text)) return identity;
  const slips: Slip[] = [];
  const edits: Edit[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (ANY_SLIP.test(text.slice(start, end))) scanLine(text, start, end, strictKey, slips, edits);
    if (end === text.length) break;
    start = end + 1;
  }
  if (!edits.length) return identity;
  return applyEdits(text, slips, edits);
}

function applyEdits(text: string, slips: Slip[], edits: Edit[]): Repair {
  edits.sort((a, b) => a.at - b.at);
  let out = '';
  let last = 0;
  // Where each edit's replacement starts in the repaired text, and the shift after it.
  const marks: { at: number; shift: number; orig: number }[] = [];
  let shift = 0;
  for (const e of edits) {
    out += text.slice(last, e.at);
    marks.push({ at: e.at + shift, shift, orig: e.at });
    out += e.with;
    shift += e.with.length - 1;
    last = e.at + 1;
  }
  out += text.slice(last);
  const original = (offset: number): number => {
    let lo = 0;
    let hi = marks.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid]!.at <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return offset;
    const m = marks[found]!;
    const inside = offset - m.at;
    const len = edits[found]!.with.length;
    // Inside a replacement: its one original character; after it: shifted back.
    return inside < len ? m.orig : offset - (m.shift + len - 1);
  };
  return { slips: slips.sort((a, b) => a.at - b.at), text: out, original };
}

/** One line's slips: indentation, then `key：`, then the value's brackets, commas and quotes. */
function scanLine(text: string, start: number, end: number, strictKey: (k: string) => boolean, slips: Slip[], edits: Edit[]): void {
  let i = start;
  // Indentation: spaces and full-width spaces (shown two columns wide, so two spaces each).
  let sawWide = false;
  while (i < end && (text[i] === ' ' || text[i] === '\u3000')) {
    if (text[i] === '\u3000') {
      if (!sawWide) slips.push({ code: 'ideographic-space', at: i, char: '\u3000' });
      sawWide = true;
      edits.push({ at: i, with: '  ' });
    }
    i++;
  }
  if (text[i] === '#') return;
  while (text[i] === '-' && (text[i + 1] === ' ' || i + 1 === end)) {
    i += 2;
    while (text[i] === ' ') i++;
  }
  let key: string | undefined;
  const m = KEY.exec(text.slice(i, end));
  if (m) {
    let j = i + m[0].length;
    while (text[j] === ' ') j++;
    if (text[j] === '：') {
      key = m[0];
      slips.push({ code: 'fullwidth-colon', at: j, char: '：', key });
      edits.push({ at: j, with: text[j + 1] === ' ' ? ':' : ': ' });
      i = j + 1;
    } else if (text[j] === ':' && (text[j + 1] === ' ' || j + 1 === end)) {
      key = m[0];
      i = j + 1;
    }
  }
  while (text[i] === ' ') i++;
  scanValue(text, i, end, key !== undefined && strictKey(key), strictKey, slips, edits);
}

/** A value: full-width brackets around it, commas inside flow collections, quotes around strict values. */
function scanValue(
  text: string,
  from: number,
  end: number,
  strict: boolean,
  strictKey: (k: string) => boolean,
  slips: Slip[],
  edits: Edit[],
): void {
  const valueEnd = commentStart(text, from, end);
  let last = valueEnd - 1;
  while (last >= from && text[last] === ' ') last--;
  if (last < from) return;
  const first = text[from]!;
  const isFlow = first === '[' || first === '{' || OPEN[first] !== undefined;
  if (isFlow) scanFlow(text, from, last, strict, strictKey, slips, edits);
  else quoted(text, from, last, strict, slips, edits);
}

/** A flow collection (`[a, b]`, `{k: v}`) from `from` to `last`: its brackets, commas, colons and quoted items. */
function scanFlow(
  text: string,
  from: number,
  last: number,
  strict: boolean,
  strictKey: (k: string) => boolean,
  slips: Slip[],
  edits: Edit[],
): void {
  // A stack of open brackets; quoted text is skipped.
  const stack: string[] = [];
  let itemStart = from + 1;
  for (let k = from; k <= last; k++) {
    const c = text[k]!;
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, k + 1);
      if (close < 0 || close > last) return;
      k = close;
      continue;
    }
    const open = c === '[' || c === '{' ? c : OPEN[c];
    const closeTo = c === ']' || c === '}' ? c : CLOSE[c];
    if (open) {
      if (OPEN[c]) bracket(c, open, k, slips, edits);
      stack.push(open);
      itemStart = k + 1;
    } else if (closeTo) {
      if (stack[stack.length - 1] === '[') quoted(text, skipSpaces(text, itemStart), trimEnd(text, itemStart, k - 1), strict, slips, edits);
      if (CLOSE[c]) bracket(c, closeTo, k, slips, edits);
      stack.pop();
    } else if (c === ',' || c === '，' || (c === '、' && stack[stack.length - 1] === '[')) {
      const inSeq = stack[stack.length - 1] === '[';
      const beforeKey = stack[stack.length - 1] === '{' && /^\s*[A-Za-z_][A-Za-z0-9_-]*\s*[:：]/.test(text.slice(k + 1, last + 1));
      if (c !== ',' && (inSeq || beforeKey)) {
        slips.push({ code: 'fullwidth-comma', at: k, char: c });
        edits.push({ at: k, with: text[k + 1] === ' ' ? ',' : ', ' });
      }
      if (inSeq) quoted(text, skipSpaces(text, itemStart), trimEnd(text, itemStart, k - 1), strict, slips, edits);
      itemStart = k + 1;
    } else if ((c === ':' || c === '：') && stack[stack.length - 1] === '{') {
      const keyText = text.slice(itemStart, k).trim();
      if (KEY.test(keyText) && KEY.exec(keyText)![0] === keyText) {
        if (c === '：') {
          slips.push({ code: 'fullwidth-colon', at: k, char: c, key: keyText });
          edits.push({ at: k, with: text[k + 1] === ' ' ? ':' : ': ' });
        }
        const v = skipSpaces(text, k + 1);
        const vEnd = flowValueEnd(text, v, last);
        if (strictKey(keyText) && vEnd >= v) quoted(text, v, vEnd, true, slips, edits);
      }
    }
  }
}

function bracket(char: string, ascii: string, at: number, slips: Slip[], edits: Edit[]): void {
  slips.push({ code: 'fullwidth-bracket', at, char, ascii });
  edits.push({ at, with: ascii });
}

/** “x” or ‘x’ around a whole strict value: both quotes become ASCII ones. */
function quoted(text: string, from: number, last: number, strict: boolean, slips: Slip[], edits: Edit[]): void {
  if (!strict || last <= from) return;
  const a = text[from];
  const b = text[last];
  if ((a === '“' && b === '”') || (a === '‘' && b === '’')) {
    slips.push({ code: 'fullwidth-quote', at: from, char: a });
    const q = a === '“' ? '"' : "'";
    edits.push({ at: from, with: q }, { at: last, with: q });
  }
}

function skipSpaces(text: string, i: number): number {
  while (text[i] === ' ') i++;
  return i;
}

function trimEnd(text: string, from: number, last: number): number {
  while (last >= from && text[last] === ' ') last--;
  return last;
}

/** The last character of a flow map's value starting at `from` (before `,` `}` or their full-width forms). */
function flowValueEnd(text: string, from: number, last: number): number {
  let k = from;
  while (k <= last && !',}，｝'.includes(text[k]!)) k++;
  return trimEnd(text, from, k - 1);
}

/** Where a comment starts (` #` outside quotes), or `end`. */
function commentStart(text: string, from: number, end: number): number {
  let quote: string | null = null;
  for (let k = from; k < end; k++) {
    const c = text[k];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      if (k === from || ' [{,:'.includes(text[k - 1]!)) quote = c;
    } else if (c === '#' && (k === from || text[k - 1] === ' ')) return k;
  }
  return end;
}
