// Values that go into a Markdown report: user text must not turn into Markdown syntax (a `|`
// would split a table cell, a leading `#` would make a heading, `<` could open html).
const SPECIAL = /[\\`*_[\]<>|#]/g;

export function escapeMarkdown(s: string): string {
  return s.replace(/\r\n|\r|\n/g, ' ').replace(SPECIAL, (c) => `\\${c}`);
}

/** A copy of `value` with every string escaped; keys listed in `raw` are kept as they are. */
export function escapeStrings<T>(value: T, raw: ReadonlySet<string> = new Set()): T {
  if (typeof value === 'string') return escapeMarkdown(value) as T;
  if (Array.isArray(value)) return value.map((v) => escapeStrings(v, raw)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = raw.has(k) ? v : escapeStrings(v, raw);
    return out as T;
  }
  return value;
}

/** Inline Markdown the report templates use: **bold** and backslash escapes. */
export function inlineRuns(text: string): { text: string; bold: boolean }[] {
  const runs: { text: string; bold: boolean }[] = [];
  let bold = false;
  let buf = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < text.length) {
      buf += text[++i];
    } else if (c === '*' && text[i + 1] === '*') {
      if (buf) runs.push({ text: buf, bold });
      buf = '';
      bold = !bold;
      i++;
    } else {
      buf += c;
    }
  }
  if (buf) runs.push({ text: buf, bold });
  return runs;
}
