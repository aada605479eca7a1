// Reads reviews.yaml (the review states of ledger records) from the campaign root. No file is
// no review yet. The file is plain YAML a clerk may edit: a broken one is refused with its line,
// never silently read as "nothing reviewed".
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { LedgerError } from '../messages/errors.js';
import { entryProblem, REVIEWS_FILE, toEntry, type ReviewEntry } from '../model/reviews.js';

export function reviewsPath(root: string): string {
  return path.join(root, REVIEWS_FILE);
}

export function loadReviews(root: string): ReviewEntry[] {
  const file = reviewsPath(root);
  if (!existsSync(file)) return [];
  return parseReviews(readFileSync(file, 'utf8'), file);
}

export function parseReviews(text: string, file: string): ReviewEntry[] {
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { schema: 'core', lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length) {
    throw new LedgerError('reviews-unreadable', { file, detail: (doc.errors[0]?.message ?? 'YAML error').split('\n')[0] ?? 'YAML error' });
  }
  const root = doc.contents;
  if (root === null) return [];
  if (!isSeq(root)) throw new LedgerError('reviews-unreadable', { file, detail: 'not a list of reviews' });
  const data = doc.toJS({ maxAliasCount: 0 }) as unknown[];
  return data.map((item, i) => {
    const problem = entryProblem(item);
    if (problem !== null) {
      const node = root.items[i];
      const offset = (isMap(node) || isSeq(node) ? node.range?.[0] : (node as { range?: number[] } | undefined)?.range?.[0]) ?? 0;
      throw new LedgerError('reviews-entry', { file, line: lines.linePos(offset).line, field: problem });
    }
    return toEntry(item as Record<string, unknown>);
  });
}
