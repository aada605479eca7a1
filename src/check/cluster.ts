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
// run's clustering (a memo) and redo only what a group's resubmission can have changed
// (reclusterFew); the result is the same as clustering from scratch (the tests compare both).

import { bigrams, dice } from './similarity.js';

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

/** The tokens x and y (sorted) share, or -1 as soon as they cannot share `need`. */
function overlapReaches(x: Int32Array, y: Int32Array, need: number): number {
  let i = 0;
  let j = 0;
  let n = 0;
  const nx = x.length;
  const ny = y.length;
  while (i < nx && j < ny) {
    if (n + Math.min(nx - i, ny - j) < need) return -1;
    const a = x[i]!;
    const b = y[j]!;
    if (a === b) {
      n++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return n >= need ? n : -1;
}

/** Entries of the index: leader, position of the token in the leader's set, the set's size. */
const OWNER = 0;
const POS = 1;
const SIZE = 2;
const STRIDE = 3;

/** Tokens of a set of size n that any set alike to it must share one of (j = t/(2−t), the Jaccard equivalent of Dice t). */
function prefixOf(n: number, threshold: number): number {
  const j = threshold / (2 - threshold);
  return Math.min(n, n - Math.ceil(j * n - EPS) + 1);
}

/**
 * Where each token's entries go in an index of these sets: room for every set that has the
 * token in its prefix (the most that can lead), one token's entries side by side.
 */
function layout(sets: readonly Int32Array[], tokens: number, threshold: number): Int32Array {
  const start = new Int32Array(tokens + 1);
  for (const set of sets) {
    const p = prefixOf(set.length, threshold);
    for (let i = 0; i < p; i++) start[set[i]! + 1]!++;
  }
  for (let t = 0; t < tokens; t++) start[t + 1]! += start[t]!;
  return start;
}

/**
 * Leaders by the tokens of their prefixes, each token's leaders side by side in increasing
 * order (leaders are added in order), each entry with its leader, the token's position in
 * that leader's set and the set's size (for the size and positional filters, without
 * touching the set).
 */
class LeaderIndex {
  private readonly fill: Int32Array;
  private readonly entries: Int32Array;
  private size = 0;
  /** Per leader, while probing: the probe that last saw it, and the prefix tokens it shares (-1: ruled out). */
  private readonly stamp: Int32Array;
  private readonly shared: Int32Array;
  private probe = 0;
  private found: Int32Array;

  constructor(
    private readonly sets: readonly Int32Array[],
    private readonly start: Int32Array,
    private readonly threshold: number,
  ) {
    this.fill = start.slice(0, start.length - 1);
    this.entries = new Int32Array(start[start.length - 1]! * STRIDE);
    this.stamp = new Int32Array(sets.length).fill(-1);
    this.shared = new Int32Array(sets.length);
    this.found = new Int32Array(64);
  }

  add(k: number): void {
    const set = this.sets[k]!;
    const p = prefixOf(set.length, this.threshold);
    const ent = this.entries;
    for (let i = 0; i < p; i++) {
      const at = this.fill[set[i]!]!++ * STRIDE;
      ent[at + OWNER] = k;
      ent[at + POS] = i;
      ent[at + SIZE] = set.length;
    }
    this.size++;
  }

  /**
   * The earliest leader below `below` whose set is alike to text k's, with the similarity; null
   * when none. Candidates share a prefix token, have a size that can reach the threshold, and
   * pass the positional filter: the tokens shared so far plus all that remain after the shared
   * one (in either set) must still reach the overlap the threshold asks for.
   */
  first(k: number, below: number): { leader: number; sim: number } | null {
    if (this.size === 0) return null;
    const set = this.sets[k]!;
    const n = set.length;
    const p = prefixOf(n, this.threshold);
    const probe = ++this.probe;
    const { entries: ent, stamp, shared, start, fill } = this;
    const t = this.threshold;
    const j = t / (2 - t);
    const lo = j * n - EPS;
    const hi = n / j + EPS;
    let count = 0;
    for (let i = 0; i < p; i++) {
      const token = set[i]!;
      const end = fill[token]! * STRIDE;
      for (let at = start[token]! * STRIDE; at < end; at += STRIDE) {
        const other = ent[at + OWNER]!;
        if (other >= below) break; // a token's leaders are in increasing order
        const m = ent[at + SIZE]!;
        let seen = 0;
        if (stamp[other] === probe) {
          seen = shared[other]!;
          if (seen < 0) continue;
        } else {
          stamp[other] = probe;
          if (m < lo || m > hi) {
            shared[other] = -1;
            continue;
          }
        }
        // Overlap needed for Dice t: 2·o ≥ t·(n + m).
        const bound = seen + 1 + Math.min(n - i - 1, m - ent[at + POS]! - 1);
        if (2 * bound < t * (n + m) - EPS) {
          shared[other] = -1;
          continue;
        }
        if (seen === 0) {
          if (count === this.found.length) {
            const grown = new Int32Array(count * 2);
            grown.set(this.found);
            this.found = grown;
          }
          this.found[count++] = other;
        }
        shared[other] = seen + 1;
      }
    }
    return this.earliestAlike(set, count);
  }

  /**
   * The earliest alike one of the `count` candidates found. They come rarest shared token
   * first, and those are the likeliest to be alike: once one is, only earlier ones count.
   */
  private earliestAlike(set: Int32Array, count: number): { leader: number; sim: number } | null {
    const t = this.threshold;
    const n = set.length;
    let best = -1;
    let bestSim = 0;
    for (let c = 0; c < count; c++) {
      const other = this.found[c]!;
      if ((best >= 0 && other >= best) || this.shared[other]! < 0) continue;
      const o = this.sets[other]!;
      const common = overlapReaches(set, o, Math.ceil((t * (n + o.length)) / 2 - EPS));
      if (common < 0) continue;
      const sim = (2 * common) / (n + o.length);
      if (sim >= t) [best, bestSim] = [other, sim];
    }
    return best >= 0 ? { leader: best, sim: bestSim } : null;
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

/** Clusters the texts (token sets sorted rarest first, as similarity.tokenize gives them), in order. */
export function clusterTexts(sets: readonly Int32Array[], threshold: number): Clustering {
  const n = sets.length;
  const leader = new Int32Array(n).fill(-1);
  const sim = new Float64Array(n).fill(1);
  let tokens = 0;
  for (const set of sets) for (const t of set) if (t >= tokens) tokens = t + 1;
  const index = new LeaderIndex(sets, layout(sets, tokens, threshold), threshold);
  for (let k = 0; k < n; k++) {
    const hit = index.first(k, k);
    if (hit) {
      leader[k] = hit.leader;
      sim[k] = hit.sim;
    } else index.add(k);
  }
  return { leader, sim };
}

/** Above this many texts to look at again, clustering afresh is cheaper than redoing a part. */
function fewOf(n: number): number {
  return Math.max(256, Math.floor(n / 20));
}

/**
 * The clustering of today's texts from the last run's, when few texts changed; null when so
 * many did that clustering afresh (clusterTexts) is cheaper. The same result as clustering
 * afresh: texts kept in the same order as last time keep their leader unless a leader that did
 * not lead last time comes first and is alike; new texts, moved ones and the followers of
 * leaders that are gone are compared with all. Which texts are alike to those few is found by
 * one pass over every text's bigrams (no tokenizing of the rest).
 */
export function reclusterFew(norms: readonly string[], threshold: number, previous: PreviousClustering): Clustering | null {
  const n = norms.length;
  // Texts kept in the same order as last time; the others (new, or moved since their first
  // occurrence went) count as new.
  const stable = increasingRun(previous.was);
  const oldCount = previous.leader.length;
  const now = new Int32Array(oldCount).fill(-1);
  for (let k = 0; k < n; k++) if (stable[k]) now[previous.was[k]!] = k;
  // Texts to compare with all: new and moved ones, and followers of leaders that are gone.
  const ask = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const o = stable[k] ? previous.was[k]! : -1;
    const p = o < 0 ? -1 : previous.leader[o]!;
    if (o < 0 || (p >= 0 && now[p]! < 0)) ask[k] = 1;
  }
  const alike = new AlikeLists(norms, threshold);
  for (;;) {
    const asked: number[] = [];
    for (let k = 0; k < n; k++) if (ask[k]) asked.push(k);
    if (asked.length > fewOf(n)) return null;
    alike.find(asked);
    const walked = walk(n, previous, stable, now, alike);
    if (walked.missing.length === 0) return walked;
    // Followers of a leader that a new leader before it took in: compared with all as well.
    for (const k of walked.missing) ask[k] = 1;
  }
}

/** The walk of reclusterFew, given what the asked texts are alike to; `missing`: texts it found it must ask about too. */
function walk(
  n: number,
  previous: PreviousClustering,
  stable: Uint8Array,
  now: Int32Array,
  alike: AlikeLists,
): Clustering & { missing: number[] } {
  const leader = new Int32Array(n).fill(-1);
  const sim = new Float64Array(n).fill(1);
  // Leaders now that did not lead last time (new texts, or followers whose leader went).
  const added = new Uint8Array(n);
  // Leaders of the last run that lead no more (gone, moved, or now following an added leader).
  const gone = new Uint8Array(previous.leader.length);
  for (let o = 0; o < gone.length; o++) if (now[o]! < 0 && previous.leader[o]! < 0) gone[o] = 1;
  const missing: number[] = [];
  const leads = (y: number) => leader[y]! < 0;
  for (let k = 0; k < n; k++) {
    const o = stable[k] ? previous.was[k]! : -1;
    const p = o < 0 ? -1 : previous.leader[o]!;
    if (o < 0 || (p >= 0 && gone[p])) {
      const list = alike.of(k);
      if (!list) {
        missing.push(k);
        continue;
      }
      const hit = list.find(([y]) => y < k && leads(y));
      if (hit) [leader[k], sim[k]] = hit;
      else added[k] = 1;
    } else if (p < 0) {
      // It led: it follows an added leader before it that it is alike to, if any.
      const hit = alike.addedBefore(k, k, added, leads);
      if (hit) {
        [leader[k], sim[k]] = hit;
        gone[o] = 1;
      }
    } else {
      const hit = alike.addedBefore(k, now[p]!, added, leads) ?? [now[p]!, previous.sim[o]!];
      [leader[k], sim[k]] = hit;
    }
  }
  return { leader, sim, missing };
}

/**
 * A 30-bit key of a bigram (two code points) or of a one-character text (b = -1); a collision
 * only lets a candidate through to the exact comparison.
 */
const bigramKey = (a: number, b: number) => (Math.imul(a, 65_599) ^ b) & 0x3fffffff;

/**
 * For some of the texts (the asked ones), every other text alike to them, with the similarity,
 * in text order; and the other way round, for each text the asked ones it is alike to.
 */
class AlikeLists {
  private readonly lists = new Map<number, [number, number][]>();
  private readonly back = new Map<number, [number, number][]>();
  private readonly j: number;

  constructor(
    private readonly norms: readonly string[],
    private readonly threshold: number,
  ) {
    this.j = threshold / (2 - threshold);
  }

  of(k: number): [number, number][] | undefined {
    return this.lists.get(k);
  }

  /** The first asked text before `below` that now leads as an added leader and that text k is alike to. */
  addedBefore(k: number, below: number, added: Uint8Array, leads: (y: number) => boolean): [number, number] | undefined {
    return this.back.get(k)?.find(([q]) => q < below && added[q] && leads(q));
  }

  /** Finds what the asked texts not looked at yet are alike to: one pass over every text's bigrams. */
  find(asked: readonly number[]): void {
    const fresh = asked.filter((k) => !this.lists.has(k));
    if (fresh.length === 0) return;
    const sets = fresh.map((k) => bigrams(this.norms[k]!));
    const need = sets.map((set) => Math.ceil(this.j * set.size - EPS));
    const index = new Map<number, number[]>();
    sets.forEach((set, r) => {
      this.lists.set(fresh[r]!, []);
      for (const t of set) {
        const cps = Array.from(t, (c) => c.codePointAt(0)!);
        const key = bigramKey(cps[0]!, cps.length > 1 ? cps[1]! : -1);
        const list = index.get(key);
        if (!list) index.set(key, [r]);
        else if (list[list.length - 1] !== r) list.push(r);
      }
    });
    const hits = new Int32Array(fresh.length);
    const touched: number[] = [];
    const count = (key: number) => {
      const list = index.get(key);
      if (list) for (const r of list) if (hits[r]!++ === 0) touched.push(r);
    };
    this.norms.forEach((text, y) => {
      touched.length = 0;
      let prev = -2;
      let chars = 0;
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        if (prev !== -2) count(bigramKey(prev, cp));
        prev = cp;
        chars++;
      }
      if (chars === 1) count(bigramKey(prev, -1));
      let own: Set<string> | undefined;
      for (const r of touched) {
        const enough = hits[r]! >= need[r]!;
        hits[r] = 0;
        const q = fresh[r]!;
        if (!enough || q === y) continue;
        own ??= bigrams(text);
        const s = dice(sets[r]!, own);
        if (s < this.threshold) continue;
        this.lists.get(q)!.push([y, s]);
        const back = this.back.get(y);
        if (back) back.push([q, s]);
        else this.back.set(y, [[q, s]]);
      }
    });
    for (const list of this.back.values()) list.sort((a, b) => a[0] - b[0]);
  }
}
