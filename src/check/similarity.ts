// Near-identical text, for Chinese as much as for English: character bigrams compared with the
// Dice coefficient (no word segmentation needed), and an all-pairs join with prefix filtering
// so 100,000 opinions are not 5 billion comparisons.

/** Letters and digits only, lower-cased: punctuation, spaces and full/half-width forms do not count. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
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
 * Every pair of texts with Dice similarity ≥ threshold, within each block of distinct,
 * non-empty normalized texts: an all-pairs join with prefix filtering. Tokens are ordered
 * rarest first, and two texts are compared only when they share a token of their prefixes,
 * which any pair above the threshold must (Dice t ⇔ Jaccard t/(2−t)). The texts of all blocks
 * share one token dictionary and one token order.
 */
export function joinNormBlocks(blocks: readonly (readonly string[])[], threshold: number): SimilarPair[][] {
  const { sets } = tokenize(blocks.flat());
  let base = 0;
  return blocks.map((block) => {
    const pairs = joinSets(sets.slice(base, base + block.length), threshold);
    base += block.length;
    return pairs;
  });
}

/**
 * Each text's set of bigrams as small integers, sorted rarest first. A bigram's number is its
 * rank in (document frequency, first appearance) order, so a plain numeric sort puts a set
 * rarest first and two sets intersect by a merge of sorted integers.
 */
function tokenize(texts: readonly string[]): { sets: Int32Array[] } {
  // Characters get dense ids, so a bigram is one small integer key (fast Map keys).
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
  const width = charIds.size + 1;
  let total = 0;
  for (const cs of coded) total += Math.max(1, cs.length - 1);
  // Bigram key → id in an open-addressing table of integers (a Map of a million keys is slow);
  // keys are below 2^30 unless the texts use over 32,000 different characters (then a Map).
  const small = width * (width + 1) < 2 ** 30;
  const bits = Math.max(4, Math.ceil(Math.log2(total * 2 + 1)));
  const mask = (1 << bits) - 1;
  const keys = small ? new Int32Array(mask + 1).fill(-1) : null;
  const vals = small ? new Int32Array(mask + 1) : null;
  const big = new Map<string, number>();
  const freq = new Int32Array(total);
  const seenIn = new Int32Array(total);
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
  const raw = coded.map((cs, d) => {
    const n = cs.length < 2 ? cs.length : cs.length - 1;
    const out: number[] = [];
    for (let k = 0; k < n; k++) {
      const id = cs.length < 2 ? idOf(cs[k]!, -1) : idOf(cs[k]!, cs[k + 1]!);
      if (seenIn[id] === d + 1) continue; // a bigram counts once per text
      seenIn[id] = d + 1;
      freq[id]!++;
      out.push(id);
    }
    return out;
  });
  // Rank by frequency, then by id: a counting sort over the frequencies.
  let maxFreq = 0;
  for (let t = 0; t < nextId; t++) if (freq[t]! > maxFreq) maxFreq = freq[t]!;
  const start = new Int32Array(maxFreq + 2);
  for (let t = 0; t < nextId; t++) start[freq[t]! + 1]!++;
  for (let f = 1; f < start.length; f++) start[f]! += start[f - 1]!;
  const rank = new Int32Array(nextId);
  for (let t = 0; t < nextId; t++) rank[t] = start[freq[t]!]!++;
  return {
    sets: raw.map((ts) => {
      const set = new Int32Array(ts.length);
      for (let k = 0; k < ts.length; k++) set[k] = rank[ts[k]!]!;
      return set.sort();
    }),
  };
}

/** The prefix-filtered join over token sets (sorted rarest first); pairs as indexes, sorted by b then a. */
function joinSets(ordered: readonly Int32Array[], threshold: number): SimilarPair[] {
  const pairs: SimilarPair[] = [];
  const overlap = (x: Int32Array, y: Int32Array) => {
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < x.length && j < y.length) {
      const a = x[i]!;
      const b = y[j]!;
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
  // Token → the texts with it in their prefix, as linked lists in flat arrays.
  let entries = 0;
  let tokens = 0;
  for (const set of ordered) {
    entries += set.length;
    for (const t of set) if (t >= tokens) tokens = t + 1;
  }
  const head = new Int32Array(tokens).fill(-1);
  const nextEntry = new Int32Array(entries);
  const textOf = new Int32Array(entries);
  let used = 0;
  const stamp = new Int32Array(ordered.length).fill(-1);
  for (const k of bySize) {
    const set = ordered[k]!;
    const prefix = set.length - Math.ceil(jaccard * set.length) + 1;
    for (let p = 0; p < prefix; p++) {
      for (let e = head[set[p]!]!; e >= 0; e = nextEntry[e]!) {
        const other = textOf[e]!;
        if (stamp[other] === k) continue;
        stamp[other] = k;
        const o = ordered[other]!;
        if (o.length < jaccard * set.length) continue;
        const sim = (2 * overlap(set, o)) / (set.length + o.length);
        if (sim >= threshold) pairs.push({ a: Math.min(k, other), b: Math.max(k, other), similarity: sim });
      }
    }
    for (let p = 0; p < prefix; p++) {
      const t = set[p]!;
      textOf[used] = k;
      nextEntry[used] = head[t]!;
      head[t] = used++;
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
