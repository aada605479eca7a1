// What stands where a message, the report or a feedback sheet leaves out an ID or phone number.
import { removePersonal, removePersonalIn } from '../personal/remove.js';
import { mapStrings } from '../util/mapStrings.js';
import { pick, type Both, type Lang } from './words.js';

export const REMOVED: Both = { en: '[removed]', zh: '〔已隐去〕' };

/** Free text with every ID and phone number removed. */
export function withoutPersonal(text: string, lang: Lang): string {
  return removePersonal(text, pick(REMOVED, lang));
}

/**
 * A message's data with every ID and phone number removed from its strings, before it is worded.
 * Data removed from where the diagnostic was made (removedFrom) holds the Chinese word, shown in
 * the reader's language here.
 */
export function withoutPersonalIn<T>(data: T, lang: Lang): T {
  if (lang === 'zh-CN') return removePersonalIn(data, REMOVED.zh);
  return mapStrings(data, (s) => {
    const clean = withoutPersonal(s, lang);
    return clean.includes(REMOVED.zh) ? clean.split(REMOVED.zh).join(REMOVED.en) : clean;
  });
}

/** A diagnostic's data as it is kept (cached, quoted by feedback): no ID or phone number in it, not even in part. */
export function removedFrom<T>(data: T): T {
  return removePersonalIn(data, REMOVED.zh);
}
