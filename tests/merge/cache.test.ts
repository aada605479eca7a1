// The merge's caches (ledgers/.cache/) only make merging faster: whatever they hold — fresh,
// stale, edited by hand or garbage — a merge writes the same bytes as one without them.
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { mergeCampaign, type MergeResult } from '../../src/pipeline/mergeCampaign.js';
import { generateCampaign } from '../helpers/generate.mjs';
import { loadLedgers } from '../../src/read/loadLedgers.js';
import { FileCache } from '../../src/cache/fileCache.js';
import { copyCampaign, tempDir } from '../helpers/campaign.js';

const OPTIONS = { tool: 'test', allowInvalid: true, today: '2014-06-01' };

function ledgerBytes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  // changes.yaml says what a merge changed, so a second merge writes another one: not a ledger.
  for (const f of readdirSync(path.join(dir, 'ledgers'))
    .filter((n) => !n.startsWith('.') && n !== 'changes.yaml')
    .sort())
    out[f] = readFileSync(path.join(dir, 'ledgers', f), 'utf8');
  const copies = path.join(dir, 'ledgers/.cache/ledgers');
  for (const e of readdirSync(copies, { recursive: true, withFileTypes: true }).filter((x) => x.isFile())) {
    const rel = path.relative(copies, path.join(e.parentPath, e.name));
    out[`copy:${rel}`] = readFileSync(path.join(copies, rel), 'utf8');
  }
  return out;
}

/** Merges with the caches, then again without them: both must write the same bytes. */
async function mergeBothWays(dir: string): Promise<{ warm: MergeResult; bytes: Record<string, string> }> {
  const warm = await mergeCampaign(dir, OPTIONS);
  expect(warm.written).toBe(true);
  const bytes = ledgerBytes(dir);
  const cold = await mergeCampaign(dir, { ...OPTIONS, cache: false });
  expect(cold.reused).toBe(0);
  expect(ledgerBytes(dir)).toEqual(bytes);
  expect(warm.diagnostics).toEqual(cold.diagnostics);
  expect(warm.summary).toEqual(cold.summary);
  return { warm, bytes };
}

const file = (dir: string, group: string, n: number) => path.join(dir, 'groups', group, `records-${String(n).padStart(4, '0')}.yaml`);
const firstOpinion = (text: string) => /^source: .*\n(?:.*\n)*?content: .*$/m.exec(text)?.[0] as string;

