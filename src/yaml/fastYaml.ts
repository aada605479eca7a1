// A fast reader for the plain YAML that record files are made of: block mappings and
// sequences, one-line flow collections, plain and one-line quoted scalars, comments and `---`.
// Parsing is most of a merge, and a general YAML parser spends it on what records never use.
// Anything outside that subset — or anything doubtful — makes it decline (null), and the file
// goes to the `yaml` library, which stays the reference: the tests check that whenever this
// reader answers, it gives the same data and the same positions as the library.

/** Where a value sits: its offset, and for collections where each entry sits. */
export type Spot = { at: number; map: Map<string, { keyAt: number; value: Spot }> } | { at: number; seq: Spot[] } | { at: number };

export interface FastDoc {
  /** Index of the document in the file, counted as the `yaml` library counts. */
  index: number;
  data: Record<string, unknown>;
  spot: Spot;
}

class Decline extends Error {}
const DECLINE = new Decline();
const no = (): never => {
  throw DECLINE;
};

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const RESERVED_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|n|N|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|__proto__)$/;
const SAFE_INT = /^(?:0|-?[1-9][0-9]{0,14})$/;
// A plain decimal such as ledger.yaml's shares (`written_share: 0.5`): the library reads it with
// parseFloat, which Number matches on this form.
const DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
// The other numbers of the core schema (as the library's tests for them): left to the library.
const NUMBER =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const JSON_ESCAPES = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/g;

