import { describe, expect, it } from 'vitest';
import { mapStrings } from './mapStrings.js';

describe('mapStrings', () => {
  it('rewrites every string and keeps what it did not change as the same object', () => {
    const kept = { n: 1, list: ['x'] };
    const data = { a: 'call 1', kept, deep: [{ b: 'call 2' }] };
    const out = mapStrings(data, (s) => s.replace('call', 'CALL'));
    expect(out).toEqual({ a: 'CALL 1', kept: { n: 1, list: ['x'] }, deep: [{ b: 'CALL 2' }] });
    expect(out.kept).toBe(kept);
    expect(mapStrings(data, (s) => s)).toBe(data);
  });
});
