import { describe, expect, it } from 'vitest';
import { checkPhone } from './phone.js';
import { maskIdNumber, maskPhone, PERSONAL_PATTERNS, redactText } from './mask.js';

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
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('0371-12345678')).toBe('0371-****5678');
    expect(maskIdNumber('12345')).toBe('*2345');
  });
  it('redacts numbers inside Chinese free text, and leaves other digits alone', () => {
    const text = '请联系13800138000王先生，身份证110101195001011239，电话0371-12345678；共12户，2014年5月。';
    const out = redactText(text);
    expect(out).toBe('请联系138****8000王先生，身份证110101********1239，电话0371-****5678；共12户，2014年5月。');
    for (const re of PERSONAL_PATTERNS) expect(out.match(new RegExp(re.source, 'g'))).toBeNull();
  });
});
