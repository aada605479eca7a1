// The same opinion heard by two groups (or written down twice) is kept twice — nothing is
// filtered — but reported as a likely duplicate so the office does not count it double:
// same kind of source, near-identical content.
import type { Diagnostic } from '../diagnostic.js';
import type { LikelyDuplicate } from '../ledgers/types.js';
import type { RecordResult } from '../model.js';
import { similarPairs } from './similarity.js';

export const DUPLICATE_THRESHOLD = 0.85;

export interface DuplicateFinding {
  diagnostics: Diagnostic[];
  pairs: LikelyDuplicate[];
}

/** `records` with their group, in ledger.yaml group order and file order. */
export function likelyDuplicates(records: readonly { group: string; record: RecordResult }[]): DuplicateFinding {
  const blocks = new Map<string, { group: string; record: RecordResult; content: string }[]>();
  for (const x of records) {
    const d = x.record.data;
    if (x.record.kind !== 'opinion' || !d || x.record.reasons.length || typeof d.content !== 'string') continue;
    const source = (d.source as { kind?: unknown } | undefined)?.kind;
    const key = typeof source === 'string' ? source : '';
    const block = blocks.get(key);
    const item = { ...x, content: d.content };
    if (block) block.push(item);
    else blocks.set(key, [item]);
  }
  const found: { a: { group: string; record: RecordResult }; b: { group: string; record: RecordResult }; similarity: number }[] = [];
  for (const block of blocks.values()) {
    const reported = new Set<number>();
    for (const p of similarPairs(block.map((x) => x.content), DUPLICATE_THRESHOLD)) {
      // Each record is reported once, against the first record it resembles.
      if (reported.has(p.b)) continue;
      reported.add(p.b);
      found.push({ a: block[p.a] as (typeof block)[number], b: block[p.b] as (typeof block)[number], similarity: p.similarity });
    }
  }
  const order = new Map(records.map((x, i) => [x.record, i]));
  found.sort((x, y) => (order.get(x.b.record) as number) - (order.get(y.b.record) as number));
  const ledgerId = (x: { group: string; record: RecordResult }) => `${x.group}/${x.record.id}`;
  return {
    pairs: found.map((f) => ({ a: ledgerId(f.a), b: ledgerId(f.b), similarity: Math.round(f.similarity * 100) / 100 })),
    diagnostics: found.map((f) => ({
      severity: 'warning',
      code: 'likely-duplicate',
      message: `opinion ${f.b.record.id} is ${f.similarity === 1 ? 'the same as' : `${Math.round(f.similarity * 100)}% alike`} ${ledgerId(f.a)} (${f.a.record.file}:${f.a.record.line}), from the same kind of source: both are kept; make sure it is not one opinion counted twice`,
      file: f.b.record.file,
      line: f.b.record.line,
      column: f.b.record.column,
      pointer: '/content',
    })),
  };
}
