// The layering rule itself: an import up a floor, file access outside the I/O folders and a
// circle inside a folder are refused; the same imports going down pass.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import tseslint from 'typescript-eslint';
import layers from '../../scripts/lint/layers.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'ledger-layers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const file = path.join(dir, 'src', rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

async function messages(rel: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser as never },
        plugins: { house: { rules: { layers: layers as never } } },
        rules: { 'house/layers': 'error' },
      },
    ],
  });
  const [result] = await eslint.lintFiles([path.join(dir, 'src', rel)]);
  return (result?.messages ?? []).map((m) => m.message);
}

describe('the layering lint rule', () => {
  it('lets a file import down the floors and refuses an import up', async () => {
    write('util/dates.ts', 'export const d = 1;\n');
    write('check/checkFile.ts', "import { d } from '../util/dates.js';\nexport const c = d;\n");
    write('util/bad.ts', "import { c } from '../check/checkFile.js';\nexport const b = c;\n");
    expect(await messages('check/checkFile.ts')).toEqual([]);
    expect(await messages('util/bad.ts')).toEqual([expect.stringContaining('util (floor 0) may not import check (floor 6)')]);
  });

  it('refuses imports between two folders of the same floor', async () => {
    write('audit/a.ts', "import { s } from '../stats/s.js';\nexport const a = s;\n");
    write('stats/s.ts', 'export const s = 1;\n');
    expect(await messages('audit/a.ts')).toEqual([expect.stringContaining('audit (floor 7) may not import stats (floor 7)')]);
  });

  it('refuses file access outside the I/O folders', async () => {
    write('check/io.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n");
    write('read/io.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n");
    expect(await messages('check/io.ts')).toEqual([expect.stringContaining('check/ may not touch the file system')]);
    expect(await messages('read/io.ts')).toEqual([]);
  });

  it('refuses a circle inside a folder and a folder with no floor', async () => {
    write('build/x.ts', "import { y } from './y.js';\nexport const x = () => y;\n");
    write('build/y.ts', "import { x } from './x.js';\nexport const y = () => x;\n");
    write('nowhere/n.ts', 'export const n = 1;\n');
    expect(await messages('build/x.ts')).toEqual([expect.stringContaining('import cycle inside build/: x.ts → y.ts')]);
    expect(await messages('nowhere/n.ts')).toEqual([expect.stringContaining('src/nowhere has no floor')]);
  });
});
