// The one place where text offsets become 1-based line and column numbers.

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(text: string) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.starts = starts;
  }

  /** Line and column (1-based) of a 0-based UTF-16 offset into the text. */
  position(offset: number): Position {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }

  /** The offset of a 1-based line and column (the inverse of position). */
  offsetOf(line: number, column: number): number {
    return (this.starts[Math.max(0, Math.min(line, this.starts.length) - 1)] as number) + column - 1;
  }
}
