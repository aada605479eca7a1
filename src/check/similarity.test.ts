import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigrams, dice, NFKC_STABLE, normalizeText } from './similarity.js';
import { increasingRun } from './cluster.js';
import { DUPLICATE_THRESHOLD, likelyDuplicates, textKeysOf, type DuplicateMemo, type OpinionRef } from './likelyDuplicates.js';

/** Texts that are often alike: one of three sentences with up to three characters changed, or short random ones. */
const alikeText = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('窗口工作人员态度生硬群众办事多次往返', '会议太多表格太多基层干部疲于应付', '法律援助审批时间长希望简化流程'),
      fc.array(fc.tuple(fc.nat(20), fc.constantFrom(...'会议太多表格窗口态度')), { maxLength: 3 }),
    )
    .map(([base, edits]) => {
      const cs = Array.from(base);
      for (const [at, ch] of edits) cs[at % (cs.length + 1)] = ch;
      return cs.join('');
    }),
  fc.array(fc.constantFrom(...'会议太多表格窗口态度生硬群众'), { maxLength: 6 }).map((cs) => cs.join('')),
);

const refs = (xs: { source: string; norm: string }[]): OpinionRef[] =>
  xs.map((x, i) => ({ group: 'g', id: `o${i}`, file: 'f.yaml', line: i + 1, column: 1, ...x }));

/**
 * The clusters as the definition states them, by brute force: per kind of source, the distinct
 * texts in order; each joins the earliest earlier leader it is alike to, or leads; a cluster is
 * a leader's records and its followers' records, shown when it has two or more.
 */
function bruteClusters(rs: readonly OpinionRef[], t: number): { ids: string[]; similarity: number }[] {
  const out: { first: number; ids: string[]; similarity: number }[] = [];
  for (const source of new Set(rs.map((r) => r.source))) {
    const texts: string[] = [];
    const leaderOf = new Map<string, { leader: string; sim: number }>();
    const leaders: string[] = [];
    for (const r of rs) {
      if (r.source !== source || r.norm === '' || leaderOf.has(r.norm)) continue;
      texts.push(r.norm);
      const hit = leaders.map((l) => ({ l, s: dice(bigrams(l), bigrams(r.norm)) })).find((x) => x.s >= t);
      if (hit) leaderOf.set(r.norm, { leader: hit.l, sim: hit.s });
      else {
        leaders.push(r.norm);
        leaderOf.set(r.norm, { leader: r.norm, sim: 1 });
      }
    }
    for (const l of leaders) {
      const members = rs
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => r.source === source && r.norm !== '' && leaderOf.get(r.norm)!.leader === l);
      if (members.length < 2) continue;
      const similarity = Math.min(...members.map(({ r }) => leaderOf.get(r.norm)!.sim));
      out.push({
        first: members[0]!.i,
        ids: members.map(({ r }) => `${r.group}/${r.id}`),
        similarity: Math.floor(similarity * 100 + 1e-6) / 100,
      });
    }
  }
  return out.sort((a, b) => a.first - b.first).map(({ ids, similarity }) => ({ ids, similarity }));
}

