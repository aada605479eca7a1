// The same opinion heard by several groups (or written down twice) is kept every time —
// nothing is filtered — but reported as likely duplicates so the office does not count it
// more than once: same kind of source, near-identical content. Alike opinions are reported as
// clusters (cluster.ts): the first opinion of its text and every later one alike to it, one
// warning per cluster, so 100,000 alike opinions read as a few thousand clusters.
//
// Which texts are alike depends only on the texts and their order, so the merge keeps the
// clustering of the last run (a `DuplicateMemo`) and, when a group resubmits, redoes only what
// the resubmission can have changed instead of clustering 100,000 opinions again.
import { diagnostic, type Diagnostic } from '../messages/diagnostic.js';
import type { LikelyDuplicate } from '../model/ledgers.js';
import type { RecordResult } from '../model/campaign.js';
import { clusterTexts, reclusterFew, type Clustering, type PreviousClustering } from './cluster.js';
import { normalizeText, tokenize } from './similarity.js';
import { sha256 } from '../util/hash.js';

export const DUPLICATE_THRESHOLD = 0.85;

/** What duplicate detection needs of a valid opinion (small, so the merge can cache it per group). */
export interface OpinionRef {
  group: string;
  /** The record's own id (the ledger id is `group/id`). */
  id: string;
  file: string;
  line: number;
  column: number;
  /** The source's kind: only opinions from the same kind of source are compared. */
  source: string;
  /** The content, normalized (normalizeText). */
  norm: string;
  /** textHash(norm), kept with the ref so a merge from the cache does not hash 67,000 texts again. */
  hash?: number;
}

/** A 31-bit FNV-1a hash of a text's UTF-16 units: equal texts, equal hashes (and the texts are compared). */
export function textHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h & 0x7fffffff;
}

/** Distinct texts by number, looked up by hash and confirmed by comparing the texts. */
class TextIndex {
  private readonly byHash = new Map<number, number | number[]>();
  constructor(private readonly texts: string[]) {}

  get(text: string, hash: number): number | undefined {
    const hit = this.byHash.get(hash);
    if (hit === undefined) return undefined;
    if (typeof hit === 'number') return this.texts[hit] === text ? hit : undefined;
    return hit.find((k) => this.texts[k] === text);
  }

  /** Adds `text` (not yet present) as number texts.length. */
  add(text: string, hash: number): number {
    const k = this.texts.length;
    this.texts.push(text);
    const hit = this.byHash.get(hash);
    if (hit === undefined) this.byHash.set(hash, k);
    else if (typeof hit === 'number') this.byHash.set(hash, [hit, k]);
    else hit.push(k);
    return k;
  }
}

/**
 * Per kind of source (a block): what its texts were, and how they clustered. The texts that
 * follow a leader are flat triples (text, its leader, its similarity to it); every other text
 * leads. (Most texts lead when opinions are varied: the memo stays small.)
 */
export interface MemoBlock {
  /** What the block's texts are, one per opinion in ledger order (empty ones too): blockKey. */
  key: string;
  /** Its distinct texts. */
  count: number;
  /** The distinct texts in order; a cache may read them only when asked (null: they cannot be read). */
  readonly norms: readonly string[] | null;
  links: number[];
  /** Opinions whose text is not a new distinct one, flat pairs: position in the block, its text's number (-1: empty). */
  repeats: number[];
}

export interface DuplicateMemo {
  threshold: number;
  blocks: Record<string, MemoBlock>;
}

/** A block's clustering as the memo keeps it: the followers' triples. */
function linksOf(leader: Int32Array, sim: Float64Array): number[] {
  const links: number[] = [];
  for (let k = 0; k < leader.length; k++) if (leader[k]! >= 0) links.push(k, leader[k]!, sim[k]!);
  return links;
}

export interface DuplicateFinding {
  diagnostics: Diagnostic[];
  clusters: LikelyDuplicate[];
  memo: DuplicateMemo;
}

function normed(content: string): { norm: string; hash: number } {
  const norm = normalizeText(content);
  return { norm, hash: textHash(norm) };
}

/** The opinions of one group's records that take part, in file order. */
export function opinionRefs(group: string, records: readonly RecordResult[]): OpinionRef[] {
  const out: OpinionRef[] = [];
  for (const r of records) {
    const d = r.data;
    if (r.kind !== 'opinion' || !d || r.reasons.length || typeof d.content !== 'string') continue;
    const source = (d.source as { kind?: unknown } | undefined)?.kind;
    out.push({
      group,
      id: String(r.id),
      file: r.file,
      line: r.line,
      column: r.column,
      source: typeof source === 'string' ? source : '',
      ...normed(d.content),
    });
  }
  return out;
}

