// Is a name one of the group's members? Names are compared as typed; a name that matches a
// member only once both are put in the same Unicode form (NFC) is called out as such, since
// it looks right on screen and the clerk could not see why it is refused.
import { nearest } from '../text/suggest.js';

export function memberProblem(name: string, members: readonly string[]): { suggest?: string; form?: boolean } | undefined {
  if (members.includes(name)) return undefined;
  const nfc = name.normalize('NFC');
  const same = members.find((m) => m.normalize('NFC') === nfc);
  if (same !== undefined) return { suggest: same, form: true };
  const suggest = nearest(name, members);
  return suggest === undefined ? {} : { suggest };
}
