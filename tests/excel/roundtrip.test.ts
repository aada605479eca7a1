// The round trip that makes a workbook a record source: for each example group, `template
// --records` → saved again by LibreOffice → the group's YAML deleted → `import` → `merge`
// gives the same ledger records (their origin aside); importing the same workbook again
// changes nothing.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_FILES } from '../../src/model/ledgers.js';
import { RECORD_KINDS } from '../../src/schema/spec.js';
import { copyCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { soffice, warnIfMissing } from '../helpers/soffice.js';
import { resave } from '../helpers/workbook.js';

warnIfMissing('excel/roundtrip.test');

/** Every ledger record without its origin; an empty list the same as none (a workbook cell cannot tell them apart). */
function ledgerRecords(root: string): Record<string, unknown[]> {
  const drop = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(drop);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (k !== 'origin' && !(Array.isArray(x) && x.length === 0)) out[k] = drop(x);
      return out;
    }
    return v;
  };
  return Object.fromEntries(
    RECORD_KINDS.map((k) => [k, drop(parse(readFileSync(path.join(root, 'ledgers', LEDGER_FILES[k]), 'utf8')) ?? []) as unknown[]]),
  );
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));
}

for (const example of ['zh-CN', 'en']) {
  describe.skipIf(!soffice)(`round trip through Excel, examples/${example}`, () => {
    let root = '';
    let before: Record<string, unknown[]>;
    let groups: string[] = [];
    let books: string[] = [];

    beforeAll(async () => {
      root = copyCampaign(example);
      expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
      before = ledgerRecords(root);
      groups = readdirSync(path.join(root, 'groups')).sort();
      const made: string[] = [];
      for (const g of groups) {
        const run = await runCli(['template', '--group', g, '--records', '--out', `${g}.xlsx`], { cwd: root });
        expect(run.code, run.stderr).toBe(0);
        made.push(path.join(root, `${g}.xlsx`));
      }
      books = resave(made);
    }, 300_000);

    it('every group: delete its YAML, import its re-saved workbook, merge: the same ledger records', async () => {
      for (const [i, g] of groups.entries()) {
        for (const f of yamlFiles(path.join(root, 'groups', g))) rmSync(f);
        const run = await runCli(['import', books[i]!], { cwd: root });
        expect(run.code, `${g}\n${run.stdout}${run.stderr}`).toBe(0);
        expect(run.stdout, g).toMatch(
          example === 'en' ? / → groups\/.+\/imported\/.+\.yaml: \d+ records/ : / → groups\/.+\/imported\/.+\.yaml：导入 \d+ 条记录/,
        );
      }
      const merged = await runCli(['merge'], { cwd: root });
      expect(merged.code, merged.stdout).toBe(0);
      const after = ledgerRecords(root);
      for (const k of RECORD_KINDS) expect(after[k], k).toEqual(before[k]);
    }, 120_000);

    it('importing the same workbooks again changes nothing', async () => {
      const files = groups.map((g) => yamlFiles(path.join(root, 'groups', g, 'imported'))).flat();
      const stamp = files.map((f) => [readFileSync(f, 'utf8'), statSync(f).mtimeMs]);
      const run = await runCli(['import', ...books], { cwd: root });
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout.match(example === 'en' ? /unchanged/g : /未改动/g)).toHaveLength(groups.length);
      expect(files.map((f) => [readFileSync(f, 'utf8'), statSync(f).mtimeMs])).toEqual(stamp);
      expect(groups.map((g) => yamlFiles(path.join(root, 'groups', g)).length)).toEqual(groups.map(() => 1));
    }, 120_000);
  });
}
