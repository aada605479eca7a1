// Messages, the report and the feedback sheets show no ID or phone number, not even in part
// (partly masked numbers are for an export made with --redact): each one found is replaced by
// a word. Strings inside a message's data are cleaned too, so a number typed into another field
// (a name, a place) never reaches a message.
import { findPersonal, replacePersonal } from './find.js';

/** `text` with every personal number replaced by `gone`. */
export function removePersonal(text: string, gone: string): string {
  return replacePersonal(text, () => gone);
}

/** `data` with personal numbers removed from every string in it: the same object when it holds none. */
export function removePersonalIn<T>(data: T, gone: string): T {
  if (typeof data === 'string') return (findPersonal(data).length ? removePersonal(data, gone) : data) as T;
  if (data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) {
    const items = data.map((x: unknown) => removePersonalIn(x, gone));
    return (items.some((x, i) => x !== data[i]) ? items : data) as T;
  }
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(data)) {
    const clean = removePersonalIn(v, gone);
    if (clean !== v) (out ??= { ...(data as Record<string, unknown>) })[k] = clean;
  }
  return (out ?? data) as T;
}
