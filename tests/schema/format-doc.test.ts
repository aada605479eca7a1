// docs/format.md is the folder format as users read it; the schemas are what the tool checks.
// They must say the same: each kind's full example (the ```yaml block starting with its
// `kind:`) has exactly the fields of its spec, every example is valid against its schema, and
// the codes with their zh-CN labels (`masses [群众]`) on the page are exactly the schemas'.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { allSchemas } from '../../src/schema/jsonSchema.js';
import { CAMPAIGN_SPEC, RECORD_KINDS, RECORD_SPECS, type Spec } from '../../src/schema/spec.js';
import { VOCABULARIES } from '../../src/schema/vocab.js';
import { REPO } from '../helpers/campaign.js';

const DOC = path.join(REPO, 'docs/format.md');
const KINDS = ['campaign', ...RECORD_KINDS] as const;
const specOf = (kind: (typeof KINDS)[number]): Spec => (kind === 'campaign' ? CAMPAIGN_SPEC : RECORD_SPECS[kind]);

/** Every property path of a spec: `source.kind`, `audiences.count`, … */
function specPaths(spec: Spec, prefix = ''): string[] {
  if (spec.t === 'object') return Object.entries(spec.props).flatMap(([k, v]) => [`${prefix}${k}`, ...specPaths(v, `${prefix}${k}.`)]);
  if (spec.t === 'list') return specPaths(spec.item, prefix);
  return [];
}

/** Every key path of an example value, list items merged. */
function examplePaths(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return [...new Set(v.flatMap((x) => examplePaths(x, prefix)))];
  if (v !== null && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => [`${prefix}${k}`, ...examplePaths(x, `${prefix}${k}.`)]);
  return [];
}

/** Every code with its zh-CN label that a spec accepts (code lists, and `kind:` with its label). */
function specCodes(spec: Spec, out = new Set<string>()): Set<string> {
  if (spec.t === 'code') for (const t of VOCABULARIES[spec.vocab]) out.add(`${t.code} [${t.zh}]`);
  if (spec.t === 'const' && spec.canonical !== undefined && spec.values[1] !== undefined) out.add(`${spec.values[0]} [${spec.values[1]}]`);
  if (spec.t === 'list') specCodes(spec.item, out);
  if (spec.t === 'object') for (const v of Object.values(spec.props)) specCodes(v, out);
  return out;
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
const minus = (a: Iterable<string>, b: Iterable<string>) => sorted([...a].filter((x) => !new Set(b).has(x)));

/** How a page differs from the schemas; all empty when they say the same. */
function drift(text: string) {
  const blocks = [...text.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => parse(m[1] as string, { schema: 'core' }) as unknown);
  const fields: Record<string, { missing: string[]; extra: string[]; examples: number }> = {};
  for (const kind of KINDS) {
    const examples = blocks.filter((b) => (b as { kind?: unknown } | null)?.kind === kind);
    const want = specPaths(specOf(kind));
    const got = examples.flatMap((e) => examplePaths(e));
    fields[kind] = { missing: minus(want, got), extra: minus(got, want), examples: examples.length };
  }
  // Keys in any other yaml block (snippets) must be fields of some kind.
  const known = new Set(KINDS.flatMap((k) => specPaths(specOf(k)).map((p) => p.split('.').pop() as string)));
  const strayKeys = sorted(
    blocks
      .filter((b) => !KINDS.includes((b as { kind?: never } | null)?.kind as never))
      .flatMap((b) => examplePaths(b).map((p) => p.split('.').pop() as string)),
  ).filter((k) => !known.has(k));
  const want = new Set<string>();
  for (const k of KINDS) specCodes(specOf(k), want);
  const got = [...text.matchAll(/(?<![\w-])([a-z0-9][a-z0-9-]*) \[([^\]\n]+)\]/g)].map((m) => `${m[1]} [${m[2]}]`);
  return { fields, strayKeys, missingCodes: minus(want, got), extraCodes: minus(got, want), blocks };
}

describe('docs/format.md and the schemas say the same', () => {
  const text = readFileSync(DOC, 'utf8');
  const d = drift(text);

  it('one full example per kind, with exactly the fields of its schema', () => {
    for (const kind of KINDS) expect(d.fields[kind], kind).toEqual({ missing: [], extra: [], examples: 1 });
    expect(d.strayKeys).toEqual([]);
  });

  it('the codes and zh-CN labels on the page are exactly those of the schemas', () => {
    expect(d.missingCodes).toEqual([]);
    expect(d.extraCodes).toEqual([]);
  });

  it('every full example is valid against its schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
    ajv.addKeyword({ keyword: 'enumDescriptions', schemaType: 'array' });
    for (const kind of KINDS) {
      const validate = ajv.compile(allSchemas()[`${kind}.schema.json`] as object);
      const example = d.blocks.find((b) => (b as { kind?: unknown } | null)?.kind === kind);
      expect(validate(example), `${kind}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('fails when they drift: a field or a code left out of the page, or one the schemas do not have', () => {
    const withoutPeople = drift(text.replace(/^people: .*\n/m, ''));
    expect(withoutPeople.fields.stability?.missing).toEqual(['people']);
    const withoutLabel = drift(text.replace('hotline-12345 [12345热线]', 'hotline-12345'));
    expect(withoutLabel.missingCodes).toEqual(['hotline-12345 [12345热线]']);
    const extraField = drift(text.replace('cause: illness', 'cause: illness\nincome_band: low'));
    expect(extraField.fields.hardship?.extra).toEqual(['income_band']);
    const extraCode = drift(`${text}\ncause: famine [因饥荒]\n`);
    expect(extraCode.extraCodes).toEqual(['famine [因饥荒]']);
  });

  it('README links the page, not a file outside the repository', () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    expect(readme).toContain('](docs/format.md)');
    expect(readme).not.toContain('](../shared/FORMAT.md)');
  });
});
