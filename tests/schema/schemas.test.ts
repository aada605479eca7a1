// schemas/ is what editors and other tools read: it must be exactly what the validator uses
// (no drift), valid draft 2020-12, described in English with the zh-CN term on every property,
// and it must accept the examples and refuse what validate refuses.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { allSchemas, schemaText } from '../../src/schema/jsonSchema.js';
import { EXAMPLES, REPO, tempDir } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';

const SCHEMAS = path.join(REPO, 'schemas');

function ajv() {
  // formats are checked by `ledger validate` (real calendar dates); the pattern is in the schema
  const a = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
  a.addKeyword({ keyword: 'enumDescriptions', schemaType: 'array' });
  return a;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('schemas/', () => {
  it('holds exactly what `ledger schema` generates (run `ledger schema --out schemas` after changing the format)', () => {
    const expected = allSchemas();
    expect(readdirSync(SCHEMAS).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, schema] of Object.entries(expected))
      expect(readFileSync(path.join(SCHEMAS, name), 'utf8'), name).toBe(schemaText(schema));
  });

  it('describes every property in English with the zh-CN term', () => {
    const missing: string[] = [];
    const walk = (s: unknown, at: string) => {
      if (!s || typeof s !== 'object') return;
      const o = s as Record<string, unknown>;
      if (o.properties) {
        for (const [k, v] of Object.entries(o.properties as Record<string, Record<string, unknown>>)) {
          if (typeof v.description !== 'string' || !/[A-Za-z]/.test(v.description) || !/[\u4e00-\u9fff]/.test(v.description))
            missing.push(`${at}/${k}`);
          walk(v, `${at}/${k}`);
        }
      }
      if (o.items) walk(o.items, `${at}[]`);
      if (o.$defs) for (const [k, v] of Object.entries(o.$defs as object)) walk(v, `${at}#${k}`);
    };
    for (const [name, schema] of Object.entries(allSchemas())) walk(schema, name);
    expect(missing).toEqual([]);
  });

  it('compiles as draft 2020-12 and accepts every record and ledger.yaml of the examples', () => {
    const a = ajv();
    const record = a.compile(JSON.parse(readFileSync(path.join(SCHEMAS, 'record.schema.json'), 'utf8')));
    const campaign = a.compile(JSON.parse(readFileSync(path.join(SCHEMAS, 'campaign.schema.json'), 'utf8')));
    let n = 0;
    for (const example of readdirSync(EXAMPLES)) {
      const root = path.join(EXAMPLES, example);
      const plan = parseAllDocuments(readFileSync(path.join(root, 'ledger.yaml'), 'utf8'), { schema: 'core' });
      expect(campaign((plan as unknown as { toJS(): unknown }[])[0]?.toJS()), JSON.stringify(campaign.errors)).toBe(true);
      for (const file of yamlFiles(path.join(root, 'groups'))) {
        for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { schema: 'core' }) as unknown as { toJS(): unknown }[]) {
          n++;
          expect(record(doc.toJS()), `${file}: ${JSON.stringify(record.errors)}`).toBe(true);
        }
      }
    }
    expect(n).toBeGreaterThan(100);
  });

  it('refuses a typo in a code, an unknown field and an empty value', () => {
    const record = ajv().compile(allSchemas()['record.schema.json'] as object);
    const visit = {
      kind: '活动台账',
      id: 'v1',
      date: '2014-04-25',
      place: 'X',
      pattern: '下基层',
      methods: ['座谈会'],
      led_by: 'A',
      participants: ['A'],
    };
    expect(record(visit)).toBe(true);
    expect(record({ ...visit, pattern: '下基曾' })).toBe(false);
    expect(record({ ...visit, plcae: 'X' })).toBe(false);
    expect(record({ ...visit, place: '' })).toBe(false);
  });
});

describe('ledger schema', () => {
  it('writes every schema with --out and prints one by name', async () => {
    const dir = tempDir();
    const out = await runCli(['schema', '--out', 'editor-schemas'], { cwd: dir });
    expect(out.code).toBe(0);
    expect(out.stdout.trim().split('\n')).toEqual(Object.keys(allSchemas()).map((n) => `editor-schemas/${n}`));
    const one = await runCli(['schema', 'opinion'], { cwd: dir });
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(schemaText(allSchemas()['opinion.schema.json'] ?? {}));
  });

  it('suggests the nearest name and exits 2', async () => {
    const run = await runCli(['schema', 'opnion'], { cwd: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ledger: no schema "opnion"; did you mean "opinion"? (the schemas: campaign, visit, opinion, info, appeal, stability, hardship, record)\n',
    );
    expect((await runCli(['schema'], { cwd: tempDir() })).code).toBe(2);
  });
});

describe('the validators built with the package', () => {
  it('dist/schema/validators.cjs is built from these schemas and reports exactly what a fresh compile reports', async () => {
    const { createRequire } = await import('node:module');
    const { ajvFor, validatorIds } = await import('../../src/schema/schemaCheck.js');
    const { schemaHash } = await import('../../src/schema/jsonSchema.js');
    const built = createRequire(import.meta.url)(path.join(REPO, 'dist/schema/validators.cjs')) as Record<
      string,
      ((d: unknown) => boolean) & { errors?: unknown[] }
    > & { schemaHash: string };
    expect(built.schemaHash).toBe(schemaHash());
    const fresh = ajvFor();
    const ids = validatorIds(fresh);
    const samples: unknown[] = [
      {},
      { kind: 'opinion', id: 3, date: 'x', extra: true },
      { kind: 'visit', audiences: [{ kind: 1 }], methods: 'a' },
    ];
    for (const file of yamlFiles(EXAMPLES)) for (const d of parseAllDocuments(readFileSync(file, 'utf8'))) samples.push(d.toJS());
    for (const [kind, id] of Object.entries(ids)) {
      const compiled = fresh.getSchema(id)!;
      for (const data of samples) {
        expect(built[kind]!(data)).toBe(compiled(data));
        expect(built[kind]!.errors ?? null).toEqual(compiled.errors ?? null);
      }
    }
  });
});
