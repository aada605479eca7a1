import { describe, expect, it } from 'vitest';
import { personalFieldName } from './fields.js';
import { RECORD_SPECS } from './spec.js';

describe('personalFieldName', () => {
  it('names whose number it is, with the item of a list', () => {
    expect(personalFieldName(RECORD_SPECS.appeal, ['appellant', 'id_number'])).toEqual({
      en: 'appellant.id_number',
      zh: '诉求人的身份证号码',
    });
    expect(personalFieldName(RECORD_SPECS.stability, ['parties', 1, 'phone'])).toEqual({
      en: 'parties[2].phone',
      zh: '第2个当事人的联系电话',
    });
    expect(personalFieldName(RECORD_SPECS.opinion, ['source', 'phone']).zh).toBe('意见提出人的联系电话');
  });
});
