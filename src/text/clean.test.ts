import { describe, expect, it } from 'vitest';
import { cleanDeep, cleanText } from './clean.js';

describe('cleanText', () => {
  it('removes what XML cannot hold and keeps the rest', () => {
    expect(cleanText('a\uFFFEb\uFFFFc\u0000d\u0007e\tf\ng\r\nh\uFDD0i')).toBe('abcde\tf\ng\r\nhi');
    expect(cleanText('x\ud800y\udc00z')).toBe('xyz');
    expect(cleanText('😀𠀀\u{1FFFE}\u{10FFFF}')).toBe('😀𠀀');
    expect(cleanText('群众反映：会议太多。')).toBe('群众反映：会议太多。');
  });
  it('cleans every string of a nested value', () => {
    expect(cleanDeep({ a: ['x\uFFFE'], b: { c: 'y\uFFFF', n: 1 } })).toEqual({ a: ['x'], b: { c: 'y', n: 1 } });
  });
});
