// What stands where a message, the report or a feedback sheet leaves out an ID or phone number.
import { removePersonal, removePersonalIn } from '../personal/remove.js';
import { pick, type Both, type Lang } from './words.js';

export const REMOVED: Both = { en: '[removed]', zh: '〔已隐去〕' };

/** Free text with every ID and phone number removed. */
export function withoutPersonal(text: string, lang: Lang): string {
  return removePersonal(text, pick(REMOVED, lang));
}

/** A message's data with every ID and phone number removed from its strings, before it is worded. */
export function withoutPersonalIn<T>(data: T, lang: Lang): T {
  return removePersonalIn(data, pick(REMOVED, lang));
}
