// Terminal columns, not string length: a CJK character takes two, so tables of Chinese group
// names line up.
import stringWidth from 'string-width';

export function displayWidth(s: string): number {
  return stringWidth(s);
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** Cuts to at most `width` columns, ending with '…' when cut; never splits a character. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

/** Aligned columns; the first row is the header, underlined. */
export function renderTable(rows: string[][], opts: { align?: ('left' | 'right')[]; gap?: number } = {}): string {
  const gap = ' '.repeat(opts.gap ?? 2);
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (opts.align?.[i] === 'right' ? padStart(cell, widths[i] ?? 0) : padEnd(cell, widths[i] ?? 0)))
      .join(gap)
      .trimEnd();
  const [header, ...body] = rows;
  if (!header) return '';
  const rule = widths.map((w) => '─'.repeat(w)).join(gap);
  return [line(header), rule, ...body.map(line)].join('\n');
}
