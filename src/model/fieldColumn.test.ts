import { describe, expect, it } from 'vitest';
import { fieldColumn } from './fieldColumn.js';
import { columnLetter, templateLayout } from './templateLayout.js';

/** The letter of a column of a kind's main sheet, looked up by its key. */
const letterOf = (kind: string, key: string) =>
  columnLetter(
    (templateLayout()
      .find((s) => s.key === kind)
      ?.columns.findIndex((c) => c.key === key) ?? -2) + 1,
  );

describe('fieldColumn', () => {
  it('finds the column of a field, of an item of a one-cell list, and of a field inside an object', () => {
    expect(fieldColumn('visit', '/id')).toBe('A');
    expect(fieldColumn('visit', '/participants/1')).toBe(letterOf('visit', 'participants'));
    expect(fieldColumn('opinion', '/collected_by')).toBe(letterOf('opinion', 'collected_by'));
    expect(fieldColumn('opinion', '/rectification/due')).toBe(letterOf('opinion', 'rectification.due'));
  });

  it('a missing group of fields is its first column; the record, its kind and items of a part sheet have none', () => {
    expect(fieldColumn('opinion', '/rectification')).toBe(letterOf('opinion', 'rectification.measure'));
    expect(fieldColumn('visit', '')).toBeUndefined();
    expect(fieldColumn('visit', '/kind')).toBeUndefined();
    expect(fieldColumn('visit', '/audiences/0/count')).toBeUndefined();
    expect(fieldColumn('visit', '/no_such_field')).toBeUndefined();
  });
});
