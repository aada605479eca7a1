import { describe, expect, it } from 'vitest';
import { removePersonal, removePersonalIn } from './remove.js';

describe('removePersonal', () => {
  it('leaves no digit of an ID or phone number, in any spelling', () => {
    expect(removePersonal('请回电 138 0013 8000，身份证 110101195001011239。', '〔已隐去〕')).toBe(
      '请回电 〔已隐去〕，身份证 〔已隐去〕。',
    );
    expect(removePersonal('(0371)67888443 或 ＋86-138-0013-8000', '[removed]')).toBe('[removed] 或 [removed]');
    expect(removePersonal('2014年5月22日，第12行，共3800人', 'x')).toBe('2014年5月22日，第12行，共3800人');
  });

  it('cleans every string inside a message’s data, and returns the very object when there is nothing to clean', () => {
    const data = { value: '13800138000', others: [{ name: '张三', note: '电话0371-67888443' }], n: 3 };
    expect(removePersonalIn(data, 'x')).toEqual({ value: 'x', others: [{ name: '张三', note: '电话x' }], n: 3 });
    expect(data.value).toBe('13800138000');
    const clean = { value: '南湖社区', list: ['a'] };
    expect(removePersonalIn(clean, 'x')).toBe(clean);
  });
});
