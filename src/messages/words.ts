// How values are put into sentences in each language: quotes, lists, plurals, and values cut
// short so a 10 MB string never becomes a 10 MB message.

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** A word or phrase in both languages. */
export interface Both {
  en: string;
  zh: string;
}

/** Values in messages are cut at 40 characters (not UTF-16 units). */
export function show(value: unknown): string {
  const s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const chars = Array.from(s);
  return chars.length > 40 ? chars.slice(0, 40).join('') + '…' : s;
}

/** A value quoted as the language quotes it: "x" in English, “x” in Chinese. */
export function q(value: unknown, lang: Lang): string {
  const s = show(value);
  return lang === 'zh-CN' ? `“${s.replace(/“/g, '‘').replace(/”/g, '’')}”` : `"${s}"`;
}

/** Items joined as the language lists them: a, b, c / a、b、c. */
export function list(items: readonly string[], lang: Lang): string {
  return items.join(lang === 'zh-CN' ? '、' : ', ');
}

/** "1 error", "2 errors"; `plural` when the word does not just take an s. */
export function count(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}

/** Whether a text holds CJK characters (the writer used Chinese, so suggestions are in Chinese). */
export function hasCjk(s: string): boolean {
  return /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(s);
}

/** The word of `b` in `lang`. */
export function pick(b: Both, lang: Lang): string {
  return lang === 'zh-CN' ? b.zh : b.en;
}
