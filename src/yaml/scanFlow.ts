// A flow collection typed with a Chinese input method: `[a，b]`, `［a, b］`, `{ kind：x }`,
// `（a、b）` for a list, full-width spaces beside its brackets, commas and colons. Each slip is
// found at its own place and repaired, so the collection reads as the clerk meant it.
import { SlipScan, WIDE } from './slipScan.js';

const OPEN: Record<string, string> = { '［': '[', '【': '[', '｛': '{' };
const CLOSE: Record<string, string> = { '］': ']', '】': ']', '｝': '}' };
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** After these, or before the next ones, a full-width space cannot be part of a value: it is a space. */
const SPACE_AFTER = '[{,:，、：［【｛';
const SPACE_BEFORE = ']},:，、：］】｝';
/** Full-width punctuation whose own slip covers the full-width space typed after it. */
const OWN_SLIP = '，、：［【｛「（';

interface Flow {
  s: SlipScan;
  from: number;
  last: number;
  strict: boolean;
  stack: string[];
  itemStart: number;
}

/**
 * The flow collection from `from` to `last` (its brackets included). `outer`: the first and
 * last characters are 「」 or （） typed for a list's brackets. `strict`: its items are codes or
 * names, so Chinese quotes around one are a slip.
 */
export function scanFlow(s: SlipScan, from: number, last: number, strict: boolean, outer = false): void {
  const f: Flow = { s, from, last, strict, stack: [], itemStart: from + 1 };
  const text = s.text;
  for (let k = from; k <= last; k++) {
    const c = text[k]!;
    if (c === '"' || c === "'") {
      // Quoted text is skipped whole; an unclosed quote leaves the rest to the parser.
      const close = text.indexOf(c, k + 1);
      if (close < 0 || close > last) return;
      k = close;
    } else if (c === WIDE) k = wideSpace(f, k) - 1;
    else if (outer && k === from) opened(f, k, c, '[');
    else if (outer && k === last) closed(f, k, c, ']');
    else if (c === '[' || c === '{' || OPEN[c]) opened(f, k, c, OPEN[c] ?? c);
    else if (c === ']' || c === '}' || CLOSE[c]) closed(f, k, c, CLOSE[c] ?? c);
    else if (c === ',' || c === '，' || (c === '、' && top(f) === '[')) comma(f, k, c);
    else if ((c === ':' || c === '：') && top(f) === '{') colon(f, k, c);
  }
}

const top = (f: Flow) => f.stack[f.stack.length - 1];
/** The ASCII character for a full-width one, with the space the input method did not type. */
const spaced = (f: Flow, k: number, ascii: string) => (f.s.text[k + 1] === ' ' || f.s.text[k + 1] === WIDE ? ascii : `${ascii} `);

function opened(f: Flow, k: number, c: string, ascii: string): void {
  if (c !== ascii) f.s.bracket(c, ascii, k);
  f.stack.push(ascii);
  f.itemStart = k + 1;
}

function closed(f: Flow, k: number, c: string, ascii: string): void {
  if (top(f) === '[') item(f, k - 1);
  if (c !== ascii) f.s.bracket(c, ascii, k);
  f.stack.pop();
}

/** A list item ending at `end`: Chinese quotes around a strict one are a slip. */
function item(f: Flow, end: number): void {
  const from = f.s.skipBlanks(f.itemStart, end + 1);
  f.s.quoted(from, f.s.trimEnd(from, end), f.strict, false);
}

function comma(f: Flow, k: number, c: string): void {
  const inSeq = top(f) === '[';
  const beforeKey = top(f) === '{' && /^\s*[A-Za-z_][A-Za-z0-9_-]*\s*[:：]/.test(f.s.text.slice(k + 1, f.last + 1));
  if (c !== ',' && (inSeq || beforeKey)) f.s.slip({ code: 'fullwidth-comma', at: k, char: c }, spaced(f, k, ','));
  if (inSeq) item(f, k - 1);
  f.itemStart = k + 1;
}

/** `key:` or `key：` in a flow map: the colon, and quotes around the value by what the key holds. */
function colon(f: Flow, k: number, c: string): void {
  const s = f.s;
  const key = s.text.slice(f.itemStart, k).trim();
  if (!KEY.test(key)) return;
  if (c === '：') s.slip({ code: 'fullwidth-colon', at: k, char: c, key }, spaced(f, k, ':'));
  const v = s.skipBlanks(k + 1, f.last + 1);
  let end = v;
  while (end <= f.last && !',}，｝'.includes(s.text[end]!)) end++;
  const vEnd = s.trimEnd(v, end - 1);
  if (vEnd >= v) s.quoted(v, vEnd, s.roles.strict(key), s.roles.text(key));
}

/**
 * A full-width space beside a bracket, comma or colon is a space (repaired, reported once unless
 * it follows a full-width slip of its own); between two words it is the value's own. Returns
 * where the run of spaces ends.
 */
function wideSpace(f: Flow, k: number): number {
  const text = f.s.text;
  let p = k - 1;
  while (p > f.from && text[p] === ' ') p--;
  const n = f.s.skipBlanks(k, f.last + 1);
  const prev = text[p]!;
  // Next to the collection's own brackets (「」 and （） too, when they are a list's) it is a space.
  const edge = p === f.from || n >= f.last;
  if (!edge && !SPACE_AFTER.includes(prev) && !SPACE_BEFORE.includes(text[n]!)) return k + 1;
  const where = prev === ':' ? 'after-colon' : prev === ',' ? 'after-comma' : 'around-value';
  return f.s.blanks(k, where, OWN_SLIP.includes(prev));
}
