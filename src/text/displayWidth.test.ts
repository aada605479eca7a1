import { describe, expect, it } from 'vitest';
import { displayWidth, padEnd, truncate } from './displayWidth.js';

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['河东区司法局', 12],
    ['第一组（组长：李华）', 20],
    ['１２３', 6],
    ['ｱｲｳ', 3],
    ['한국어', 6],
    ['\u3000', 2],
    ['—…·', 3],
    ['✓✗', 2],
    ['é', 1],
    ['e\u0301', 1],
    ['\u200b', 0],
    ['\u00ad', 0],
    ['a\tb', 2],
    ['😀', 2],
    ['⚠\ufe0f', 2],
    ['👨\u200d👩\u200d👧', 2],
    ['🇨🇳', 2],
    ['a\u200db', 2],
    ['𠀀', 2],
  ])('%j is %i columns', (s, w) => {
    expect(displayWidth(s)).toBe(w);
  });

  it('pads and cuts by columns, never inside a character', () => {
    expect(padEnd('组', 4)).toBe('组  ');
    expect(truncate('河东区司法局', 7)).toBe('河东区…');
    expect(truncate('abc', 3)).toBe('abc');
  });
});