/**
 * Per kind of source, the sha256 of a group's opinion texts of that kind in order: what a block
 * of the duplicate check holds is known from its groups' keys, without hashing 100,000 texts.
 */
export function textKeysOf(refs: readonly OpinionRef[]): Record<string, string> {
  const bySource = new Map<string, string[]>();
  for (const r of refs) {
    const list = bySource.get(r.source);
    if (list) list.push(r.norm);
    else bySource.set(r.source, [r.norm]);
  }
  const keys: Record<string, string> = {};
  for (const source of [...bySource.keys()].sort()) {
    const norms = bySource.get(source)!;
    keys[source] = sha256(`${norms.length}\n${norms.join('\n')}`);
  }
  return keys;
}

/** A block's key: its groups in order, each with its texts' key (given, or worked out here). */
function blockKey(refs: readonly OpinionRef[], members: readonly number[], source: string, given?: GroupTextKeys): string {
  const parts: string[] = [];
  for (let p = 0; p < members.length;) {
    const group = refs[members[p]!]!.group;
    let q = p;
    while (q < members.length && refs[members[q]!]!.group === group) q++;
    const key = given?.get(group)?.[source] ?? textKeysOf(members.slice(p, q).map((i) => refs[i]!))[source];
    parts.push(`${group}\t${key}`);
    p = q;
  }
  return sha256(parts.join('\n'));
}

/** Per group, its textKeysOf (as a merge keeps them with each group's output). */
export type GroupTextKeys = ReadonlyMap<string, Readonly<Record<string, string>>>;

/**
 * `refs` in ledger.yaml group order and file order (a group's opinions side by side); `memo`
 * from an earlier run, if any; `textKeys` the groups' textKeysOf, when the caller has them.
 */
export function likelyDuplicates(refs: readonly OpinionRef[], memo?: DuplicateMemo, textKeys?: GroupTextKeys): DuplicateFinding {
  const blocks = new Map<string, number[]>();
  refs.forEach((x, i) => {
    const block = blocks.get(x.source);
    if (block) block.push(i);
    else blocks.set(x.source, [i]);
  });
  // Each record's text by number within its block (-1: empty).
  const textOf = new Int32Array(refs.length).fill(-1);
  const old = memo?.threshold === DUPLICATE_THRESHOLD ? memo.blocks : {};
  const next: DuplicateMemo = { threshold: DUPLICATE_THRESHOLD, blocks: {} };
  const found: { members: number[]; similarity: number }[] = [];
  for (const source of [...blocks.keys()].sort()) {
    const members = blocks.get(source)!;
    const key = blockKey(refs, members, source, textKeys);
    const was = old[source];
    // The same texts in the same order cluster as they did: most blocks, when one group resubmits.
    const kept = was?.key === key ? keptClustering(was, members, textOf) : null;
    const { block, leader, sim } = kept ?? clusterBlock(refs, members, key, textOf, was);
    next.blocks[source] = block;
    for (const c of clustersOf(members, textOf, leader, sim)) found.push(c);
  }
  found.sort((x, y) => x.members[0]! - y.members[0]!);
  const ledgerId = (x: OpinionRef) => `${x.group}/${x.id}`;
  // Shown as a lower bound (≥ 85%), so rounded down.
  const shown = (s: number) => Math.floor(s * 100 + 1e-6) / 100;
  return {
    memo: next,
    clusters: found.map((c) => ({ ids: c.members.map((i) => ledgerId(refs[i]!)), similarity: shown(c.similarity) })),
    diagnostics: found.map((c) => {
      const [first, ...rest] = c.members.map((i) => refs[i]!);
      const others = rest.map((o) => ({ id: ledgerId(o), file: o.file, line: o.line }));
      return diagnostic(
        'likely-duplicate',
        { id: first!.id, others, similarity: shown(c.similarity) },
        { file: first!.file, line: first!.line, column: first!.column, pointer: '/content' },
      );
    }),
  };
}

/**
 * A block whose texts are those of the memo: its records' text numbers and clustering as they
 * were (null: the memo does not hold together).
 */
