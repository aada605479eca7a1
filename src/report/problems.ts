// The report's "problems found": the most frequent categories of opinion, each with a few
// quotes. The quoted people are named only by the kind of person they are.
import type { LedgerRecord } from '../model/ledgers.js';
import type { CampaignStats } from '../stats/campaignStats.js';
import { AUDIENCES, CATEGORIES, CHANNELS, label, type Locale } from '../schema/vocab.js';
import { counted } from './phrases.js';
import { pct } from './rows.js';
import { scrubText, shorten } from './scrub.js';

export interface Quote {
  text: string;
  who: string;
}

export interface Problem {
  rank: number;
  label: string;
  count: number;
  /** "13 opinions" / "13条". */
  countText: string;
  share: string;
  quotes: Quote[];
}

/** A quote printed inside quotation marks: its own quotes become the inner kind (“…‘…’…”, "…'…'…"). */
function innerQuotes(text: string, lang: Locale): string {
  if (lang === 'zh-CN')
    return text
      .replace(/“/g, '‘')
      .replace(/”/g, '’')
      .replace(/"([^"]*)"/g, '‘$1’');
  return text
    .replace(/"([^"]*)"/g, "'$1'")
    .replace(/“/g, "'")
    .replace(/”/g, "'");
}

const kindOf = (o: LedgerRecord) => (o.source as { kind?: unknown } | undefined)?.kind;

/**
 * Up to three opinions of a category. Voices of different kinds of people come first, each
 * saying something different; the same words heard by two groups are quoted once.
 */
function pickQuoted(inCategory: readonly LedgerRecord[]): LedgerRecord[] {
  const picked: LedgerRecord[] = [];
  const said = new Set<string>();
  const kinds = new Set<string>();
  for (const pass of [true, false]) {
    for (const o of inCategory) {
      const text = String(o.content).replace(/\s+/g, '');
      const kind = String(kindOf(o) ?? '');
      if (picked.length >= 3 || said.has(text) || (pass && kinds.has(kind))) continue;
      picked.push(o);
      said.add(text);
      kinds.add(kind);
    }
  }
  return picked;
}

function quote(o: LedgerRecord, lang: Locale): Quote {
  const zh = lang === 'zh-CN';
  const kind = kindOf(o);
  const who = typeof kind === 'string' ? label(AUDIENCES, kind, lang) : zh ? '群众' : 'a member of the public';
  return {
    text: innerQuotes(shorten(scrubText(String(o.content), lang), 90, lang), lang),
    // In an English attribution the labels are words within a phrase: (the masses, face to face).
    who: zh ? `${who}，${label(CHANNELS, String(o.channel), lang)}` : `${lower(who)}, ${lower(label(CHANNELS, String(o.channel), lang))}`,
  };
}

/** The most frequent categories (general opinions aside), five at most, with a few quotes each. */
export function problems(opinions: readonly LedgerRecord[], stats: CampaignStats, lang: Locale): Problem[] {
  const order = (code: string) => CATEGORIES.findIndex((x) => x.code === code);
  const ranked = stats.opinions.byCategory
    .filter((c) => c.count > 0 && c.code !== 'general')
    .sort((a, b) => b.count - a.count || order(a.code) - order(b.code))
    .slice(0, 5);
  return ranked.map((c, i) => ({
    rank: i + 1,
    label: label(CATEGORIES, c.code, lang),
    count: c.count,
    countText: counted(c.count, 'opinions', lang),
    share: pct(c.count, stats.opinions.total),
    quotes: pickQuoted(opinions.filter((o) => o.category === c.code && typeof o.content === 'string')).map((o) => quote(o, lang)),
  }));
}

/** A label's first letter in lower case, unless the word is all capitals (an acronym) or a name with digits. */
function lower(s: string): string {
  const first = s.split(/\s/)[0] ?? '';
  return /^[A-Z][a-z]/.test(first) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