/** A plain scalar's value under the core schema, or a decline when it is not plainly text. */
function plainValue(s: string): unknown {
  if (s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  if (SAFE_INT.test(s)) return Number(s);
  if (DECIMAL.test(s)) return Number(s);
  if (NUMBER.test(s)) return no();
  return s;
}

interface Line {
  /** Offset of the line's first character in the text. */
  start: number;
  indent: number;
  /** The line without its indentation (comments not removed). */
  body: string;
}

/** Parses `text` if it is all in the plain subset; null when the library must. */
// Tabs, carriage returns, control characters, NEL, line/paragraph separators and BOMs: what
// YAML may fold, refuse or treat as a break is the library's to judge.
const UNUSUAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

export function fastParse(text: string): FastDoc[] | null {
  if (UNUSUAL.test(text)) return null;
  try {
    return new Reader(text).documents();
  } catch (e) {
    if (e === DECLINE) return null;
    throw e;
  }
}

class Reader {
  private lines: Line[] = [];
  private i = 0;

  constructor(private readonly text: string) {}

  documents(): FastDoc[] {
    const out: FastDoc[] = [];
    let index = 0;
    let seenMarker = false;
    let hasContent = false;
    let group: Line[] = [];
    const flush = () => {
      if (group.length) out.push(this.document(group, index));
      group = [];
    };
    let start = 0;
    const text = this.text;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const raw = text.slice(start, end);
      if (raw.startsWith('---') && (raw.length === 3 || raw[3] === ' ')) {
        const after = spacesOff(raw.slice(3));
        if (after !== '' && !after.startsWith('#')) no();
        // A first `---` with nothing but comments before it opens document 0; any other starts the next.
        if (seenMarker || hasContent) {
          flush();
          index++;
        }
        seenMarker = true;
        hasContent = false;
      } else if (raw.startsWith('...') || raw.startsWith('%')) {
        no();
      } else {
        let indent = 0;
        while (raw.charCodeAt(indent) === 32) indent++;
        const body = raw.slice(indent);
        if (body !== '' && body[0] !== '#') {
          group.push({ start, indent, body });
          hasContent = true;
        }
      }
      if (end === text.length) break;
      start = end + 1;
    }
    flush();
    return out;
  }

  private document(lines: Line[], index: number): FastDoc {
    this.lines = lines;
    this.i = 0;
    const first = lines[0]!;
    if (first.indent !== 0) no();
    const { value, spot } = this.block(0);
    if (this.i < lines.length) no();
    if (!('map' in spot)) no();
    return { index, data: value as Record<string, unknown>, spot };
  }

  /** The block node starting at the current line, whose lines are indented exactly `indent`. */
  private block(indent: number): { value: unknown; spot: Spot } {
    const line = this.lines[this.i]!;
    if (line.indent !== indent) no();
    return isDash(line.body, 0) ? this.sequence(indent, 0) : this.mapping(indent, 0);
  }

  /**
   * A block mapping whose keys sit at column `indent`. The first line's content may begin
   * `offset` characters into its body (a mapping that starts after `- `).
   */
  private mapping(indent: number, offset: number): { value: unknown; spot: Spot } {
    const value: Record<string, unknown> = {};
    const entries = new Map<string, { keyAt: number; value: Spot }>();
    let at = -1;
    let first = true;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      const col = first ? offset : 0;
      if (!first && line.indent !== indent) {
        if (line.indent < indent) break;
        no();
      }
      first = false;
      const body = line.body.slice(col);
      const colon = body.indexOf(':');
      if (colon <= 0) no();
      const key = body.slice(0, colon);
      if (!KEY.test(key) || RESERVED_KEY.test(key) || entries.has(key)) no();
      const keyAt = line.start + line.indent + col;
      if (at < 0) at = keyAt;
      const rest = body.slice(colon + 1);
      if (rest !== '' && rest[0] !== ' ') no();
      const inline = stripComment(rest);
      this.i++;
      if (inline.text !== '') {
        const got = this.inline(inline.text, keyAt + colon + 1 + inline.lead);
        this.noContinuation(indent);
        value[key] = got.value;
        entries.set(key, { keyAt, value: got.spot });
        continue;
      }
      const next = this.lines[this.i];
      if (next && next.indent > indent) {
        const got = this.block(next.indent);
        value[key] = got.value;
        entries.set(key, { keyAt, value: got.spot });
      } else if (next && next.indent === indent && isDash(next.body, 0)) {
        const got = this.sequence(indent, 0);
        value[key] = got.value;
        entries.set(key, { keyAt, value: got.spot });
      } else no(); // an empty value: the library says where it is
    }
    return { value, spot: { at, map: entries } };
  }

  /** A block sequence whose dashes sit at column `indent` (+ `offset` on its first line). */
  private sequence(indent: number, offset: number): { value: unknown; spot: Spot } {
    const value: unknown[] = [];
    const items: Spot[] = [];
    let at = -1;
    let first = true;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      const col = first ? offset : 0;
      if (!first && (line.indent !== indent || !isDash(line.body, 0))) {
        if (line.indent <= indent) break;
        no();
      }
      first = false;
      const body = line.body.slice(col);
      const dashAt = line.start + line.indent + col;
      if (at < 0) at = dashAt;
      let k = 1;
      while (body[k] === ' ') k++;
      if (k === 1 || k >= body.length || body[k] === '#') no();
      const rest = body.slice(k);
      const itemCol = line.indent + col + k;
      if (isDash(rest, 0)) no();
      const colon = rest.indexOf(':');
      if (colon > 0 && KEY.test(rest.slice(0, colon)) && (rest.length === colon + 1 || rest[colon + 1] === ' ')) {
        // `- key: value` and the keys below it: a mapping at the item's column.
        const got = this.mapping(itemCol, col + k);
        value.push(got.value);
        items.push(got.spot);
        continue;
      }
      const inline = stripComment(' ' + rest);
      const got = this.inline(inline.text, dashAt + k - 1 + inline.lead);
      this.i++;
      this.noContinuation(indent);
      value.push(got.value);
      items.push(got.spot);
    }
    return { value, spot: { at, seq: items } };
  }

  /** A line more indented than a scalar's parent would continue the scalar: not in the subset. */
  private noContinuation(indent: number): void {
    const next = this.lines[this.i];
    if (next && next.indent > indent) no();
  }

  /** A value written on its key's or dash's line: flow collection, quoted or plain scalar. */
  private inline(s: string, at: number): { value: unknown; spot: Spot } {
    const c = s[0]!;
    if (c === '[' || c === '{') {
      const flow = new Flow(s, at);
      const got = flow.node();
      flow.end();
      return got;
    }
    if (c === '"' || c === "'") {
      const q = quoted(s, 0);
      if (q.end !== s.length) no();
      return { value: q.value, spot: { at } };
    }
    if ('&*!|>%@`?:-,]}#'.includes(c)) no();
    if (s.includes(': ') || s.endsWith(':')) no();
    return { value: plainValue(s), spot: { at } };
  }
}

/**
 * `s` without spaces at either end. Only the space: YAML's white space is space and tab (tabs
 * never get here), while String.prototype.trim would also take no-break and ideographic
 * spaces, which YAML keeps as text.
 */
function spacesOff(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return s.slice(a, b);
}

function isDash(body: string, at: number): boolean {
  return body[at] === '-' && (body.length === at + 1 || body[at + 1] === ' ');
}

