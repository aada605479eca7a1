// The same opinion heard by two groups (or written down twice) is kept twice — nothing is
// filtered — but reported as a likely duplicate so the office does not count it double:
// same kind of source, near-identical content.
//
// Which texts are alike depends only on the texts, so the merge keeps the alike pairs of the
// last run (a `DuplicateMemo`) and, when a group resubmits, compares only the new texts with
// the rest instead of joining 100,000 opinions again. Which record is reported against which
// is then worked out from the pairs, the same way whether they were memoized or not.
import { diagnostic, type Diagnostic } from '../messages/diagnostic.js';
import type { LikelyDuplicate } from '../model/ledgers.js';
import type { RecordResult } from '../model/campaign.js';
import { joinFew, joinNormBlocks, normalizeText } from './similarity.js';

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

/** Per kind of source: its distinct texts and which of them are alike (indexes, similarity). */
export interface DuplicateMemo {
  threshold: number;
  blocks: Record<string, { norms: string[]; pairs: [number, number, number][] }>;
}

export interface DuplicateFinding {
  diagnostics: Diagnostic[];
  pairs: LikelyDuplicate[];
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

/** Above this share of new texts a whole join is cheaper than comparing the new ones with all. */
const FEW = 0.02;

/** `refs` in ledger.yaml group order and file order; `memo` from an earlier run, if any. */
export function likelyDuplicates(refs: readonly OpinionRef[], memo?: DuplicateMemo): DuplicateFinding {
  const blocks = new Map<string, number[]>();
  refs.forEach((x, i) => {
    const block = blocks.get(x.source);
    if (block) block.push(i);
    else blocks.set(x.source, [i]);
  });
  const next: DuplicateMemo = { threshold: DUPLICATE_THRESHOLD, blocks: {} };
  const found: { a: number; b: number; similarity: number }[] = [];
  // Each block's distinct texts (with the first record that has each), then their alike pairs:
  // from the memo where it can, the blocks that need a whole join all joined in one go.
  const sources = [...blocks.keys()].sort();
  // Each record's distinct text, by number within its block (-1: empty).
  const textOf = new Int32Array(refs.length).fill(-1);
  const distinct = sources.map((source) => {
    // Each distinct text (by number k), and the first record that has it.
    const firstRef: number[] = [];
    const norms: string[] = [];
    const at = new TextIndex(norms);
    for (const i of blocks.get(source)!) {
      const ref = refs[i]!;
      if (ref.norm === '') continue;
      const hash = ref.hash ?? textHash(ref.norm);
      let k = at.get(ref.norm, hash);
      if (k === undefined) {
        k = at.add(ref.norm, hash);
        firstRef.push(i);
      }
      textOf[i] = k;
    }
    return { source, at, firstRef, norms, pairs: null as [number, number, number][] | null };
  });
  const old = memo?.threshold === DUPLICATE_THRESHOLD ? memo.blocks : {};
  for (const d of distinct) d.pairs = pairsFromMemo(d.norms, d.at, old[d.source]);
  const whole = distinct.filter((d) => d.pairs === null);
  joinNormBlocks(
    whole.map((d) => d.norms),
    DUPLICATE_THRESHOLD,
  ).forEach((pairs, k) => (whole[k]!.pairs = pairs.map((p): [number, number, number] => [p.a, p.b, p.similarity])));
  for (const { source, firstRef, norms, pairs } of distinct) {
    next.blocks[source] = { norms, pairs: pairs! };
    const alike = new Map<number, [number, number][]>();
    const link = (x: number, y: number, s: number) => {
      const list = alike.get(x);
      if (list) list.push([y, s]);
      else alike.set(x, [[y, s]]);
    };
    for (const [a, b, s] of pairs!) {
      link(a, b, s);
      link(b, a, s);
    }
    // A record repeating an earlier text is reported against the first record with it; any
    // other, against the earliest record whose text is alike. Each record at most once.
    for (const i of blocks.get(source)!) {
      const k = textOf[i]!;
      if (k < 0) continue;
      const f = firstRef[k]!;
      if (f < i) {
        found.push({ a: f, b: i, similarity: 1 });
        continue;
      }
      let best = -1;
      let similarity = 0;
      for (const [other, s] of alike.get(k) ?? []) {
        const a = firstRef[other]!;
        if (a < i && (best < 0 || a < best)) [best, similarity] = [a, s];
      }
      if (best >= 0) found.push({ a: best, b: i, similarity });
    }
  }
  found.sort((x, y) => x.b - y.b);
  const ledgerId = (x: OpinionRef) => `${x.group}/${x.id}`;
  return {
    memo: next,
    pairs: found.map((f) => ({ a: ledgerId(refs[f.a]!), b: ledgerId(refs[f.b]!), similarity: Math.round(f.similarity * 100) / 100 })),
    diagnostics: found.map(({ a: ai, b: bi, similarity }) => {
      const a = refs[ai]!;
      const b = refs[bi]!;
      const data = { id: b.id, others: [{ id: ledgerId(a), file: a.file, line: a.line }], similarity };
      return diagnostic('likely-duplicate', data, { file: b.file, line: b.line, column: b.column, pointer: '/content' });
    }),
  };
}

/** The alike pairs among `norms` from the memo, the new texts compared anew; null when a whole join is due. */
function pairsFromMemo(
  norms: string[],
  at: TextIndex,
  old: DuplicateMemo['blocks'][string] | undefined,
): [number, number, number][] | null {
  if (!old) return null;
  // Where each text of the memo is now (-1: gone), and which texts are new. Both lists are in
  // ledger order and mostly the same, so they are walked side by side; the map is asked only
  // where they part (a lookup hashes a long text, a comparison of equal neighbours does not).
  const now = new Int32Array(old.norms.length);
  for (let i = 0, j = 0; i < old.norms.length; i++) {
    const n = old.norms[i]!;
    if (j < norms.length && norms[j] === n) now[i] = j++;
    else {
      const k = at.get(n, textHash(n));
      now[i] = k ?? -1;
      if (k !== undefined) j = k + 1;
    }
  }
  const known = new Uint8Array(norms.length);
  for (const k of now) if (k >= 0) known[k] = 1;
  const fresh: number[] = [];
  for (let k = 0; k < norms.length; k++) if (!known[k]) fresh.push(k);
  if (fresh.length > Math.max(16, FEW * norms.length)) return null;
  const pairs: [number, number, number][] = [];
  for (const [a, b, s] of old.pairs) {
    const x = now[a]!;
    const y = now[b]!;
    if (x >= 0 && y >= 0) pairs.push(x < y ? [x, y, s] : [y, x, s]);
  }
  for (const p of joinFew(fresh, norms, DUPLICATE_THRESHOLD)) pairs.push([p.a, p.b, p.similarity]);
  return pairs.sort((p, q) => p[1] - q[1] || p[0] - q[0]);
}
