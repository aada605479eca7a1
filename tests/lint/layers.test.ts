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

  it('lets only read/, write/ and cache/ import node:fs', async () => {
    const io = "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n";
    for (const room of ['export', 'report', 'init', 'pipeline', 'render', 'feedback', 'cli']) {
      write(`${room}/io.ts`, io);
      expect(await messages(`${room}/io.ts`)).toEqual([expect.stringContaining(`${room}/ may not touch the file system`)]);
    }
    for (const room of ['read', 'write', 'cache']) {
      write(`${room}/io.ts`, io);
      expect(await messages(`${room}/io.ts`)).toEqual([]);
    }
  });

  it('refuses node:fs reached through require, createRequire, import() or getBuiltinModule', async () => {
    const ways = [
      "import { createRequire } from 'node:module';\nexport const fs = createRequire(import.meta.url)('node:fs');\n",
      "import { createRequire } from 'node:module';\nconst req = createRequire(import.meta.url);\nexport const fs = req('fs');\n",
      "import module from 'node:module';\nexport const fs = module.createRequire(import.meta.url)('fs/promises');\n",
      "declare const require: (s: string) => unknown;\nexport const fs = require('node:fs/promises');\n",
      "export const fs = await import('node:fs');\n",
      'export const fs = await import(`fs`);\n',
      "export const fs = process.getBuiltinModule('node:fs');\n",
    ];
    for (const [i, text] of ways.entries()) {
      write(`export/way${i}.ts`, text);
      write(`read/way${i}.ts`, text);
      expect(await messages(`export/way${i}.ts`), text).toEqual([expect.stringContaining('export/ may not touch the file system')]);
      expect(await messages(`read/way${i}.ts`), text).toEqual([]);
    }
    // Other modules loaded by name pass; a string that only looks like one is no access.
    write(
      'export/other.ts',
      "import { createRequire } from 'node:module';\nexport const y = createRequire(import.meta.url)('yaml');\nexport const s = String('fs');\n",
    );
    expect(await messages('export/other.ts')).toEqual([]);
  });

  it('holds a local file loaded by require to the floors', async () => {
    write('cli/top.ts', 'export const t = 1;\n');
    write(
      'util/req.ts',
      "import { createRequire } from 'node:module';\nexport const t = createRequire(import.meta.url)('../cli/top.js');\n",
    );
    expect(await messages('util/req.ts')).toEqual([expect.stringContaining('util (floor 0) may not import cli (floor 15)')]);
  });

  it('refuses a circle inside a folder and a folder with no floor', async () => {
    write('build/x.ts', "import { y } from './y.js';\nexport const x = () => y;\n");
    write('build/y.ts', "import { x } from './x.js';\nexport const y = () => x;\n");
    write('nowhere/n.ts', 'export const n = 1;\n');
    expect(await messages('build/x.ts')).toEqual([expect.stringContaining('import cycle inside build/: x.ts → y.ts')]);
    expect(await messages('nowhere/n.ts')).toEqual([expect.stringContaining('src/nowhere has no floor')]);
  });
});
