// A field as people read it: its key, and the zh-CN term the templates, messages, workbook
// headers and schemas all call it by (the term in brackets at the end of its description).
import { isPlainObject } from './normalize.js';
import type { Spec } from './spec.js';
import { VOCABULARIES, zhLabel } from './vocab.js';

export interface FieldName {
  en: string;
  zh: string;
}

/** The spec of the value at `path` (list indexes step into items), or undefined. */
export function specAt(root: Spec, path: readonly (string | number)[]): Spec | undefined {
  let spec: Spec | undefined = root;
  for (const seg of path) {
    if (!spec) return undefined;
    if (spec.t === 'list') spec = spec.item;
    else if (spec.t === 'object') spec = Object.hasOwn(spec.props, String(seg)) ? spec.props[String(seg)] : undefined;
    else return undefined;
  }
  return spec;
}

/** The zh-CN term of a spec: the last bracketed words of its description ("… quoted (联系电话). Personal data."). */
export function termOf(spec: Spec | undefined): string | undefined {
  const m = spec ? /\(([^()]*)\)[^()]*$/.exec(spec.d) : null;
  return m?.[1];
}

/** The field at `path` by its key (the last named step) and its zh-CN term. */
export function fieldName(root: Spec, path: readonly (string | number)[]): FieldName {
  const named = [...path].reverse().find((p) => typeof p === 'string' && !/^\d+$/.test(p));
  const key = named === undefined ? 'value' : String(named);
  // A list item's term is the list's own (e.g. methods → 工作方式).
  let spec = specAt(root, path);
  if (spec && typeof path[path.length - 1] === 'number') spec = specAt(root, path.slice(0, -1)) ?? spec;
  return { en: key, zh: termOf(spec) ?? key };
}

/** The codes of a code field with their zh-CN labels, in the code list's order. */
export function choicesOf(spec: Spec | undefined): { en: string; zh: string }[] | undefined {
  if (spec?.t === 'code') return VOCABULARIES[spec.vocab].map((t) => ({ en: t.code, zh: zhLabel(t) }));
  if (spec?.t === 'const') {
    const codes = spec.values.filter((v) => /^[a-zA-Z-]+$/.test(v));
    const labels = spec.values.filter((v) => !/^[a-zA-Z-]+$/.test(v));
    return codes.map((c, i) => ({ en: c, zh: labels[i] ?? c }));
  }
  return undefined;
}

export { isPlainObject };

/**
 * A personal field (ID number, phone) named with whose it is, since the message never shows the
 * number that would tell them apart: 诉求人的身份证号码, 第2个当事人的联系电话; appellant.id_number,
 * parties[2].phone. A field of the record itself is named alone.
 */
export function personalFieldName(root: Spec, path: readonly (string | number)[]): FieldName {
  const leaf = fieldName(root, path);
  const owner = path.slice(0, -1);
  const index = typeof owner[owner.length - 1] === 'number' ? (owner.pop() as number) + 1 : undefined;
  const term = owner.length ? termOf(specAt(root, owner)) : undefined;
  const en = path.map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : `${i ? '.' : ''}${p}`)).join('');
  if (term === undefined) return { en, zh: leaf.zh };
  return { en, zh: `${index === undefined ? '' : `第${index}个`}${term}的${leaf.zh}` };
}
