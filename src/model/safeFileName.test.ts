import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, safeFileName } from './safeFileName.js';

describe('safeFileName', () => {
  it('replaces what file systems refuse, removes what XML cannot hold, masks personal numbers', () => {
    expect(safeFileName('a/b:c*\td', '.xlsx')).toBe('a_b_c__d.xlsx');
    expect(safeFileName('第二组\uFFFE\u0001\uD800（法律援助）', '.xlsx')).toBe('第二组（法律援助）.xlsx');
    expect(safeFileName('王 13812345678', '.yaml')).toBe('王 138____5678.yaml');
    expect(safeFileName(' ..\u0007 ', '.md')).toBe('ledger.md');
  });

  it('cuts at a character so the name with its suffix stays within the limit', () => {
    const name = safeFileName('第二组'.repeat(100), '-2014-05-24.xlsx');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(name).toMatch(/^(第二组)+(第二?)?-2014-05-24\.xlsx$/);
    expect(name).not.toContain('\uFFFD');
  });
});