describe('the merge cache', () => {
  it('gives the same ledgers as a merge without it, through a series of resubmissions', async () => {
    const dir = path.join(tempDir(), 'c');
    generateCampaign(dir, { groups: 5, records: 600, seed: 9 });

    expect((await mergeBothWays(dir)).warm.reused).toBe(0);
    // Nothing changed: every group is taken whole from the cache.
    expect((await mergeBothWays(dir)).warm.reused).toBe(5);

    // Only opinions change: the other ledger files are left as they are, not written again.
    const stamp = (f: string) => {
      const st = statSync(path.join(dir, 'ledgers', f));
      return [st.ino, st.mtimeMs];
    };
    const visitsBefore = stamp('visits.yaml');
    const g5 = file(dir, 'g5', 1);
    writeFileSync(g5, readFileSync(g5, 'utf8').replace(/^content: (.*)$/m, 'content: $1（更正）'));
    const opinionsBefore = stamp('opinions.yaml');
    expect((await mergeCampaign(dir, OPTIONS)).reused).toBe(4);
    expect(stamp('visits.yaml')).toEqual(visitsBefore);
    expect(stamp('opinions.yaml')).not.toEqual(opinionsBefore);
    await mergeBothWays(dir);

    // g3 resubmits with an opinion that repeats one of g1's, word for word and source kind.
    const g3 = file(dir, 'g3', 1);
    writeFileSync(
      g3,
      readFileSync(g3, 'utf8').replace(firstOpinion(readFileSync(g3, 'utf8')), firstOpinion(readFileSync(file(dir, 'g1', 1), 'utf8'))),
    );
    const dup = await mergeBothWays(dir);
    expect(dup.warm.reused).toBe(4);
    const manifest = parse(dup.bytes['manifest.yaml'] as string) as { duplicates: { ids: string[]; similarity: number }[] };
    expect(
      manifest.duplicates.some((d) => d.ids[0]!.startsWith('g1/') && d.ids.some((id) => id.startsWith('g3/')) && d.similarity === 1),
    ).toBe(true);

    // g2 withdraws a file (its opinions' visits go missing: refused records) and g4 adds text.
    rmSync(file(dir, 'g2', 2));
    appendFileSync(file(dir, 'g4', 3), '（补充说明）\n');
    expect((await mergeBothWays(dir)).warm.reused).toBe(3);

    // The duplicate goes away again when g3 changes back to its own words.
    writeFileSync(g3, readFileSync(g3, 'utf8').replace(/^content: (.*)$/m, 'content: $1，另外补充一句'));
    const undone = await mergeBothWays(dir);
    expect(undone.warm.reused).toBe(4);
  }, 60_000);

  it('never copies text from a ledger file edited by hand', async () => {
    const dir = path.join(tempDir(), 'c');
    generateCampaign(dir, { groups: 3, records: 200, seed: 4 });
    await mergeCampaign(dir, OPTIONS);
    const opinions = path.join(dir, 'ledgers/opinions.yaml');
    writeFileSync(opinions, readFileSync(opinions, 'utf8').replace(/content: (.)/, 'content: 改$1'));
    const { warm, bytes } = await mergeBothWays(dir);
    expect(bytes['opinions.yaml']).not.toMatch(/content: 改/);
    expect(warm.reused).toBe(0); // its groups' chunks are gone with the edit
  }, 30_000);

  it('survives cache files that are garbage, torn or missing', async () => {
    const dir = path.join(tempDir(), 'c');
    generateCampaign(dir, { groups: 3, records: 200, seed: 5 });
    const first = (await mergeBothWays(dir)).bytes;
    const cache = path.join(dir, 'ledgers/.cache');
    writeFileSync(path.join(cache, 'duplicates.json'), '{"key": 1, "blocks": {"x": {"norms": [], "links": [5, 9, 1]}}}');
    writeFileSync(path.join(cache, 'groups/g1.json'), 'not json');
    truncateSync(path.join(cache, 'files/g2.results.jsonl'), 100);
    writeFileSync(path.join(cache, 'files/g3.jsonl'), '{"key": "x"}\n');
    expect((await mergeBothWays(dir)).bytes).toEqual(first);
    writeFileSync(path.join(cache, 'chunks.json'), '[');
    expect((await mergeBothWays(dir)).bytes).toEqual(first);
    rmSync(path.join(cache, 'ledgers'), { recursive: true });
    expect((await mergeBothWays(dir)).bytes).toEqual(first);
    // A duplicate memo of the right key whose clustering does not hold together is not used.
    const memoFile = path.join(cache, 'duplicates.json');
    const memo = JSON.parse(readFileSync(memoFile, 'utf8')) as { blocks: Record<string, { links: number[] }> };
    for (const block of Object.values(memo.blocks)) block.links.push(0, 5, 1); // a follower before the ones listed, led by a later text
    writeFileSync(memoFile, JSON.stringify(memo));
    expect((await mergeBothWays(dir)).bytes).toEqual(first);
    // A JSON copy missing one of its pieces is not used: readers parse the YAML instead.
    const whole = loadLedgers(path.join(dir, 'ledgers'));
    const pieces = path.join(cache, 'ledgers/pieces');
    rmSync(path.join(pieces, readdirSync(pieces).find((n) => n.startsWith('opinion-')) as string));
    expect(loadLedgers(path.join(dir, 'ledgers'))).toEqual(whole);
    expect((await mergeBothWays(dir)).bytes).toEqual(first);
  }, 30_000);

  it('takes a group whose files show the stats they had by those alone, and sees every change', async () => {
    const dir = path.join(tempDir(), 'c');
    generateCampaign(dir, { groups: 4, records: 300, seed: 5 });
    const files = () =>
      readdirSync(path.join(dir, 'groups'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name));
    // Files last changed an hour ago: their stats can be trusted (a file changed within the
    // tick of the last merge could hide a same-size edit).
    const hourAgo = (Date.now() - 3_600_000) / 1000;
    for (const f of files()) utimesSync(f, hourAgo, hourAgo);
    await mergeBothWays(dir);
    const byStat = vi.spyOn(FileCache.prototype, 'byStat');
    try {
      // Nothing changed: every group taken whole, no file looked up in the file cache.
      expect((await mergeBothWays(dir)).warm.reused).toBe(4);
      expect(byStat).not.toHaveBeenCalled();
      // A resubmitted file (with an old mtime of its own, so only its stats tell): its group is
      // read again, the others are not.
      const g2 = file(dir, 'g2', 1);
      writeFileSync(g2, readFileSync(g2, 'utf8').replace(/^content: (.*)$/m, 'content: $1（补充）'));
      utimesSync(g2, hourAgo - 60, hourAgo - 60);
      expect((await mergeBothWays(dir)).warm.reused).toBe(3);
      expect(new Set(byStat.mock.calls.map(([rel]) => rel.split('/')[1]))).toEqual(new Set(['g2']));
      // A picture added: the group's inputs change, and the manifest hashes it.
      writeFileSync(path.join(dir, 'groups/g3/photos-new.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
      utimesSync(path.join(dir, 'groups/g3/photos-new.png'), hourAgo, hourAgo);
      const { warm } = await mergeBothWays(dir);
      expect(warm.reused).toBe(3);
      expect(Object.keys(warm.manifest!.inputs)).toContain('groups/g3/photos-new.png');
      // A same-size edit in the tick of the last merge, its mtime put back: not trusted, seen.
      const g4 = file(dir, 'g4', 1);
      const recent = (Date.now() - 1000) / 1000;
      utimesSync(g4, recent, recent);
      await mergeBothWays(dir);
      const text = readFileSync(g4, 'utf8');
      const line = /^content: (.)/m.exec(text)!;
      writeFileSync(g4, text.replace(/^content: ./m, `content: ${line[1] === '甲' ? '乙' : '甲'}`));
      utimesSync(g4, recent, recent);
      const before = readFileSync(path.join(dir, 'ledgers/opinions.yaml'), 'utf8');
      await mergeBothWays(dir);
      expect(readFileSync(path.join(dir, 'ledgers/opinions.yaml'), 'utf8')).not.toBe(before);
    } finally {
      byStat.mockRestore();
    }
  });

  it('never takes by its stats a group whose records were refused for what another group holds', async () => {
    const dir = copyCampaign('zh-CN');
    const cards = (g: string) => path.join(dir, 'groups', g, 'cards/cards.yaml');
    // g2's first appeal takes the register number g1's first appeal has: refused in g2.
    writeFileSync(cards('g2'), readFileSync(cards('g2'), 'utf8').replace(/^date: (.*)$/m, 'date: $1\nref_no: 410102-2014-0101'));
    const hourAgo = (Date.now() - 3_600_000) / 1000;
    const age = (f: string, t = hourAgo) => utimesSync(f, t, t);
    for (const e of readdirSync(path.join(dir, 'groups'), { recursive: true, withFileTypes: true }))
      if (e.isFile()) age(path.join(e.parentPath, e.name));
    const refused = async () => (await mergeCampaign(dir, OPTIONS)).diagnostics.filter((d) => d.code === 'duplicate-ref-no').length;
    expect(await refused()).toBe(1);
    expect(await refused()).toBe(1);
    // g1 gives its number up (g2's files untouched): g2's record is no longer refused.
    writeFileSync(cards('g1'), readFileSync(cards('g1'), 'utf8').replace('ref_no: 410102-2014-0101', 'ref_no: 410102-2014-0191'));
    age(cards('g1'), hourAgo - 60);
    expect(await refused()).toBe(0);
    expect(loadLedgers(path.join(dir, 'ledgers')).ledgers.appeal.map((r) => r.id)).toContain('g2/a1');
  });
});
