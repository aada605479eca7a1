// Short names of the record kinds for table headers.
import type { RecordKind } from '../schema/spec.js';

export const KIND_SHORT: Readonly<Record<RecordKind, { en: string; zh: string }>> = {
  visit: { en: 'visit', zh: '活动' },
  opinion: { en: 'opinion', zh: '意见' },
  info: { en: 'info', zh: '民情' },
  appeal: { en: 'appeal', zh: '诉求' },
  stability: { en: 'stability', zh: '维稳' },
  hardship: { en: 'hardship', zh: '困难' },
};
