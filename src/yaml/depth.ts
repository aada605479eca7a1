// How deeply a text nests, measured in one pass without recursion: a record nests a few
// levels, so a file nesting a hundred is refused as its own error before any parser (which
// would recurse once per level) sees it.

export const MAX_DEPTH = 64;

/** The offset where nesting first passes `limit` (flow brackets or block indentation), or -1. */
export function tooDeepAt(text: string, limit = MAX_DEPTH): number {
  const indents: number[] = [];
  let flow = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let i = start;
    while (i < end && (text[i] === ' ' || text[i] === '-')) i++;
    if (i < end && text[i] !== '#' && flow === 0) {
      const indent = i - start;
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      if (indents.length > limit) return start;
    }
    let quote = '';
    for (let k = i; k < end; k++) {
      const c = text[k]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (k === start || text[k - 1] === ' ')) break;
      else if (c === '[' || c === '{') {
        if (++flow > limit) return k;
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    if (end === text.length) break;
    start = end + 1;
  }
  return -1;
}
