import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckChar } from './idNumber.js';

const TODAY = '2026-11-24';
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Valid numbers: any area 110000-659999, a real birth date 1900-2013, any sequence. */
const validId = fc
  .record({
    area: fc.integer({ min: 110000, max: 659999 }),
    birth: fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2013, 11, 31)), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ area, birth, seq }) => {
    const d = `${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}`;
    const first17 = `${area}${d}${pad(seq, 3)}`;
    return first17 + idCheckChar(first17);
  });

describe('checkIdNumber (GB 11643)', () => {
  it('accepts every generated valid number', () => {
    fc.assert(
      fc.property(validId, (id) => checkIdNumber(id, TODAY) === null),
      { numRuns: 2000 },
    );
  });

  it('rejects every single-character change of a valid number', () => {
    fc.assert(
      fc.property(validId, fc.nat(17), fc.constantFrom(...'0123456789X'), (id, i, c) => {
        fc.pre(id[i] !== c);
        const changed = id.slice(0, i) + c + id.slice(i + 1);
        expect(checkIdNumber(changed, TODAY)).not.toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('names what is wrong', () => {
    expect(checkIdNumber('110101500101123', TODAY)).toBe('length');
    expect(checkIdNumber('11010119500101123A', TODAY)).toBe('characters');
    expect(checkIdNumber('11010119500230123' + idCheckChar('11010119500230123'), TODAY)).toBe('birth-date');
    expect(checkIdNumber('11010120300101123' + idCheckChar('11010120300101123'), TODAY)).toBe('birth-date');
    expect(checkIdNumber('110101195001011238', TODAY)).toBe('check-digit');
    expect(checkIdNumber('110101195001011239', TODAY)).toBeNull();
    expect(checkIdNumber('11010519491231002x', TODAY)).toBeNull();
  });
});
