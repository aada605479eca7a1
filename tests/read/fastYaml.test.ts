// The fast reader is only ever an early answer: whenever it does not decline, it must give the
// same documents, data and positions as the `yaml` library. Checked on every example and
// fixture file, on generated record texts in block and flow style, and on all of these with
// random edits (which mostly make it decline, and must never make it disagree).
import fc from 'fast-check';
import { nestedValue } from '../helpers/arbitraries.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastParse, locateSpot } from '../../src/yaml/fastYaml.js';
import { locate } from '../../src/yaml/locate.js';
import { parseYaml } from '../../src/yaml/parseYaml.js';
import { emitYaml } from '../../src/yaml/emit.js';
import { EXAMPLES, FIXTURES } from '../helpers/campaign.js';

/** 'declined', 'ok', or what differs. */
function compare(text: string): string {
  const fast = fastParse(text);
  if (!fast) return 'declined';
  const full = parseYaml(text, 'x.yaml');
  const problems = [...full.diagnostics, ...full.docs.flatMap((d) => d.errors)];
  if (problems.length || full.docs.some((d) => d.data === undefined))
    return `the library found problems: ${problems.map((d) => d.message).join('; ')}`;
  if (full.docs.length !== fast.length) return `${full.docs.length} documents, not ${fast.length}`;
  for (let i = 0; i < fast.length; i++) {
    const a = full.docs[i]!;
    const b = fast[i]!;
    if (a.index !== b.index) return `document index ${a.index}, not ${b.index}`;
    if (JSON.stringify(a.data) !== JSON.stringify(b.data)) return `data ${JSON.stringify(a.data)}, not ${JSON.stringify(b.data)}`;
    const paths: (string | number)[][] = [['missing']];
    const walk = (v: unknown, p: (string | number)[]) => {
      paths.push(p, [...p, 'missing'], [...p, 99]);
      if (Array.isArray(v)) v.forEach((x, k) => walk(x, [...p, k]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
    };
    walk(a.data, []);
    for (const p of paths) {
      for (const want of ['key', 'value'] as const) {
        const x = locate(a.doc, p, want);
        const y = locateSpot(b.spot, p, want);
        if (x !== y) return `${JSON.stringify(p)} ${want} at ${x}, not ${y}`;
      }
    }
  }
  return 'ok';
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'));
}

const SEEDS = [...yamlFiles(EXAMPLES), ...yamlFiles(FIXTURES)];

const mutate = (text: string, edits: [number, string][]) =>
  edits.reduce((t, [pos, s]) => t.slice(0, pos % (t.length + 1)) + s + t.slice(pos % (t.length + 1)), text);
const edit = fc.tuple(
  fc.nat(),
  fc.constantFrom(
    ' ',
    '  ',
    '\n',
    '#',
    ': ',
    ':',
    '- ',
    '-',
    '"',
    "'",
    ',',
    '[',
    ']',
    '{',
    '}',
    '---\n',
    '\t',
    'x',
    '\\',
    '&',
    '*',
    '!',
    '%',
    '1.0',
    '...\n',
    '\n  ',
    '\r',
    '0',
    '.',
    '\u0007',
    '\u0085',
    '\u2028',
    '\ufeff',
    '\u00a0',
    '\u3000',
    '🙂',
  ),
);

// Record-like values rendered in a random mix of block and flow style.
const text = fc.constantFrom(
  '幸福社区',
  '会议太多，表格太多',
  'Zhang Ming',
  '2014-04-25',
  'x y',
  "it's",
  'a "b"',
  'c:d',
  'e#f',
  '13800138000',
  'true',
  'null',
  '-5',
  '1.5',
  '0x1F',
  '~',
  'a: b',
  ' lead',
  '',
);
const scalar = fc.oneof(
  text,
  fc.integer({ min: -1000, max: 100_000 }),
  fc.constantFrom(0.5, 0.3, -2.25, 1.5, 100.125, 0.1),
  fc.boolean(),
  fc.constant(null),
);
const value = nestedValue(scalar, fc.constantFrom('kind', 'name', 'count', 'a', 'b'));
const records = fc.array(
  fc.dictionary(fc.constantFrom('kind', 'id', 'date', 'place', 'methods', 'audiences', 'source'), value, { minKeys: 1, maxKeys: 5 }),
  { minLength: 1, maxLength: 3 },
);

function render(v: unknown, indent: number, coin: () => boolean): string {
  const pad = ' '.repeat(indent);
  const flow = (x: unknown): string => {
    if (Array.isArray(x)) return `[${x.map(flow).join(', ')}]`;
    if (x && typeof x === 'object')
      return `{ ${Object.entries(x)
        .map(([k, y]) => `${k}: ${flow(y)}`)
        .join(', ')} }`;
    if (typeof x === 'string')
      return /^[\p{L}][\p{L}\p{N} ]*$/u.test(x) && !x.endsWith(' ') ? x : coin() ? JSON.stringify(x) : `'${x.replace(/'/g, "''")}'`;
    return String(x);
  };
  const filled = (x: unknown) => x !== null && typeof x === 'object' && Object.keys(x).length > 0;
  if (Array.isArray(v)) {
    return v
      .map((x) => (filled(x) && !Array.isArray(x) && coin() ? `${pad}- ${render(x, indent + 2, coin).trimStart()}` : `${pad}- ${flow(x)}`))
      .join('\n');
  }
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) =>
      filled(x) && coin()
        ? `${pad}${k}:\n${render(x, indent + (Array.isArray(x) && coin() ? 0 : 2), coin)}`
        : `${pad}${k}: ${flow(x)}${coin() && coin() ? ' # note' : ''}`,
    )
    .join('\n');
}

describe('the fast YAML reader', () => {
  it('reads the examples and fixtures as the library does, or declines', () => {
    const results = SEEDS.map(compare);
    expect(results.filter((r) => r !== 'ok' && r !== 'declined')).toEqual([]);
    expect(results.filter((r) => r === 'ok').length).toBeGreaterThan(40);
  });

  it('reads record YAML in any mix of block and flow style as the library does (property)', () => {
    let answered = 0;
    fc.assert(
      fc.property(records, fc.infiniteStream(fc.boolean()), fc.boolean(), (recs, coins, comment) => {
        const coin = () => coins.next().value as boolean;
        const t = recs.map((r) => `${render(r, 0, coin)}\n`).join(comment ? '---\n# next\n' : '---\n');
        const r = compare(t);
        if (r === 'ok') answered++;
        expect(r === 'ok' || r === 'declined', `${JSON.stringify(t)}: ${r}`).toBe(true);
      }),
      { numRuns: 1500 },
    );
    expect(answered).toBeGreaterThan(500); // it does answer, not just decline
  });

  it('never disagrees with the library on edited texts: it answers the same or declines (property)', () => {
    const sources = fc.oneof(
      fc.constantFrom(...SEEDS),
      records.map((rs) => rs.map((r) => emitYaml(r)).join('---\n')),
    );
    fc.assert(
      fc.property(sources, fc.array(edit, { minLength: 1, maxLength: 3 }), (t, edits) => {
        const m = mutate(t, edits);
        const r = compare(m);
        expect(r === 'ok' || r === 'declined', `${JSON.stringify(m)}: ${r}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