/** The value text after `key:` or `- ` without its comment, and how far in it starts. */
function stripComment(rest: string): { text: string; lead: number } {
  let lead = 0;
  while (rest[lead] === ' ') lead++;
  let s = rest.slice(lead);
  if (s[0] === '#') return { text: '', lead };
  if (s[0] !== '"' && s[0] !== "'") {
    const hash = s.indexOf(' #');
    if (hash >= 0) s = s.slice(0, hash);
  } else {
    const q = quoted(s, 0);
    const after = s.slice(q.end);
    if (after !== '' && !/^ +(?:#.*)?$/.test(after)) no();
    s = s.slice(0, q.end);
  }
  return { text: spacesOff(s), lead };
}

/** A one-line quoted scalar starting at `from`: its value and where it ends. */
function quoted(s: string, from: number): { value: string; end: number } {
  const q = s[from];
  if (q === "'") {
    let k = from + 1;
    let out = '';
    for (;;) {
      const close = s.indexOf("'", k);
      if (close < 0) no();
      out += s.slice(k, close);
      if (s[close + 1] === "'") {
        out += "'";
        k = close + 2;
        continue;
      }
      return { value: out, end: close + 1 };
    }
  }
  let k = from + 1;
  for (;;) {
    const close = s.indexOf('"', k);
    if (close < 0) no();
    let slashes = 0;
    for (let b = close - 1; b > from && s[b] === '\\'; b--) slashes++;
    if (slashes % 2 === 1) {
      k = close + 1;
      continue;
    }
    const inner = s.slice(from + 1, close);
    // Escapes JSON shares with YAML read the same; any other escape is the library's.
    if (inner.includes('\\') && inner.replace(JSON_ESCAPES, '').includes('\\')) no();
    let value: string;
    try {
      value = JSON.parse(`"${inner}"`) as string;
    } catch {
      return no();
    }
    // Line breaks, tabs and other controls inside quotes fold or need escapes: not plain.
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(inner)) no();
    return { value, end: close + 1 };
  }
}

/** One line of flow collections: `[a, b]`, `{ k: v }`, nested. */
class Flow {
  private k = 0;

  constructor(
    private readonly s: string,
    private readonly base: number,
  ) {}

  end(): void {
    this.space();
    if (this.k !== this.s.length) no();
  }

  private space(): void {
    while (this.s[this.k] === ' ') this.k++;
  }

  node(): { value: unknown; spot: Spot } {
    this.space();
    const c = this.s[this.k];
    const at = this.base + this.k;
    if (c === '[') return this.sequence(at);
    if (c === '{') return this.mapping(at);
    if (c === '"' || c === "'") {
      const q = quoted(this.s, this.k);
      this.k = q.end;
      return { value: q.value, spot: { at } };
    }
    return this.plain(at);
  }

  private sequence(at: number): { value: unknown; spot: Spot } {
    this.k++;
    const value: unknown[] = [];
    const items: Spot[] = [];
    this.space();
    if (this.s[this.k] === ']') {
      this.k++;
      return { value, spot: { at, seq: items } };
    }
    for (;;) {
      const got = this.node();
      value.push(got.value);
      items.push(got.spot);
      this.space();
      const d = this.s[this.k++];
      if (d === ']') return { value, spot: { at, seq: items } };
      if (d !== ',') no();
      this.space();
      if (this.s[this.k] === ']') no(); // a trailing comma
    }
  }

  private mapping(at: number): { value: unknown; spot: Spot } {
    this.k++;
    const value: Record<string, unknown> = {};
    const entries = new Map<string, { keyAt: number; value: Spot }>();
    this.space();
    if (this.s[this.k] === '}') {
      this.k++;
      return { value, spot: { at, map: entries } };
    }
    for (;;) {
      this.space();
      const keyAt = this.base + this.k;
      const colon = this.s.indexOf(':', this.k);
      if (colon < 0) no();
      const key = this.s.slice(this.k, colon);
      if (!KEY.test(key) || RESERVED_KEY.test(key) || entries.has(key)) no();
      this.k = colon + 1;
      if (this.s[this.k] !== ' ') no();
      const got = this.node();
      value[key] = got.value;
      entries.set(key, { keyAt, value: got.spot });
      this.space();
      const d = this.s[this.k++];
      if (d === '}') return { value, spot: { at, map: entries } };
      if (d !== ',') no();
      this.space();
      if (this.s[this.k] === '}') no();
    }
  }

  /** A plain scalar in flow: up to `,`, `]`, `}` or `: `; never empty, no indicators. */
  private plain(at: number): { value: unknown; spot: Spot } {
    let e = this.k;
    while (
      e < this.s.length &&
      !',[]{}'.includes(this.s[e]!) &&
      !(this.s[e] === ':' && this.s[e + 1] === ' ') &&
      !(this.s[e] === ' ' && this.s[e + 1] === '#')
    )
      e++;
    const raw = spacesOff(this.s.slice(this.k, e));
    if (raw === '' || '&*!|>%@`?:-#\'"'.includes(raw[0]!) || raw.includes(':') || raw.includes('#')) no();
    this.k = this.k + raw.length;
    return { value: plainValue(raw), spot: { at } };
  }
}

/** Offset of the key or value at `path` from a document's spots; the nearest ancestor otherwise. */
export function locateSpot(spot: Spot, path: readonly (string | number)[], want: 'key' | 'value' = 'value'): number {
  let node: Spot | undefined = spot;
  let offset = spot.at;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (node && 'map' in node) {
      const entry = node.map.get(String(seg));
      if (!entry) return offset;
      if (last && want === 'key') return entry.keyAt;
      node = entry.value;
      offset = entry.value.at;
    } else if (node && 'seq' in node) {
      const item: Spot | undefined = node.seq[Number(seg)];
      if (!item) return offset;
      node = item;
      offset = item.at;
    } else return offset;
  }
  return offset;
}
