// `ledger review list` for people (a table aligned by display width, states in words, kinds by
// their zh-CN names) and for machines (codes and ids). A reason or note is the clerk's free text:
// an ID or phone number typed in it is removed in both, as in every message (reviews.yaml keeps it).
import type { Colors } from '../text/colors.js';
import { withoutPersonal } from '../messages/removed.js';
import { stateWord, reviewWords } from '../messages/review.js';
import type { Lang } from '../messages/words.js';
import type { ReviewList } from '../pipeline/reviewCampaign.js';
import { KIND_LABELS } from '../schema/spec.js';
import { renderTable, truncate } from '../text/displayWidth.js';
import { escapeControl } from '../text/escape.js';
import { formatJson } from './json.js';

/** A reason or note on one line, cut to keep the table readable (JSON has it whole). */
const oneLine = (s: string | undefined, lang: Lang) =>
  truncate(escapeControl(withoutPersonal((s ?? '').replace(/\s+/g, ' ').trim(), lang)), 40);

export const reviewFormat = {
  text(list: ReviewList, options: { color: Colors; lang: Lang }): string {
    const { color, lang } = options;
    const w = reviewWords(lang);
    const kind = (k: keyof typeof KIND_LABELS) => (lang === 'zh-CN' ? KIND_LABELS[k].zh : KIND_LABELS[k].en);
    const rows = [
      ...list.records.map((r) => [
        r.id,
        kind(r.kind),
        r.date,
        stateWord(r.state, lang),
        r.entry?.date ?? '',
        oneLine(r.entry?.reason ?? r.entry?.note, lang),
      ]),
      ...list.removed.map((e) => [e.id, '', '', stateWord('removed', lang), e.date, oneLine(e.reason ?? e.note, lang)]),
    ];
    const paint: Record<string, (s: string) => string> = {
      [stateWord('returned', lang)]: color.red,
      [stateWord('changed', lang)]: color.yellow,
      [stateWord('approved', lang)]: color.green,
    };
    const lines = rows.length
      ? renderTable([w.head, ...rows])
          .split('\n')
          .map((line, i) => {
            if (i < 2) return color.bold(line);
            const state = rows[i - 2]?.[3] ?? '';
            return paint[state]?.(line) ?? line;
          })
      : [w.none];
    return `${lines.join('\n')}\n\n${w.counts(list.counts)}\n`;
  },
  json(list: ReviewList, lang: Lang): string {
    return formatJson({
      records: list.records.map((r) => ({
        id: r.id,
        group: r.group,
        kind: r.kind,
        date: r.date,
        state: r.state,
        review: r.entry ? entryJson(r.entry, lang) : null,
      })),
      removed: list.removed.map((e) => ({ id: e.id, state: 'removed', review: entryJson(e, lang) })),
      summary: list.counts,
    });
  },
};

function entryJson(e: NonNullable<ReviewList['records'][number]['entry']>, lang: Lang) {
  return {
    state: e.state,
    ...(e.reason !== undefined ? { reason: withoutPersonal(e.reason, lang) } : {}),
    ...(e.note !== undefined ? { note: withoutPersonal(e.note, lang) } : {}),
    date: e.date,
    sha256: e.sha256,
  };
}
