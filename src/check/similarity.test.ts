import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigrams, dice, joinFew, joinNormBlocks, normalizeText, type SimilarPair } from './similarity.js';
import { likelyDuplicates, type OpinionRef } from './likelyDuplicates.js';

/**
 * The join over raw texts, as the brute-force oracle below states it: exact repeats (after
 * normalizing) paired with their first occurrence, the distinct texts through joinNormBlocks.
 */
function similarPairs(texts: readonly string[], threshold: number): SimilarPair[] {
  const pairs: SimilarPair[] = [];
  const firstOf = new Map<string, number>();
  const reps: number[] = [];
  const repNorms: string[] = [];
  texts.forEach((raw, i) => {
    const norm = normalizeText(raw);
    if (norm === '') return;
    const first = firstOf.get(norm);
    if (first === undefined) {
      firstOf.set(norm, i);
      reps.push(i);
      repNorms.push(norm);
    } else pairs.push({ a: first, b: i, similarity: 1 });
  });
  for (const p of joinNormBlocks([repNorms], threshold)[0]!) pairs.push({ a: reps[p.a]!, b: reps[p.b]!, similarity: p.similarity });
  return pairs.sort((p, q) => p.b - q.b || p.a - q.a);
}

describe('similarity', () => {
  it('works on Chinese without segmentation, ignoring punctuation and width', () => {
    const a = '窗口工作人员态度生硬，群众办事多次往返。';
    const b = '窗口工作人员态度生硬, 群众办事多次往返';
    expect(normalizeText(a)).toBe(normalizeText(b));
    expect(dice(bigrams(normalizeText(a)), bigrams(normalizeText('窗口工作人员态度生硬，群众办事需要多次往返。')))).toBeGreaterThan(0.85);
    expect(dice(bigrams(normalizeText(a)), bigrams(normalizeText('法律援助审批时间长，希望简化流程。')))).toBeLessThan(0.2);
  });

  it('pairs exact repeats with their first occurrence and near-identical texts', () => {
    const texts = ['会议太多，表格太多', 'Too many meetings', '会议太多、表格太多！', '完全不同的一句话', '会议太多，表格太多了'];
    expect(similarPairs(texts, 0.85).map((p) => [p.a, p.b])).toEqual([
      [0, 2],
      [0, 4],
    ]);
  });

  it('finds exactly the pairs a brute-force comparison finds (property)', () => {
    const alphabet = fc.constantFrom(...'会议太多表格窗口态度生硬群众办事');
    fc.assert(
      fc.property(
        fc.array(
          fc.array(alphabet, { minLength: 1, maxLength: 12 }).map((cs) => cs.join('')),
          { maxLength: 25 },
        ),
        fc.constantFrom(0.6, 0.8, 0.9),
        (texts, t) => {
          const brute: string[] = [];
          const norm = texts.map(normalizeText);
          const firstOf = new Map<string, number>();
          norm.forEach((n, i) => {
            if (!firstOf.has(n)) firstOf.set(n, i);
          });
          for (let b = 0; b < texts.length; b++) {
            for (let a = 0; a < b; a++) {
              if (norm[a] === norm[b]) {
                if (firstOf.get(norm[b] as string) === a) brute.push(`${a}-${b}`);
              } else if (
                firstOf.get(norm[a] as string) === a &&
                firstOf.get(norm[b] as string) === b &&
                dice(bigrams(norm[a] as string), bigrams(norm[b] as string)) >= t
              )
                brute.push(`${a}-${b}`);
            }
          }
          expect(
            similarPairs(texts, t)
              .map((p) => `${p.a}-${p.b}`)
              .sort(),
          ).toEqual(brute.sort());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('joinFew finds exactly the pairs involving the new texts (property)', () => {
    const alphabet = fc.constantFrom(...'会议太多表格窗口态度生硬群众办事𠀀a');
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.array(alphabet, { minLength: 1, maxLength: 10 }).map((cs) => cs.join('')),
          { maxLength: 20 },
        ),
        fc.array(fc.nat(19), { maxLength: 5 }),
        fc.constantFrom(0.6, 0.85),
        (norms, picks, t) => {
          const fresh = [...new Set(picks.filter((p) => p < norms.length))];
          const brute: string[] = [];
          for (let b = 0; b < norms.length; b++)
            for (let a = 0; a < b; a++)
              if ((fresh.includes(a) || fresh.includes(b)) && dice(bigrams(norms[a]!), bigrams(norms[b]!)) >= t) brute.push(`${a}-${b}`);
          expect(
            joinFew(fresh, norms, t)
              .map((p) => `${p.a}-${p.b}`)
              .sort(),
          ).toEqual(brute.sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('likely duplicates from a memo of the last run equal a fresh detection (property)', () => {
    const alphabet = fc.constantFrom(...'会议太多表格窗口态度生硬群众');
    const text = fc.array(alphabet, { minLength: 0, maxLength: 12 }).map((cs) => cs.join(''));
    const ref = fc.record({ source: fc.constantFrom('masses', 'cadres'), norm: text });
    fc.assert(
      fc.property(
        fc.array(ref, { maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(39), ref), { maxLength: 4 }),
        fc.array(ref, { maxLength: 3 }),
        (before, edits, added) => {
          const refs = (xs: { source: string; norm: string }[]): OpinionRef[] =>
            xs.map((x, i) => ({ group: 'g', id: `o${i}`, file: 'f.yaml', line: i + 1, column: 1, ...x }));
          const after = [...before];
          for (const [i, r] of edits) if (i < after.length) after[i] = r;
          after.splice(Math.floor(after.length / 2), 0, ...added);
          const memo = likelyDuplicates(refs(before)).memo;
          const fresh = likelyDuplicates(refs(after));
          const incremental = likelyDuplicates(refs(after), JSON.parse(JSON.stringify(memo)));
          expect(incremental.pairs).toEqual(fresh.pairs);
          expect(incremental.memo).toEqual(fresh.memo);
        },
      ),
      { numRuns: 300 },
    );
  });
});
