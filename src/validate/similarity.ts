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
  texts.forEach((raw, i) => {
    const norm = normalizeText(raw);
    if (norm === '') return;
    const first = firstOf.get(norm);
    if (first === undefined) {
      firstOf.set(norm, i);
      reps.push(i);
    } else pairs.push({ a: first, b: i, similarity: 1 });
  });

  const sets = reps.map((i) => bigrams(normalizeText(texts[i] as string)));
  const freq = new Map<string, number>();
  for (const s of sets) for (const t of s) freq.set(t, (freq.get(t) ?? 0) + 1);
  const ordered = sets.map((s) => [...s].sort((x, y) => (freq.get(x) as number) - (freq.get(y) as number) || (x < y ? -1 : x > y ? 1 : 0)));
  const jaccard = threshold / (2 - threshold);
  const bySize = ordered.map((_, k) => k).sort((x, y) => (ordered[x] as string[]).length - (ordered[y] as string[]).length || x - y);
  const index = new Map<string, number[]>();
  for (const k of bySize) {
    const tokens = ordered[k] as string[];
    const prefix = tokens.length - Math.ceil(jaccard * tokens.length) + 1;
    const seen = new Set<number>();
    for (let p = 0; p < prefix; p++) {
      const list = index.get(tokens[p] as string);
      if (!list) continue;
      for (const other of list) {
        if (seen.has(other)) continue;
        seen.add(other);
        if ((ordered[other] as string[]).length < jaccard * tokens.length) continue;
        const sim = dice(sets[k] as Set<string>, sets[other] as Set<string>);
        if (sim >= threshold) {
          const [x, y] = [reps[k] as number, reps[other] as number];
          pairs.push({ a: Math.min(x, y), b: Math.max(x, y), similarity: sim });
        }
      }
    }
    for (let p = 0; p < prefix; p++) {
      const t = tokens[p] as string;
      const list = index.get(t);
      if (list) list.push(k);
      else index.set(t, [k]);
    }
  }
  return pairs.sort((p, q) => p.b - q.b || p.a - q.a);
}