function keptClustering(was: MemoBlock, members: readonly number[], textOf: Int32Array): (Clustering & { block: MemoBlock }) | null {
  const { repeats, count } = was;
  let k = 0;
  let r = 0;
  for (let p = 0; p < members.length; p++) {
    if (r < repeats.length && repeats[r] === p) {
      const t = repeats[r + 1]!;
      if (t >= k) return null;
      textOf[members[p]!] = t;
      r += 2;
    } else textOf[members[p]!] = k++;
  }
  if (k !== count || r !== repeats.length) return null;
  return { block: was, ...clusteringOf(count, was.links) };
}

/** A block clustered from its texts: from the memo's clustering when few texts changed, else afresh. */
function clusterBlock(
  refs: readonly OpinionRef[],
  members: readonly number[],
  key: string,
  textOf: Int32Array,
  was: MemoBlock | undefined,
): Clustering & { block: MemoBlock } {
  // The block's distinct texts, in order of first appearance.
  const norms: string[] = [];
  const repeats: number[] = [];
  const at = new TextIndex(norms);
  members.forEach((i, p) => {
    const ref = refs[i]!;
    if (ref.norm === '') {
      textOf[i] = -1; // whatever a memo that did not hold together said
      return void repeats.push(p, -1);
    }
    const hash = ref.hash ?? textHash(ref.norm);
    const seen = at.get(ref.norm, hash);
    if (seen !== undefined) repeats.push(p, seen);
    textOf[i] = seen ?? at.add(ref.norm, hash);
  });
  const oldNorms = was?.norms;
  const previous = was && oldNorms ? previousOf(norms, at, { norms: oldNorms, links: was.links }) : undefined;
  const { leader, sim } =
    (previous?.same ? previous : previous && reclusterFew(norms, DUPLICATE_THRESHOLD, previous)) ??
    clusterTexts(tokenize(norms).sets, DUPLICATE_THRESHOLD);
  // Texts as they were: the memo's own list is kept (the cache then knows not to write it again).
  const kept = previous?.same && oldNorms ? oldNorms : norms;
  return { block: { key, count: norms.length, norms: kept, links: linksOf(leader, sim), repeats }, leader, sim };
}

/** Leaders and similarities from a memo's followers' triples. */
function clusteringOf(count: number, links: readonly number[]): Clustering {
  const leader = new Int32Array(count).fill(-1);
  const sim = new Float64Array(count).fill(1);
  for (let i = 0; i + 2 < links.length; i += 3) {
    leader[links[i]!] = links[i + 1]!;
    sim[links[i]!] = links[i + 2]!;
  }
  return { leader, sim };
}

/** A block's records by cluster (its leader's text), in ledger order; a cluster of one is no duplicate. */
function clustersOf(records: readonly number[], textOf: Int32Array, leader: Int32Array, sim: Float64Array) {
  const head = (k: number) => (leader[k]! < 0 ? k : leader[k]!);
  const size = new Int32Array(leader.length);
  for (const i of records) if (textOf[i]! >= 0) size[head(textOf[i]!)]!++;
  const byLeader = new Map<number, { members: number[]; similarity: number }>();
  for (const i of records) {
    const k = textOf[i]!;
    if (k < 0 || size[head(k)]! < 2) continue;
    let c = byLeader.get(head(k));
    if (!c) byLeader.set(head(k), (c = { members: [], similarity: 1 }));
    c.members.push(i);
    c.similarity = Math.min(c.similarity, sim[k]!);
  }
  return byLeader.values();
}

/** Where each text of today was in the memo's clustering (a side-by-side walk: both lists are in ledger order and mostly the same). */
function previousOf(
  norms: string[],
  at: TextIndex,
  old: { norms: readonly string[]; links: readonly number[] },
): PreviousClustering & Clustering & { same: boolean } {
  const was = new Int32Array(norms.length).fill(-1);
  // The map is asked only where the lists part (a lookup hashes a long text, comparing equal neighbours does not).
  for (let i = 0, j = 0; i < old.norms.length; i++) {
    const n = old.norms[i]!;
    if (j < norms.length && norms[j] === n) was[j++] = i;
    else {
      const k = at.get(n, textHash(n));
      if (k !== undefined) {
        was[k] = i;
        j = k + 1;
      }
    }
  }
  const { leader, sim } = clusteringOf(old.norms.length, old.links);
  let same = norms.length === old.norms.length;
  for (let k = 0; same && k < was.length; k++) same = was[k] === k;
  return { leader, sim, was, same };
}
