// Labelled counts as the report's tables print them: each with its share of the whole and a
// text bar, so every table and the follow-up figures format a share one way.
import { BANDS, label, type Locale, type Vocabulary } from '../schema/vocab.js';
import type { Tally } from '../stats/campaignStats.js';
import { textBar } from './charts.js';

export interface Row {
  label: string;
  count: number;
  share: string;
  bar: string;
  fourWinds?: boolean;
}

export const pct = (n: number, total: number) =>
  total === 0 ? '0%' : `${(Math.round((n / total) * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;

/** Labelled counts as table rows: share of `total`, and a bar scaled to the largest count. */
export function toRows(items: readonly { label: string; count: number }[], total: number): Row[] {
  const max = Math.max(0, ...items.map((x) => x.count));
  return items.map((x) => ({ label: x.label, count: x.count, share: pct(x.count, total), bar: textBar(x.count, max) }));
}

/** A tally as rows in the vocabulary's order; zero rows left out unless `keepZero`. */
export function rows(vocab: Vocabulary, t: Tally, lang: Locale, total: number, keepZero = false): Row[] {
  return toRows(
    t.filter((x) => keepZero || x.count > 0).map((x) => ({ label: label(vocab, x.code, lang), count: x.count })),
    total,
  );
}

/** Counts by audience band as rows; the null band is the referral sources. */
export function bandRows(values: readonly { band: string | null; count: number }[], of: number, lang: Locale): Row[] {
  const words = (band: string | null) =>
    band === null
      ? { zh: '有关部门（信访、审计、纪检、巡视）', en: 'Other departments (petition, audit, discipline, inspection)' }
      : BANDS[band as keyof typeof BANDS];
  return toRows(
    values.map((v) => ({ label: lang === 'zh-CN' ? words(v.band).zh : words(v.band).en, count: v.count })),
    of,
  );
}
