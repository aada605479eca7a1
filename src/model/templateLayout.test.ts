// The workbook layout is the record specs seen as sheets: every field a column somewhere, every
// list of objects a part sheet, every key unique, so a field added to spec.ts is a column of
// the next template without anyone writing one.
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, RECORD_SPECS, type Spec } from '../schema/spec.js';
import { columnKey, columnLetter, splitKey, templateLayout } from './templateLayout.js';

/** Every leaf path of a spec (lists of values are leaves; lists of objects are walked into). */
function leaves(spec: Spec, prefix: string[] = []): string[] {
  if (spec.t === 'object') return Object.entries(spec.props).flatMap(([k, s]) => leaves(s, [...prefix, k]));
  if (spec.t === 'list' && spec.item.t === 'object') return leaves(spec.item, [...prefix, '[]']);
  return [prefix.join('.')];
}

describe('templateLayout', () => {
  it('has a column for every field of every kind (the kind itself is the sheet)', () => {
    for (const kind of RECORD_KINDS) {
      const sheets = templateLayout().filter((s) => s.kind === kind);
      const have = sheets.flatMap((s) =>
        s.columns.filter((c) => c.role !== 'parent').map((c) => (s.part ? `${s.part}.[].${c.key}` : c.key)),
      );
      expect(have.sort(), kind).toEqual(
        leaves(RECORD_SPECS[kind])
          .filter((p) => p !== 'kind')
          .sort(),
      );
    }
  });

  it('puts lists of objects on part sheets keyed by the parent id, first', () => {
    expect(
      templateLayout()
        .filter((s) => s.part)
        .map((s) => s.key),
    ).toEqual(['visit.audiences', 'stability.parties', 'hardship.assistance']);
    for (const s of templateLayout()) {
      expect(s.columns[0]!.role, s.key).toBe(s.part ? 'parent' : 'id');
      const keys = s.columns.map((c) => columnKey(s, c));
      expect(new Set(keys).size).toBe(keys.length);
      for (const k of keys) expect(splitKey(k)).toEqual({ sheet: s.key, column: k.slice(s.key.length + 1) });
    }
  });

  it('marks required what the spec requires all the way down', () => {
    const opinion = templateLayout().find((s) => s.key === 'opinion')!;
    const req = (k: string) => opinion.columns.find((c) => c.key === k)!.required;
    expect([req('source.kind'), req('source.name'), req('rectification.measure'), req('content')]).toEqual([true, false, false, true]);
  });

  it('letters columns as spreadsheets do', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(splitKey('visit/id')).toEqual({ sheet: 'visit', column: 'id' });
    expect([splitKey('备注'), splitKey(3), splitKey('visit/')]).toEqual([null, null, null]);
  });
});
