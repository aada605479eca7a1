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
import { clusterTexts, reclusterFew, type PreviousClustering } from './cluster.js';
import { normalizeText, tokenize } from './similarity.js';

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
 * Per kind of source: its distinct texts in order, and the texts that follow a leader, as flat
 * triples (text, its leader, its similarity to it); every other text leads. (Most texts lead
 * when opinions are varied: the memo stays small.)
 */
export interface DuplicateMemo {
  threshold: number;
  blocks: Record<string, { norms: string[]; links: number[] }>;
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

/** `refs` in ledger.yaml group order and file order; `memo` from an earlier run, if any. */
export function likelyDuplicates(refs: readonly OpinionRef[], memo?: DuplicateMemo): DuplicateFinding {
  const blocks = new Map<string, number[]>();
  refs.forEach((x, i) => {
    const block = blocks.get(x.source);
    if (block) block.push(i);
    else blocks.set(x.source, [i]);
  });
  // Each block's distinct texts, in order of first appearance, and each record's text by
  // number within its block (-1: empty).
  const sources = [...blocks.keys()].sort();
  const textOf = new Int32Array(refs.length).fill(-1);
  const distinct = sources.map((source) => {
    const norms: string[] = [];
    const at = new TextIndex(norms);
    for (const i of blocks.get(source)!) {
      const ref = refs[i]!;
      if (ref.norm === '') continue;
      const hash = ref.hash ?? textHash(ref.norm);
      textOf[i] = at.get(ref.norm, hash) ?? at.add(ref.norm, hash);
    }
    return { source, at, norms };
  });
  const old = memo?.threshold === DUPLICATE_THRESHOLD ? memo.blocks : {};
  const next: DuplicateMemo = { threshold: DUPLICATE_THRESHOLD, blocks: {} };
  const found: { members: number[]; similarity: number }[] = [];
  for (const { source, at, norms } of distinct) {
    // From the last run's clustering when few texts changed, else afresh.
    const previous = previousOf(norms, at, old[source]);
    const { leader, sim } =
      (previous && reclusterFew(norms, DUPLICATE_THRESHOLD, previous)) ?? clusterTexts(tokenize(norms).sets, DUPLICATE_THRESHOLD);
    // Texts as they were: the memo's own list is kept (the cache then knows not to write it again).
    const same = previous?.same && old[source] ? old[source].norms : norms;
    next.blocks[source] = { norms: same, links: linksOf(leader, sim) };
    for (const c of clustersOf(blocks.get(source)!, textOf, leader, sim)) found.push(c);
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
  old: DuplicateMemo['blocks'][string] | undefined,
): (PreviousClustering & { same: boolean }) | undefined {
  if (!old) return undefined;
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
  const leader = new Int32Array(old.norms.length).fill(-1);
  const sim = new Float64Array(old.norms.length).fill(1);
  for (let i = 0; i + 2 < old.links.length; i += 3) {
    leader[old.links[i]!] = old.links[i + 1]!;
    sim[old.links[i]!] = old.links[i + 2]!;
  }
  let same = norms.length === old.norms.length;
  for (let k = 0; same && k < was.length; k++) same = was[k] === k;
  return { leader, sim, was, same };
}
