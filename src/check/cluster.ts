// Clusters of alike texts, bounded however alike the texts are. Texts are taken in order (the
// ledger's: group order of ledger.yaml, then file order); each joins the cluster of the
// earliest earlier *leader* it is alike to (Dice ≥ threshold on bigram sets), or leads a new
// cluster. Every member is alike to its leader, so clusters do not chain A~B~C into one, and a
// text is compared only with leaders, never with every alike text: 20,000 near-identical
// opinions are one leader and 19,999 comparisons, not 200 million.
//
// Leaders are found by prefix filtering: token sets are sorted rarest first, and two sets can
// reach the threshold only if their prefixes (|s| − ⌈j·|s|⌉ + 1 tokens, j = t/(2−t), the
// Jaccard equivalent of Dice t) share a token. Leaders are indexed by their prefixes.
//
// The result depends only on the texts and their order, so a merge can start from the last
// run's clustering (a memo) and redo only what a group's resubmission can have changed; the
// result is the same as clustering from scratch (the tests compare both).

/** Per text: the index of its leader (-1: it leads), and its similarity to that leader (1 for a leader). */
export interface Clustering {
  leader: Int32Array;
  sim: Float64Array;
}

/** The clustering of the same block in the last run, and where each of today's texts was then (-1: new). */
export interface PreviousClustering {
  leader: ArrayLike<number>;
  sim: ArrayLike<number>;
  /** For each text of today, its index in the last run (-1 when it was not there). */
  was: Int32Array;
}

const EPS = 1e-9;

function overlap(x: Int32Array, y: Int32Array): number {
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
}

/** Leaders by the tokens of their prefixes: a linked list per token in flat arrays. */
class LeaderIndex {
  private readonly head: Int32Array;
  private next: Int32Array;
  private owner: Int32Array;
  private used = 0;
  private readonly stamp: Int32Array;
  private probe = 0;
  private readonly found: number[] = [];

  constructor(
    private readonly sets: readonly Int32Array[],
    tokens: number,
    private readonly jaccard: number,
  ) {
    this.head = new Int32Array(tokens).fill(-1);
    this.next = new Int32Array(64);
    this.owner = new Int32Array(64);
    this.stamp = new Int32Array(sets.length).fill(-1);
  }

  prefix(n: number): number {
    return n - Math.ceil(this.jaccard * n - EPS) + 1;
  }

  add(k: number): void {
    const set = this.sets[k]!;
    const p = Math.min(set.length, this.prefix(set.length));
    if (this.used + p > this.next.length) {
      const size = Math.max(this.next.length * 2, this.used + p);
      const next = new Int32Array(size);
      next.set(this.next);
      const owner = new Int32Array(size);
      owner.set(this.owner);
      this.next = next;
      this.owner = owner;
    }
    for (let i = 0; i < p; i++) {
      const t = set[i]!;
      this.owner[this.used] = k;
      this.next[this.used] = this.head[t]!;
      this.head[t] = this.used++;
    }
  }

  /** The earliest leader below `below` whose set is alike to text k's, with the similarity; null when none. */
  first(k: number, below: number, threshold: number): { leader: number; sim: number } | null {
    if (this.used === 0) return null;
    const set = this.sets[k]!;
    const n = set.length;
    const p = Math.min(n, this.prefix(n));
    const probe = ++this.probe;
    const found = this.found;
    found.length = 0;
    const lo = this.jaccard * n - EPS;
    const hi = n / this.jaccard + EPS;
    for (let i = 0; i < p; i++) {
      for (let e = this.head[set[i]!]!; e >= 0; e = this.next[e]!) {
        const other = this.owner[e]!;
        if (other >= below || this.stamp[other] === probe) continue;
        this.stamp[other] = probe;
        const m = this.sets[other]!.length;
        if (m >= lo && m <= hi) found.push(other);
      }
    }
    if (found.length === 0) return null;
    if (found.length > 1) found.sort((a, b) => a - b);
    for (const other of found) {
      const o = this.sets[other]!;
      const sim = (2 * overlap(set, o)) / (n + o.length);
      if (sim >= threshold) return { leader: other, sim };
    }
    return null;
  }
}

/** The positions (indexes into `seq`) of a longest strictly increasing subsequence of the values ≥ 0. */
export function increasingRun(seq: Int32Array): Uint8Array {
  const tails: number[] = []; // tails[l]: position of the smallest last value of a run of length l+1
  const prev = new Int32Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    const v = seq[i]!;
    if (v < 0) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out = new Uint8Array(seq.length);
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) out[i] = 1;
  return out;
}

/**
 * Clusters the texts (token sets sorted rarest first, as similarity.tokenize gives them), in
 * order. With the last run's clustering, texts whose place and neighbours did not change keep
 * their leader unless a leader that is new since then comes first and is alike; only new texts
 * and the followers of leaders that are gone are compared with every leader.
 */
export function clusterTexts(sets: readonly Int32Array[], threshold: number, previous?: PreviousClustering): Clustering {
  const n = sets.length;
  const leader = new Int32Array(n).fill(-1);
  const sim = new Float64Array(n).fill(1);
  let tokens = 0;
  for (const set of sets) for (const t of set) if (t >= tokens) tokens = t + 1;
  const jaccard = threshold / (2 - threshold);
  const all = new LeaderIndex(sets, tokens, jaccard);
  const assign = (k: number, hit: { leader: number; sim: number } | null): boolean => {
    if (hit) {
      leader[k] = hit.leader;
      sim[k] = hit.sim;
      return false;
    }
    all.add(k);
    return true;
  };
  if (!previous) {
    for (let k = 0; k < n; k++) assign(k, all.first(k, k, threshold));
    return { leader, sim };
  }
  // Texts kept in the same order as last time; the others (new, or moved since their first
  // occurrence went) count as new.
  const stable = increasingRun(previous.was);
  const oldCount = previous.leader.length;
  const now = new Int32Array(oldCount).fill(-1);
  for (let k = 0; k < n; k++) if (stable[k]) now[previous.was[k]!] = k;
  // Leaders of the last run that lead no more (gone, moved, or now following a new leader).
  const gone = new Uint8Array(oldCount);
  for (let o = 0; o < oldCount; o++) if (now[o]! < 0 && previous.leader[o]! < 0) gone[o] = 1;
  // Leaders that did not lead last time: the only ones a kept text can newly be alike to first.
  const added = new LeaderIndex(sets, tokens, jaccard);
  for (let k = 0; k < n; k++) {
    const o = stable[k] ? previous.was[k]! : -1;
    if (o < 0) {
      if (assign(k, all.first(k, k, threshold))) added.add(k);
      continue;
    }
    const p = previous.leader[o]!;
    if (p < 0) {
      const hit = added.first(k, k, threshold);
      assign(k, hit);
      if (hit) gone[o] = 1;
    } else if (gone[p]) {
      if (assign(k, all.first(k, k, threshold))) added.add(k);
    } else {
      assign(k, added.first(k, now[p]!, threshold) ?? { leader: now[p]!, sim: previous.sim[o]! });
    }
  }
  return { leader, sim };
}
