// `ledger review`: approve, return or clear ledger records in reviews.yaml, or list them with
// their review states.
import { reviewFormat } from '../../format/review.js';
import { LedgerError } from '../../messages/errors.js';
import { reviewWords } from '../../messages/review.js';
import { changeReviews, LIST_STATES, listReviews, type ReviewAction } from '../../pipeline/reviewCampaign.js';
import { campaignLocale } from '../../read/campaignLocale.js';
import { localToday } from '../../util/dates.js';
import { freshLedgers } from '../ledgerInput.js';
import { campaignRoot, langOf, parseChoice, parseDate, type Runtime } from '../runtime.js';

const ACTIONS = ['approve', 'return', 'list', 'clear'] as const;

/** The options each action takes; any other given is refused, so a mistyped command changes nothing. */
const TAKES: Record<(typeof ACTIONS)[number], string[]> = {
  approve: ['note', 'date'],
  return: ['reason', 'date'],
  list: ['group', 'state'],
  clear: [],
};
const FLAG: Record<string, string> = { note: '--note', reason: '--reason', group: '--group', state: '--state', date: '--date' };

export async function run(rt: Runtime, args: unknown[], opts: Record<string, unknown>): Promise<void> {
  const [first, ...rest] = (args[0] as string[] | undefined) ?? [];
  const action = parseChoice(String(first), ACTIONS, 'ledger review');
  const ids = rest.map((s) => s.trim()).filter(Boolean);
  for (const key of Object.keys(FLAG)) {
    if (opts[key] !== undefined && !TAKES[action].includes(key))
      throw new LedgerError('review-option', { option: FLAG[key] as string, action });
  }
  if (action === 'list' && ids.length) throw new LedgerError('review-option', { option: ids[0] as string, action });
  if (action !== 'list' && !ids.length) throw new LedgerError('review-ids', { action });
  if (action === 'return' && !String(opts.reason ?? '').trim()) throw new LedgerError('review-reason', {});
  const lang = langOf(rt, opts.lang as string | undefined);
  const root = campaignRoot(rt);
  if (opts.merge === true) await freshLedgers(rt, root, { merge: true, lang });
  const w = reviewWords(lang);
  if (action === 'list') {
    const state = opts.state === undefined ? undefined : parseChoice(String(opts.state), LIST_STATES, '--state');
    const format = parseChoice(String(opts.format), ['text', 'json'] as const);
    const list = listReviews(root, { ...(opts.group === undefined ? {} : { group: String(opts.group) }), ...(state ? { state } : {}) });
    rt.stdout.write(format === 'json' ? reviewFormat.json(list, lang) : reviewFormat.text(list, { color: rt.color, lang }));
    return;
  }
  const text = (action === 'approve' ? opts.note : opts.reason) as string | undefined;
  const result = changeReviews(root, {
    action: action as ReviewAction,
    ids,
    date: opts.date === undefined ? localToday() : parseDate(String(opts.date), '--date'),
    lang: campaignLocale(root) ?? lang,
    ...(text === undefined ? {} : { text }),
  });
  rt.stdout.write(
    `${action === 'approve' ? w.approved(result.ids) : action === 'return' ? w.returned(result.ids) : w.cleared(result.ids)}\n`,
  );
  rt.log(w.wrote('reviews.yaml'));
}
