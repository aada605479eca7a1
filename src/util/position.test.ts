import { describe, expect, it } from 'vitest';
import { LineIndex } from './position.js';

describe('LineIndex', () => {
  it('gives 1-based lines and columns, CJK counting one column each', () => {
    const idx = new LineIndex('kind: visit\nplace: 幸福社区\r\nx: 1');
    expect(idx.position(0)).toEqual({ line: 1, column: 1 });
    expect(idx.position(12)).toEqual({ line: 2, column: 1 });
    expect(idx.position(19)).toEqual({ line: 2, column: 8 });
    expect(idx.position(25)).toEqual({ line: 3, column: 1 });
  });
  it('an offset at the very end is on the last line', () => {
    expect(new LineIndex('a\n').position(2)).toEqual({ line: 2, column: 1 });
  });
});
