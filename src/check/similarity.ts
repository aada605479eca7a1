// Near-identical text, for Chinese as much as for English: character bigrams compared with the
// Dice coefficient (no word segmentation needed), and clustering with prefix filtering (below)
// so 100,000 opinions are not 5 billion comparisons.

/**
 * Characters NFKC leaves as they are, as far as letters and digits go: ASCII, CJK unified
 * ideographs, CJK and full-width punctuation (dropped either way). Most opinions are only
 * these, and normalizing them would load ICU's tables (~10 ms of a start-up) for nothing.
 */
export const NFKC_STABLE =
  /^[\u0000-\u007f\u3000-\u3035\u3037\u303b-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff64\u2010-\u2027]*$/;

/** Letters and digits only, lower-cased: punctuation, spaces and full/half-width forms do not count. */
export function normalizeText(s: string): string {
  return (NFKC_STABLE.test(s) ? s : s.normalize('NFKC')).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The set of character bigrams of a normalized text (a one-character text is its own token). */
export function bigrams(s: string): Set<string> {
  const chars = Array.from(s);
  if (chars.length < 2) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add((chars[i] as string) + (chars[i + 1] as string));
  return out;
}

export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 1;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * Each text's set of bigrams as small integers, sorted rarest first. A bigram's number is its
 * rank in (document frequency, first appearance) order, so a plain numeric sort puts a set
 * rarest first and two sets intersect by a merge of sorted integers.
 */
export function tokenize(texts: readonly string[]): { sets: Int32Array[] } {
  const { coded, width } = charCodes(texts);
  let total = 0;
  for (const cs of coded) total += Math.max(1, cs.length - 1);
  const table = bigramTable(width, total);
  const freq = new Int32Array(total);
  const seenIn = new Int32Array(total);
  const raw = coded.map((cs, d) => {
    const n = cs.length < 2 ? cs.length : cs.length - 1;
    const out: number[] = [];
    for (let k = 0; k < n; k++) {
      const id = cs.length < 2 ? table.idOf(cs[k]!, -1) : table.idOf(cs[k]!, cs[k + 1]!);
      if (seenIn[id] === d + 1) continue; // a bigram counts once per text
      seenIn[id] = d + 1;
      freq[id]!++;
      out.push(id);
    }
    return out;
  });
  const rank = frequencyRanks(freq, table.size());
  return {
    sets: raw.map((ts) => {
      const set = new Int32Array(ts.length);
      for (let k = 0; k < ts.length; k++) set[k] = rank[ts[k]!]!;
      return set.sort();
    }),
  };
}

/** Characters get dense ids, so a bigram is one small integer key (fast Map keys). */
function charCodes(texts: readonly string[]): { coded: number[][]; width: number } {
  const charIds = new Map<number, number>();
  const coded = texts.map((n) => {
    const cs: number[] = [];
    for (const ch of n) {
      const cp = ch.codePointAt(0)!;
      let id = charIds.get(cp);
      if (id === undefined) charIds.set(cp, (id = charIds.size));
      cs.push(id);
    }
    return cs;
  });
  return { coded, width: charIds.size + 1 };
}

/**
 * Bigram key → id in an open-addressing table of integers (a Map of a million keys is slow);
 * keys are below 2^30 unless the texts use over 32,000 different characters (then a Map).
 */
function bigramTable(width: number, total: number): { idOf(a: number, b: number): number; size(): number } {
  const small = width * (width + 1) < 2 ** 30;
  const bits = Math.max(4, Math.ceil(Math.log2(total * 2 + 1)));
  const mask = (1 << bits) - 1;
  const keys = small ? new Int32Array(mask + 1).fill(-1) : null;
  const vals = small ? new Int32Array(mask + 1) : null;
  const big = new Map<string, number>();
  let nextId = 0;
  const idOf = (a: number, b: number): number => {
    if (!keys || !vals) {
      const key = `${a},${b}`;
      let id = big.get(key);
      if (id === undefined) big.set(key, (id = nextId++));
      return id;
    }
    const key = b < 0 ? width * width + a : a * width + b;
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - bits);
    for (;;) {
      const k = keys[slot]!;
      if (k === key) return vals[slot]!;
      if (k === -1) {
        keys[slot] = key;
        vals[slot] = nextId;
        return nextId++;
      }
      slot = (slot + 1) & mask;
    }
  };
  return { idOf, size: () => nextId };
}

/** Each id's rank by frequency, then by id: a counting sort over the frequencies. */
function frequencyRanks(freq: Int32Array, n: number): Int32Array {
  let maxFreq = 0;
  for (let t = 0; t < n; t++) if (freq[t]! > maxFreq) maxFreq = freq[t]!;
  const start = new Int32Array(maxFreq + 2);
  for (let t = 0; t < n; t++) start[freq[t]! + 1]!++;
  for (let f = 1; f < start.length; f++) start[f]! += start[f - 1]!;
  const rank = new Int32Array(n);
  for (let t = 0; t < n; t++) rank[t] = start[freq[t]!]!++;
  return rank;
}
