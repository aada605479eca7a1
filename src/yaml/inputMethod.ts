// The slips a Chinese input method makes in YAML: a full-width colon after a key, full-width
// commas between list items, full-width or Chinese brackets, Chinese quotes around a code or a
// name, full-width spaces (U+3000) where a space belongs. Each is found at its exact place and
// repaired in a copy of the text, so the document can still be read and checked: one slip gives
// one error (its own), not a cascade of errors about what could not be read.
import { applyEdits } from './applyEdits.js';
import { scanFlow } from './scanFlow.js';
import { NO_ROLES, SlipScan, WIDE, type KeyRoles, type Slip } from './slipScan.js';

export type { KeyRoles, Slip, SlipCode } from './slipScan.js';

export interface Repair {
  slips: Slip[];
  /** The text with every slip replaced (same as the input when there is none). */
  text: string;
  /** Maps an offset in the repaired text back to the original. */
  original(offset: number): number;
}

const ANY_SLIP = /[：，、［］【】｛｝“”‘’「」（）\u3000]/;
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*/;
/** Chinese brackets a clerk types around a list: 「座谈会」, （送温暖）. */
const LIST_CLOSE: Record<string, string> = { '「': '」', '（': '）' };
const FLOW_OPEN = new Set(['[', '{', '［', '【', '｛']);
/** A line whose value is a block scalar (`content: |`, `- >-`): the lines under it are text as written. */
const BLOCK_HEADER = /^[ \u3000]*(?:-[ \u3000]+)*(?:[^\s#"'][^#]*?(?::[ \u3000]+|：[ \u3000]*))?[|>][-+1-9]{0,2}[ \u3000]*(?:#.*)?$/;

/** Finds the slips of `text`; `roles` say what each key's values are (codes, free text, lists). */
export function repairInputMethod(text: string, roles: Partial<KeyRoles> = {}): Repair {
  const identity: Repair = { slips: [], text, original: (o) => o };
  if (!ANY_SLIP.test(text)) return identity;
  const s = new SlipScan(text, { ...NO_ROLES, ...roles });
  // The indentation of the line that opened a block scalar, while inside it; else -1.
  let block = -1;
  let start = 0;
  while (start <= text.length) {
    let next = text.indexOf('\n', start);
    if (next < 0) next = text.length;
    const end = next > start && text[next - 1] === '\r' ? next - 1 : next;
    const line = text.slice(start, end);
    const indent = line.length - line.replace(/^ +/, '').length;
    // A paragraph indented with full-width spaces inside `content: |` is the text's own.
    if (block < 0 || (indent <= block && line.trim() !== '')) {
      block = -1;
      if (ANY_SLIP.test(line)) scanLine(s, start, end);
      if (BLOCK_HEADER.test(line)) block = indent;
    }
    if (next === text.length) break;
    start = next + 1;
  }
  if (!s.edits.length && !s.slips.length) return identity;
  const repaired = applyEdits(text, s.edits);
  return { slips: s.slips.sort((a, b) => a.at - b.at), text: repaired.text, original: repaired.original };
}

/** One line's slips: indentation, list dashes, then `key：`, then the value. */
function scanLine(s: SlipScan, start: number, end: number): void {
  const text = s.text;
  s.line = start;
  // Full-width spaces are shown two columns wide: two spaces each where columns matter.
  let i = s.blanks(start, undefined, false, 2);
  if (text[i] === '#') return;
  while (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === WIDE || i + 1 === end)) i = s.blanks(i + 1, 'after-dash', false, 2);
  const { key, value } = keyAt(s, i, end);
  scanValue(s, value, end, key);
}

/** `key:` or `key：` at `i`: the key, and where its value starts (full-width spaces before it repaired). */
function keyAt(s: SlipScan, i: number, end: number): { key?: string; value: number } {
  const text = s.text;
  const m = KEY.exec(text.slice(i, end));
  if (!m) return { value: i };
  const key = m[0];
  let j = i + key.length;
  while (text[j] === ' ') j++;
  const after = text[j + 1];
  if (text[j] === '：') {
    // A full-width colon and the full-width space after it are one slip (both typed in Chinese mode): one error.
    s.slip({ code: 'fullwidth-colon', at: j, char: '：', key }, after === ' ' || after === WIDE ? ':' : ': ');
    return { key, value: s.blanks(j + 1, undefined, true) };
  }
  if (text[j] !== ':' || (after !== ' ' && after !== WIDE && j + 1 !== end)) return { value: i };
  if (after === WIDE) return { key, value: s.blanks(j + 1, 'after-colon') };
  let v = j + 1;
  while (text[v] === ' ') v++;
  // Before a code or a name a full-width space is a slip; free text may open with one (首行缩进).
  return { key, value: s.roles.strict(key) ? s.blanks(v, 'around-value') : v };
}

/** A value: brackets and commas of a flow collection, quotes and full-width spaces around it. */
function scanValue(s: SlipScan, from: number, end: number, key: string | undefined): void {
  const text = s.text;
  const strict = key !== undefined && s.roles.strict(key);
  let last = commentStart(text, from, end) - 1;
  while (last >= from && text[last] === ' ') last--;
  if (last < from) return;
  const first = text[from]!;
  const flow = FLOW_OPEN.has(first);
  if (strict || flow) s.trailing(from, last);
  last = s.trimEnd(from, last);
  const listed = key !== undefined && LIST_CLOSE[first] !== undefined && text[last] === LIST_CLOSE[first] && s.roles.list(key);
  if (flow || listed) scanFlow(s, from, last, strict, listed);
  else s.quoted(from, last, strict, key !== undefined && s.roles.text(key));
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
