// A text with single characters replaced (by one, several or no characters), and the way back
// from an offset in the new text to the one in the text as written: diagnostics of the repaired
// text must point at what the clerk typed.

export interface Edit {
  at: number;
  /** What replaces the one character of the original at `at`. */
  with: string;
}

export function applyEdits(text: string, edits: Edit[]): { text: string; original(offset: number): number } {
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
  return { text: out, original };
}
