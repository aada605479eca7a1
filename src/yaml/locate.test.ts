import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../util/position.js';
import { locate } from './locate.js';

const text = 'kind: opinion\nsource:\n  kind: masses\n  phone: "138"\nlist: [a, b]\n';
const doc = parseDocument(text);
const at = (o: number) => new LineIndex(text).position(o);

describe('locate', () => {
  it('points at a nested value, or at its key', () => {
    expect(at(locate(doc, ['source', 'phone']))).toEqual({ line: 4, column: 10 });
    expect(at(locate(doc, ['source', 'phone'], 'key'))).toEqual({ line: 4, column: 3 });
  });
  it('indexes into sequences', () => {
    expect(at(locate(doc, ['list', 1]))).toEqual({ line: 5, column: 11 });
  });
  it('falls back to the nearest existing ancestor', () => {
    expect(at(locate(doc, ['source', 'missing']))).toEqual({ line: 3, column: 3 });
    expect(at(locate(doc, ['nope']))).toEqual({ line: 1, column: 1 });
  });
});