describe('similarity', () => {
  it('works on Chinese without segmentation, ignoring punctuation and width', () => {
    const a = '窗口工作人员态度生硬，群众办事多次往返。';
    const b = '窗口工作人员态度生硬, 群众办事多次往返';
    expect(normalizeText(a)).toBe(normalizeText(b));
    expect(dice(bigrams(normalizeText(a)), bigrams(normalizeText('窗口工作人员态度生硬，群众办事需要多次往返。')))).toBeGreaterThan(0.85);
    expect(dice(bigrams(normalizeText(a)), bigrams(normalizeText('法律援助审批时间长，希望简化流程。')))).toBeLessThan(0.2);
  });

  it('skips NFKC only for characters it would not change (as far as letters and digits go)', () => {
    const slow = (t: string) =>
      t
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]/gu, '');
    const differ: string[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      if (NFKC_STABLE.test(ch) && normalizeText(ch) !== slow(ch)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
    expect(normalizeText('ＡＢＣ１２３，会议')).toBe('abc123会议');
    expect(normalizeText('e\u0301')).toBe('é');
  });

  it('reports each cluster once: the first opinion of its text, then the repeats and near-identical ones', () => {
    const texts = [
      '会议太多，表格太多',
      'Too many meetings',
      '会议太多、表格太多！',
      '完全不同的一句话',
      '会议太多，表格太多了',
      'Too many meetings!',
    ];
    const found = likelyDuplicates(refs(texts.map((t) => ({ source: 'masses', norm: normalizeText(t) }))));
    expect(found.clusters).toEqual([
      { ids: ['g/o0', 'g/o2', 'g/o4'], similarity: 0.92 },
      { ids: ['g/o1', 'g/o5'], similarity: 1 },
    ]);
    expect(found.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [
        1,
        expect.stringMatching(/^opinion o0 is repeated \(at least 92% alike\) by 2 opinions .*: g\/o2 \(f\.yaml:3\), g\/o4 \(f\.yaml:5\);/),
      ],
      [2, expect.stringMatching(/^opinion o1 is repeated word for word by 1 opinion .*: g\/o5 \(f\.yaml:6\);/)],
    ]);
  });

  it('does not chain: a text alike only to a follower starts a cluster of its own', () => {
    // b is alike to a, c to b but not to a: c leads its own cluster (with nothing else in it).
    const a = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸天地玄黄宇宙';
    const b = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸天地玄日月星';
    const c = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸天风云日月星';
    expect(dice(bigrams(a), bigrams(b))).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(dice(bigrams(b), bigrams(c))).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(dice(bigrams(a), bigrams(c))).toBeLessThan(DUPLICATE_THRESHOLD);
    expect(likelyDuplicates(refs([a, b, c].map((norm) => ({ source: 's', norm })))).clusters).toEqual([
      { ids: ['g/o0', 'g/o1'], similarity: 0.88 },
    ]);
  });

  it('from a memo: an opinion follows a new leader that comes before its old one', () => {
    const a = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸天地玄黄宇宙';
    const b = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸天地玄日月星';
    const c = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸天风云日月星';
    const memo = likelyDuplicates(refs([a, b].map((norm) => ({ source: 's', norm })))).memo;
    const after = refs([c, a, b].map((norm) => ({ source: 's', norm })));
    expect(likelyDuplicates(after, memo).clusters).toEqual([{ ids: ['g/o0', 'g/o2'], similarity: 0.88 }]);
    expect(likelyDuplicates(after).clusters).toEqual([{ ids: ['g/o0', 'g/o2'], similarity: 0.88 }]);
  });

  it('from a memo: a leader that a new one takes in passes its followers on (or lets them lead)', () => {
    const chain = [
      '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸天地玄黄宇宙',
      '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸天地玄日月星',
      '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸天风云日月星',
    ];
    const [a, b, c] = chain as [string, string, string];
    const base = '窗口工作人员态度生硬群众办事多次往返材料要求不一次性告知';
    const [x, y, z] = [`${base}甲`, `${base}乙`, `${base}丙`];
    for (const [before, after] of [
      [
        [b, c],
        [a, b, c],
      ], // b now follows a; c, not alike to a, leads
      [
        [y, z],
        [x, y, z],
      ], // y and z now follow x
    ] as const) {
      const memo = likelyDuplicates(refs(before.map((norm) => ({ source: 's', norm })))).memo;
      const today = refs(after.map((norm) => ({ source: 's', norm })));
      const fresh = likelyDuplicates(today);
      const incremental = likelyDuplicates(today, JSON.parse(JSON.stringify(memo)));
      expect(incremental.clusters).toEqual(fresh.clusters);
      expect(incremental.memo).toEqual(fresh.memo);
    }
  });

  it('from a memo: a kind of source whose texts did not change is taken as it was, its texts not read', () => {
    const a = '窗口工作人员态度生硬群众办事多次往返';
    const b = '窗口工作人员态度生硬群众办事多次往返了';
    const before = refs([
      { source: 'masses', norm: a },
      { source: 'cadres', norm: '会议太多' },
      { source: 'masses', norm: b },
      { source: 'masses', norm: '' },
      { source: 'masses', norm: a },
    ]);
    const after = before.map((r, i) => (i === 1 ? { ...r, norm: '表格太多' } : r));
    const memo = JSON.parse(JSON.stringify(likelyDuplicates(before).memo)) as DuplicateMemo;
    let reads = 0;
    const masses = memo.blocks.masses!;
    const norms = masses.norms;
    Object.defineProperty(masses, 'norms', { get: () => (reads++, norms) });
    const incremental = likelyDuplicates(after, memo);
    expect(reads).toBe(0);
    expect(incremental.memo.blocks.masses).toBe(masses);
    expect(incremental.clusters).toEqual(likelyDuplicates(after).clusters);
    expect(incremental.clusters).toEqual([{ ids: ['g/o0', 'g/o2', 'g/o4'], similarity: 0.97 }]);
    // A memo whose texts cannot be read any more: that kind is clustered afresh, to the same result.
    const lost = JSON.parse(JSON.stringify(likelyDuplicates(before).memo)) as DuplicateMemo;
    Object.defineProperty(lost.blocks.cadres!, 'norms', { get: () => null });
    expect(likelyDuplicates(after, lost).clusters).toEqual(incremental.clusters);
  });

  it('finds exactly the clusters a brute-force comparison finds (property)', () => {
    const alphabet = fc.constantFrom(...'会议太多表格窗口态度生硬群众办事𠀀a');
    const text = fc.oneof(
      alikeText,
      fc.array(alphabet, { minLength: 0, maxLength: 12 }).map((cs) => cs.join('')),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ source: fc.constantFrom('masses', 'cadres'), norm: text }), { maxLength: 40 }), (xs) => {
        expect(likelyDuplicates(refs(xs)).clusters).toEqual(bruteClusters(refs(xs), DUPLICATE_THRESHOLD));
      }),
      { numRuns: 400 },
    );
  });

  it('likely duplicates from a memo of the last run equal a fresh detection (property)', () => {
    const ref = fc.record({ source: fc.constantFrom('masses', 'cadres'), norm: alikeText });
    fc.assert(
      fc.property(
        fc.array(ref, { maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(39), ref), { maxLength: 4 }),
        fc.array(ref, { maxLength: 3 }),
        fc.array(fc.nat(39), { maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(39), fc.nat(39)), { maxLength: 2 }),
        (before, edits, added, removed, moves) => {
          let after = [...before];
          for (const [i, r] of edits) if (i < after.length) after[i] = r;
          after.splice(Math.floor(after.length / 2), 0, ...added);
          after = after.filter((_, i) => !removed.includes(i));
          // A text moves when its first record goes and a later one stays.
          for (const [i, j] of moves) if (i < after.length && j < after.length) after.push(after.splice(i, 1)[0]!);
          const memo = likelyDuplicates(refs(before)).memo;
          const fresh = likelyDuplicates(refs(after));
          const incremental = likelyDuplicates(refs(after), JSON.parse(JSON.stringify(memo)));
          expect(incremental.clusters).toEqual(fresh.clusters);
          expect(incremental.memo).toEqual(fresh.memo);
          // The same with the group's text keys handed in, as a merge does.
          const keyed = likelyDuplicates(refs(after), JSON.parse(JSON.stringify(memo)), new Map([['g', textKeysOf(refs(after))]]));
          expect(keyed.clusters).toEqual(fresh.clusters);
          expect(keyed.memo).toEqual(fresh.memo);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('stays bounded however alike the opinions are: 20,000 near-identical ones in seconds', () => {
    const base = '窗口工作人员态度生硬群众办事多次往返材料要求不一次性告知希望改进';
    const xs = Array.from({ length: 20_000 }, (_, i) => ({
      source: 'masses',
      norm: `${base}${String.fromCodePoint(0x4e00 + (i % 5000))}${i % 7}`,
    }));
    const t = performance.now();
    const found = likelyDuplicates(refs(xs));
    expect(performance.now() - t).toBeLessThan(5_000);
    expect(found.clusters).toHaveLength(1);
    expect(found.clusters[0]!.ids).toHaveLength(20_000);
    expect(found.diagnostics).toHaveLength(1);
  });
});

describe('increasingRun', () => {
  it('marks a longest increasing run of the values that are there (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 30 }), { maxLength: 30 }), (xs) => {
        const run = increasingRun(Int32Array.from(xs));
        const picked = xs.filter((_, i) => run[i]);
        for (let i = 1; i < picked.length; i++) expect(picked[i]!).toBeGreaterThan(picked[i - 1]!);
        expect(picked.every((v) => v >= 0)).toBe(true);
        // As long as any: the longest by brute force over the values ≥ 0.
        const best = (from: number, last: number): number =>
          from >= xs.length ? 0 : Math.max(best(from + 1, last), xs[from]! > last ? 1 + best(from + 1, xs[from]!) : 0);
        if (xs.length <= 14) expect(picked.length).toBe(best(0, -1));
      }),
      { numRuns: 300 },
    );
  });
});
