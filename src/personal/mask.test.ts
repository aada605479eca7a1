import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonal } from './find.js';
import { idCheckChar } from './idNumber.js';
import { maskIdNumber, maskPhone, redactText } from './mask.js';
import { checkPhone } from './phone.js';

describe('phones', () => {
  it('accepts mobiles and landlines with area code', () => {
    for (const ok of ['13800138000', '19912345678', '0371-12345678', '010-1234567', '0371 12345678', '(0371)12345678', '0371-12345678-801'])
      expect(checkPhone(ok), ok).toBe(true);
    for (const bad of ['12800138000', '1380013800', '138001380001', '12345678', '0371-123', 'call me'])
      expect(checkPhone(bad), bad).toBe(false);
  });
});

describe('masking', () => {
  it('masks as FORMAT.md shows', () => {
    expect(maskIdNumber('110101195001011234')).toBe('110101********1234');
    expect(maskIdNumber('110101500101123')).toBe('110101******123');
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('0371-12345678')).toBe('0371-****5678');
    expect(maskIdNumber('12345')).toBe('*2345');
  });

  it('redacts numbers inside Chinese free text, and leaves other digits alone', () => {
    const text = '请联系13800138000王先生，身份证110101195001011239，电话0371-12345678；共12户，2014年5月。';
    expect(redactText(text)).toBe('请联系138****8000王先生，身份证110101********1239，电话0371****5678；共12户，2014年5月。');
  });

  it('finds the spellings people type', () => {
    const spellings = [
      '+8613812345678',
      '+86 138 1234 5678',
      '138 1234 5678',
      '138-1234-5678',
      '１３８１２３４５６７８',
      '110101 19500101 1239',
      '110101-19500101-1239',
      '１１０１０１１９５００１０１１２３９',
      '(0371)67888443',
      '（0371）67888443',
      '0371 67888443',
      '0371-6788-8443',
      '110101500101123',
    ];
    for (const s of spellings) {
      const found = findPersonal(`电话：${s}，谢谢`);
      expect(found, s).toHaveLength(1);
      expect(findPersonal(redactText(`电话：${s}，谢谢`)), s).toEqual([]);
    }
    for (const harmless of ['共12户38人', '2014-05-24', '2014年5月24日', '第3次', '编号 320102-2014-0001'])
      expect(findPersonal(harmless), harmless).toEqual([]);
  });
});

/** A mobile or an ID number, and a way of writing it. */
const mobile = fc.tuple(fc.constantFrom(...'3456789'), fc.stringMatching(/^\d{9}$/)).map(([b, rest]) => `1${b}${rest}`);
const idNumber = fc
  .tuple(
    fc.integer({ min: 110000, max: 659999 }),
    fc.date({ min: new Date(Date.UTC(1930, 0, 1)), max: new Date(Date.UTC(2010, 0, 1)), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([area, d, seq]) => {
    const first = `${area}${d.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
    return first + idCheckChar(first);
  });
const spelled = (digits: string) =>
  fc.tuple(fc.constantFrom('', ' ', '-'), fc.boolean(), fc.constantFrom('', '+86', '+86 ')).map(([sep, wide, prefix]) => {
    let s =
      digits.length === 11
        ? `${prefix}${digits.slice(0, 3)}${sep}${digits.slice(3, 7)}${sep}${digits.slice(7)}`
        : `${digits.slice(0, 6)}${sep}${digits.slice(6, 14)}${sep}${digits.slice(14)}`;
    if (wide) s = s.replace(/\d/g, (c) => String.fromCharCode(0xff10 + Number(c)));
    return s;
  });
const prose = fc.constantFrom('群众反映：', '请联系', '，', '。他说', '身份证', '电话 ', '');

describe('personal numbers in any spelling never survive (property)', () => {
  it('--redact masks them and the report removes them, wherever they stand in the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(mobile, idNumber).chain((d) => fc.tuple(fc.constant(d), spelled(d), prose, prose)),
        ([digits, written, before, after]) => {
          const text = `${before}${written}${after}`;
          const redacted = redactText(text);
          const ascii = redacted.replace(/[\uff10-\uff19]/g, (c) => String(c.charCodeAt(0) - 0xff10)).replace(/[^\d]/g, '');
          // What is left of the number: the first 6 and last 4 of an ID, the first 3 and last 4 of a mobile.
          expect(ascii.length).toBeLessThanOrEqual(digits.length === 18 ? 10 : 7);
          expect(ascii).not.toContain(digits);
          expect(findPersonal(redacted)).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
