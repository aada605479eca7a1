// How deeply a text nests, measured in one pass without recursion: a record nests a few
// levels, so a file nesting a hundred is refused as its own error before any parser (which
// would recurse once per level) sees it. Three ways to nest: flow brackets, indented lines,
// and block indicators side by side on one line (`- - - x`, `? ? x`), each opening a level.

export const MAX_DEPTH = 64;

/** A line's block indicators ("- ", "? ", ": " after its indentation) and where its content starts. */
function indicators(text: string, start: number, end: number): { markers: number[]; content: number } {
  const markers: number[] = [];
  let i = start;
  for (;;) {
    while (i < end && text[i] === ' ') i++;
    const c = text[i];
    const after = i + 1 === end || text[i + 1] === ' ' || text[i + 1] === '\t';
    if (i >= end || (c !== '-' && c !== '?' && c !== ':') || !after) return { markers, content: i };
    markers.push(i++);
  }
}

/** The offset on this line where flow brackets pass `limit`, or -1; and the flow depth after it. */
function flowDepth(text: string, from: number, end: number, limit: number, depth: number): { at: number; depth: number } {
  let quote = '';
  for (let k = from; k < end; k++) {
    const c = text[k]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (k === from || text[k - 1] === ' ')) break;
    else if (c === '[' || c === '{') {
      if (++depth > limit) return { at: k, depth };
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return { at: -1, depth };
}

/** The offset where nesting first passes `limit` (flow brackets, indentation or indicators), or -1. */
export function tooDeepAt(text: string, limit = MAX_DEPTH): number {
  const indents: number[] = [];
  let flow = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const { markers, content } = indicators(text, start, end);
    if (content < end && text[content] !== '#' && flow === 0) {
      // The first indicator and the content after it are one level, as on a line of their own;
      // each further indicator opens one more, at its own column.
      const levels = [...markers.slice(1), content].map((at) => at - start);
      while (indents.length && indents[indents.length - 1]! >= levels[0]!) indents.pop();
      for (const column of levels) {
        indents.push(column);
        if (indents.length > limit) return markers.length > 1 ? start + column : start;
      }
    }
    const scan = flowDepth(text, content, end, limit, flow);
    if (scan.at >= 0) return scan.at;
    flow = scan.depth;
    if (end === text.length) break;
    start = end + 1;
  }
  return -1;
}
