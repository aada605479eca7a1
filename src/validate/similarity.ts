// Near-identical text, for Chinese as much as for English: character bigrams compared with the
// Dice coefficient (no word segmentation needed), and an all-pairs join with prefix filtering
// so 100,000 opinions are not 5 billion comparisons.

/** Letters and digits only, lower-cased: punctuation, spaces and full/half-width forms do not count. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
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

export interface SimilarPair {
  /** Indexes into the texts given; a < b. */
  a: number;
  b: number;
  similarity: number;
}

/**
 * Every pair of texts with Dice similarity ≥ threshold. Exact repeats (after normalizing) are
 * paired with their first occurrence without comparing; the rest go through an all-pairs join:
 * tokens ordered rarest first, and two texts are compared only when they share a token of
 * their prefixes, which any pair above the threshold must (Dice t ⇔ Jaccard t/(2−t)).
 */
export function similarPairs(texts: readonly string[], threshold: number): SimilarPair[] {
  const pairs: SimilarPair[] = [];
  const firstOf = new Map<string, number>();
  const reps: number[] = [];
  const repNorms: string[] = [];
  texts.forEach((raw, i) => {
    const norm = normalizeText(raw);
    if (norm === '') return;
    const first = firstOf.get(norm);
    if (first === undefined) {
      firstOf.set(norm, i);
      reps.push(i);
      repNorms.push(norm);
    } else pairs.push({ a: first, b: i, similarity: 1 });
  });
  for (const p of joinNorms(repNorms, threshold)) pairs.push({ a: reps[p.a]!, b: reps[p.b]!, similarity: p.similarity });
  return pairs.sort((p, q) => p.b - q.b || p.a - q.a);
}

/** The all-pairs join over distinct, non-empty normalized texts: every pair at or above the threshold. */
export function joinNorms(norms: readonly string[], threshold: number): SimilarPair[] {
  const pairs: SimilarPair[] = [];
  const repNorms = norms;
  // Tokens as small integers, each set sorted rarest first (ties by id): cheap to build, to
  // order and to intersect. Characters get dense ids first, so a bigram is one small integer
  // (a Map keyed by small integers is far faster than one keyed by strings or large numbers).
  const charIds = new Map<number, number>();
  const coded = repNorms.map((n) => {
    const cs: number[] = [];
    for (const ch of n) {
      const cp = ch.codePointAt(0)!;
      let id = charIds.get(cp);
      if (id === undefined) charIds.set(cp, (id = charIds.size));
      cs.push(id);
    }
    return cs;
  });
  const width = charIds.size + 1;
  // A direct table of bigram → id when it fits in 64 MB (a few thousand distinct characters);
  // a Map otherwise.
  const table = width * width <= 2 ** 24 ? new Int32Array(width * width) : null;
  const ids = new Map<number, number>();
  let nextId = 0;
  const idOf = (key: number) => {
    if (table && key >= 0) {
      const id = table[key]!;
      if (id) return id - 1;
      table[key] = ++nextId;
      return nextId - 1;
    }
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = nextId++));
    return id;
  };
  const raw = coded.map((cs) => {
    const n = cs.length < 2 ? cs.length : cs.length - 1;
    const out = new Int32Array(n);
    for (let k = 0; k < n; k++) out[k] = idOf(cs.length < 2 ? -1 - cs[k]! : cs[k]! * width + cs[k + 1]!);
    out.sort();
    let w = 0;
    for (let r = 0; r < out.length; r++) if (r === 0 || out[r] !== out[r - 1]) out[w++] = out[r]!;
    return out.slice(0, w);
  });
  const freq = new Int32Array(nextId);
  for (const s of raw) for (const t of s) freq[t] = freq[t]! + 1;
  const ordered = raw.map((s) => s.sort((x, y) => freq[x]! - freq[y]! || x - y));
  const rank = (t: number) => freq[t]! * nextId + t; // the order above as one number
  const overlap = (x: Int32Array, y: Int32Array) => {
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < x.length && j < y.length) {
      const a = rank(x[i]!);
      const b = rank(y[j]!);
      if (a === b) {
        n++;
        i++;
        j++;
      } else if (a < b) i++;
      else j++;
    }
    return n;
  };
  const jaccard = threshold / (2 - threshold);
  const bySize = ordered.map((_, k) => k).sort((x, y) => ordered[x]!.length - ordered[y]!.length || x - y);
  const index = new Map<number, number[]>();
  const stamp = new Int32Array(ordered.length).fill(-1);
  for (const k of bySize) {
    const tokens = ordered[k]!;
    const prefix = tokens.length - Math.ceil(jaccard * tokens.length) + 1;
    for (let p = 0; p < prefix; p++) {
      const list = index.get(tokens[p]!);
      if (!list) continue;
      for (const other of list) {
        if (stamp[other] === k) continue;
        stamp[other] = k;
        const o = ordered[other]!;
        if (o.length < jaccard * tokens.length) continue;
        const sim = (2 * overlap(tokens, o)) / (tokens.length + o.length);
        if (sim >= threshold) {
          pairs.push({ a: Math.min(k, other), b: Math.max(k, other), similarity: sim });
        }
      }
    }
    for (let p = 0; p < prefix; p++) {
      const t = tokens[p]!;
      const list = index.get(t);
      if (list) list.push(k);
      else index.set(t, [k]);
    }
  }
  return pairs.sort((p, q) => p.b - q.b || p.a - q.a);
}

