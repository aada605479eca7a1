import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseReviews } from '../read/loadReviews.js';
import { canonicalJson, recordHash, reviewLedgers, reviewsText, stateOf, type ReviewEntry } from './reviews.js';
import { emptyLedgers } from './ledgers.js';

const record = {
  id: 'g1/o1',
  group: 'g1',
  date: '2014-04-25',
  category: 'formalism',
  source: { kind: 'masses', unit: 'X' },
  origin: { file: 'a.yaml', line: 3 },
};

describe('review hashes and states', () => {
  it('canonical JSON sorts keys at every depth, so key order never changes a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 'x' }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":"x","f":2}]},"b":1}');
    const shuffled = {
      source: { unit: 'X', kind: 'masses' },
      category: 'formalism',
      date: '2014-04-25',
      group: 'g1',
      id: 'g1/o1',
      origin: record.origin,
    };
    expect(recordHash(shuffled)).toBe(recordHash(record));
  });

  it('leaves out where the record was written, not what it says', () => {
    expect(recordHash({ ...record, origin: { file: 'b.yaml', line: 40 } })).toBe(recordHash(record));
    expect(recordHash({ ...record, category: 'hedonism' })).not.toBe(recordHash(record));
  });

  it('approved or returned while the hash matches, changed when not, unreviewed without an entry', () => {
    const entry: ReviewEntry = { id: 'g1/o1', state: 'approved', date: '2014-05-20', sha256: recordHash(record) };
    expect(stateOf(entry, recordHash(record))).toBe('approved');
    expect(stateOf({ ...entry, state: 'returned' }, recordHash(record))).toBe('returned');
    expect(stateOf(entry, recordHash({ ...record, category: 'general' }))).toBe('changed');
    expect(stateOf(entry, null)).toBe('changed');
    expect(stateOf(undefined, recordHash(record))).toBe('unreviewed');
  });

  it('lists the entries whose record is gone', () => {
    const ledgers = emptyLedgers();
    ledgers.opinion.push(record);
    const gone: ReviewEntry = { id: 'g1/o9', state: 'approved', date: '2014-05-20', sha256: 'a'.repeat(64) };
    const r = reviewLedgers(ledgers, [gone]);
    expect(r.records.map((x) => [x.id, x.kind, x.state])).toEqual([['g1/o1', 'opinion', 'unreviewed']]);
    expect(r.removed).toEqual([gone]);
  });

  it('writes reviews.yaml as a commented list that reads back the same', () => {
    const entries: ReviewEntry[] = [
      { id: 'g1/o1', state: 'approved', note: '已核实', date: '2014-05-20', sha256: 'a'.repeat(64) },
      { id: 'g2/a1', state: 'returned', reason: 'due: "no"  # not a comment', date: '2014-05-21', sha256: 'b'.repeat(64) },
    ];
    for (const lang of ['zh-CN', 'en'] as const) {
      const text = reviewsText(entries, lang);
      expect(text.startsWith('# ')).toBe(true);
      expect(parseReviews(text, 'reviews.yaml')).toEqual(entries);
    }
    expect(parseReviews(reviewsText([], 'en'), 'reviews.yaml')).toEqual([]);
  });

  it('refuses a hand edit that breaks an entry, naming its line', () => {
    const text = reviewsText([{ id: 'g1/o1', state: 'approved', date: '2014-05-20', sha256: 'a'.repeat(64) }], 'en').replace(
      /^ {2}state: approved$/m,
      '  state: maybe',
    );
    expect(() => parseReviews(text, 'reviews.yaml')).toThrow(/reviews\.yaml:4: the entry's state is missing or not valid/);
    expect(() => parseReviews('- id: [', 'reviews.yaml')).toThrow(/cannot be read/);
  });

  it('reads what it writes the same way the YAML library does, whatever the text of a reason', () => {
    const entry = (reason: string, note: string): ReviewEntry[] => [
      { id: 'g1/o1', state: 'returned', reason, date: '2014-05-20', sha256: '0'.repeat(64) },
      { id: 'g1/o2', state: 'approved', note, date: '2014-05-21', sha256: 'f'.repeat(64) },
    ];
    const tricky = [
      '123',
      'true',
      'null',
      '- a',
      'a: b',
      'a #b',
      '"q"',
      "'s'",
      ' lead',
      'trail ',
      '~',
      '0x1F',
      '.5',
      '@x',
      '%',
      '是：否',
      '1e3',
      'a\tb',
    ];
    const check = (reason: string, note: string) => {
      const text = reviewsText(entry(reason, note), 'zh-CN');
      const read = parseReviews(text, 'reviews.yaml');
      expect(read).toEqual(entry(reason, note));
      expect(parse(text, { schema: 'core' })).toEqual(read);
    };
    for (const t of tricky) check(t, t);
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => check(a, b)),
      { numRuns: 300 },
    );
  });

  it('reads a hand-written file in another style through the YAML library', () => {
    const text = "- {id: g1/o1, state: approved, date: 2014-05-20, sha256: '" + 'a'.repeat(64) + "'}  # checked\n";
    expect(parseReviews(text, 'reviews.yaml')).toEqual([{ id: 'g1/o1', state: 'approved', date: '2014-05-20', sha256: 'a'.repeat(64) }]);
  });
});
