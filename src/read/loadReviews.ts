// Reads reviews.yaml (the review states of ledger records) from the campaign root. No file is
// no review yet. The file is plain YAML a clerk may edit: a broken one is refused with its line,
// never silently read as "nothing reviewed".
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { LedgerError } from '../messages/errors.js';
import { entryProblem, REVIEWS_FILE, toEntry, type ReviewEntry } from '../model/reviews.js';
import { isPlainScalar } from '../yaml/plainScalar.js';

export function reviewsPath(root: string): string {
  return path.join(root, REVIEWS_FILE);
}

export function loadReviews(root: string): ReviewEntry[] {
  const file = reviewsPath(root);
  if (!existsSync(file)) return [];
  return parseReviews(readFileSync(file, 'utf8'), file);
}

export function parseReviews(text: string, file: string): ReviewEntry[] {
  // The file as `ledger review` writes it is read line by line: the YAML library takes seconds
  // over 100,000 entries. Anything else (a hand edit in another style, a broken entry) goes to
  // the library, which reads any YAML and names the line of a problem.
  const fast = fastEntries(text);
  if (fast && fast.every((e) => entryProblem(e) === null)) return fast.map(toEntry);
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

const ENTRY_LINE = /^(- | {2})(id|state|reason|note|date|sha256): (.+)$/;

function fastEntries(text: string): Record<string, unknown>[] | null {
  const items: Record<string, unknown>[] = [];
  let empty = false;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    if (line === '[]' && !empty && items.length === 0) {
      empty = true;
      continue;
    }
    const m = ENTRY_LINE.exec(line);
    if (!m || empty) return null;
    const [, lead, key, raw] = m as unknown as [string, string, string, string];
    let value: unknown;
    // Quoted is JSON; plain is its own text under the emitter's rule (and a date is text under the
    // core schema); anything else goes to the library.
    if (raw.startsWith('"')) {
      try {
        value = JSON.parse(raw);
      } catch {
        return null;
      }
    } else if (isPlainScalar(raw) || /^\d{4}-\d{2}-\d{2}$/.test(raw)) value = raw;
    else return null;
    if (lead === '- ') items.push({});
    const item = items[items.length - 1];
    if (!item || key in item) return null;
    item[key] = value;
  }
  return items;
}