/**
 * The pairs at or above the threshold that involve at least one of `fresh` (indexes into the
 * distinct, non-empty `norms`): for a merge where a few texts are new, instead of a whole join.
 * Each other text is scanned once against the new texts' bigrams; only one that shares enough
 * of them to reach the threshold (overlap ≥ t/(2−t) of the new text's bigrams) is compared.
 */
export function joinFew(fresh: readonly number[], norms: readonly string[], threshold: number): SimilarPair[] {
  const pairs: SimilarPair[] = [];
  if (fresh.length === 0) return pairs;
  const sets = fresh.map((i) => bigrams(norms[i]!));
  const freshAt = new Map(fresh.map((f, r) => [f, r]));
  // Bigram → the new texts holding it, keyed by a small integer hash of the two code points
  // (a collision only lets one more candidate through to the exact comparison).
  const index = new Map<number, number[]>();
  const key = (a: number, b: number) => ((a * 65_599) ^ b) & 0x3fffffff;
  sets.forEach((set, r) => {
    for (const t of set) {
      const cps = Array.from(t, (c) => c.codePointAt(0)!);
      const k = cps.length === 1 ? key(cps[0]!, -1) : key(cps[0]!, cps[1]!);
      const list = index.get(k);
      if (!list) index.set(k, [r]);
      else if (list[list.length - 1] !== r) list.push(r);
    }
  });
  const need = sets.map((set) => Math.ceil((threshold / (2 - threshold)) * set.size - 1e-9));
  const hits = new Int32Array(fresh.length);
  const touched: number[] = [];
  const seen = new Set<string>();
  norms.forEach((text, s) => {
    touched.length = 0;
    let prev = -2;
    const count = (k: number) => {
      const list = index.get(k);
      if (!list) return;
      for (const r of list) if ((hits[r] = hits[r]! + 1) === 1) touched.push(r);
    };
    let n = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (prev !== -2) count(key(prev, cp));
      prev = cp;
      n++;
    }
    if (n === 1) count(key(prev, -1));
    for (const r of touched) {
      const enough = hits[r]! >= need[r]!;
      hits[r] = 0;
      const f = fresh[r]!;
      if (!enough || f === s) continue;
      const [a, b] = f < s ? [f, s] : [s, f];
      const other = freshAt.get(s);
      if (other !== undefined && seen.has(`${a},${b}`)) continue;
      const similarity = dice(sets[r]!, other !== undefined ? sets[other]! : bigrams(text));
      if (similarity < threshold) continue;
      if (other !== undefined) seen.add(`${a},${b}`);
      pairs.push({ a, b, similarity });
    }
  });
  return pairs.sort((p, q) => p.b - q.b || p.a - q.a);
}
