// Messages, the report and the feedback sheets show no ID or phone number, not even in part
// (partly masked numbers are for an export made with --redact): each one found is replaced by
// a word. Strings inside a message's data are cleaned too, so a number typed into another field
// (a name, a place) never reaches a message.
import { mapStrings } from '../util/mapStrings.js';
import { replacePersonal } from './find.js';

/** `text` with every personal number replaced by `gone`. */
export function removePersonal(text: string, gone: string): string {
  return replacePersonal(text, () => gone);
}

/** `data` with personal numbers removed from every string in it: the same object when it holds none. */
export function removePersonalIn<T>(data: T, gone: string): T {
  // replacePersonal hands back the very string when it holds none.
  return mapStrings(data, (s) => removePersonal(s, gone));
}
