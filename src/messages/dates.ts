// Dates in prose as an official document writes them: 2014年5月24日 in Chinese, 24 May 2014
// in English. Tables may keep the compact YYYY-MM-DD.
import type { Lang } from './words.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function zhDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

export function enDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}

export function proseDate(iso: string, lang: Lang): string {
  return lang === 'zh-CN' ? zhDate(iso) : enDate(iso);
}

/** Month and day, where the year goes without saying (a photo's caption): 4月15日, 15 April. */
export function monthDay(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return lang === 'zh-CN' ? `${Number(m[2])}月${Number(m[3])}日` : `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]}`;
}
