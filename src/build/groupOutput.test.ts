import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestedValue } from '../../tests/helpers/arbitraries.js';
import { chunkOf } from './groupOutput.js';

const scalar = fc.oneof(
  fc.string(),
  fc.constantFrom('- 列表', 'a: b', '"引号"', '多行\n文本', '', 'null', '2014-05-01'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = nestedValue(scalar, fc.string({ maxLength: 4 }));
const record = fc.record({ id: fc.string({ maxLength: 3 }), date: fc.constantFrom('2014-04-01', '2014-04-02'), data: value });

describe('a group chunk built with the last merge’s chunk', () => {
  it('is the same bytes as one built afresh, whatever changed (property)', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), fc.array(record, { maxLength: 8 }), fc.array(fc.nat(7)), (before, added, kept) => {
        const old = chunkOf(before);
        const now = [...kept.filter((k) => k < before.length).map((k) => before[k]!), ...added];
        const previous = { json: old.json.toString('utf8'), yaml: old.yaml };
        const fresh = chunkOf(now);
        const reused = chunkOf(now, previous);
        expect(reused.yaml.toString('utf8')).toBe(fresh.yaml.toString('utf8'));
        expect(reused.json.toString('utf8')).toBe(fresh.json.toString('utf8'));
        expect(reused.jsonHash).toBe(fresh.jsonHash);
      }),
      { numRuns: 300 },
    );
  });

  it('takes the YAML of the records whose JSON did not change, and writes a non-finite number afresh', () => {
    const a = { id: 'o1', date: '2014-04-01', x: 1 };
    const b = { id: 'o2', date: '2014-04-01', x: null };
    // Marked YAML for a: taken as it is (the chunk is cut per record, never re-emitted).
    const previous = {
      json: [a, b].map((r) => JSON.stringify(r)).join(',\n'),
      yaml: Buffer.from('- id: o1\n  date: "2014-04-01"\n  x: 1 # kept\n- id: o2\n  date: "2014-04-01"\n  x: null\n'),
    };
    expect(chunkOf([a], previous).yaml.toString()).toBe('- id: o1\n  date: "2014-04-01"\n  x: 1 # kept\n');
    // JSON says null for Infinity: the record is emitted, not taken for b.
    expect(chunkOf([{ ...b, x: Infinity }], previous).yaml.toString()).toBe('- id: o2\n  date: "2014-04-01"\n  x: .inf\n');
    // A previous chunk that does not cut into its records is not used.
    expect(chunkOf([a], { json: previous.json, yaml: Buffer.from('- id: o1\n') }).yaml.toString()).toBe(chunkOf([a]).yaml.toString());
    // The piece's JSON: one record a line, as JSON.parse reads it in brackets.
    expect(JSON.parse(`[${chunkOf([a, b]).json.toString()}]`)).toEqual([a, b]);
  });
});
