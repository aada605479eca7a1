// What the values of each key of a record file are, for the input-method checks: codes, names,
// dates and ids (strict: Chinese quotes or full-width spaces around one are slips, repaired),
// free text (Chinese quotes around a whole value are kept, with a warning), lists (「…」 and
// （…） around one are list brackets). Text and list keys come from the record specs, so a new
// field is covered when it is added there.
import { RECORD_SPECS, type Spec } from '../schema/spec.js';
import type { KeyRoles } from '../yaml/inputMethod.js';

/** Keys whose values are codes, names, dates, ids or numbers, never free text. */
const STRICT_KEYS = new Set([
  'kind',
  'id',
  'date',
  'visit',
  'pattern',
  'led_by',
  'channel',
  'collected_by',
  'category',
  'about',
  'status',
  'due',
  'done_on',
  'participants',
  'methods',
  'also',
  'categories',
  'photos',
  'topic',
  'type',
  'risk',
  'gender',
  'paired_cadre',
  'resolved_on',
  'feedback_on',
  'satisfaction',
  'reopened_on',
  'cause',
  'policies',
  'id_number',
  'phone',
  'ref_no',
]);

function collect(spec: Spec, key: string | undefined, text: Set<string>, lists: Set<string>): void {
  if (spec.t === 'object') for (const [k, s] of Object.entries(spec.props)) collect(s, k, text, lists);
  if (key === undefined) return;
  if (spec.t === 'list') {
    lists.add(key);
    collect(spec.item, undefined, text, lists);
  }
  if (spec.t === 'string' && !spec.pattern && !spec.personal && !STRICT_KEYS.has(key)) text.add(key);
}

function roles(): KeyRoles {
  const text = new Set<string>();
  const lists = new Set<string>();
  for (const spec of Object.values(RECORD_SPECS)) collect(spec, undefined, text, lists);
  return { strict: (k) => STRICT_KEYS.has(k), text: (k) => text.has(k), list: (k) => lists.has(k) };
}

export const RECORD_KEY_ROLES: KeyRoles = roles();
