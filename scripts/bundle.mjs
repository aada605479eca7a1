// Part of `npm run build`: the CLI as a handful of CommonJS files in dist/bundle/, so a command
// loads two files (main.js and run-<command>.js) instead of some sixty ES modules, each found,
// read (asynchronously: the ES module loader waits on the thread pool) and compiled on its own.
//
// Measured on the 2-core machine of issue 19 (min of 9 runs each, interleaved; node -e '' 49 ms):
//                      dist/*.js (ESM)   one ESM bundle, chunks   CommonJS bundles (this)
//   --version               72 ms              68 ms                    60 ms
//   --help                  79 ms              81 ms                    72 ms
//   validate (example)     143 ms             131 ms                   115 ms
//   status (example)       116 ms             108 ms                    89 ms
// so the CLI runs from these; dist/*.js stays the library that package.json `exports` names
// (and the types). Packages stay outside the bundle and are required from node_modules.
//
// Commands still load lazily: each is a bundle of its own (run-<command>.js), required when it
// runs; the worker that builds groups is one too (groupWorker.js). Paths relative to the
// module (templates, package.json, validators.cjs, the worker) resolve from dist/bundle/ as
// they do from dist/<folder>/, since both are one level below dist/.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaHash } from '../dist/schema/jsonSchema.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = path.join(dist, 'bundle');
rmSync(out, { recursive: true, force: true });

// Modules a command loads only sometimes (import('…') in the code) are bundles of their own:
// validate reads a workbook only when one is named, and exceljs' reader with its unzip is most
// of a megabyte that every other validate would read and compile for nothing.
const APART = { 'pipeline/importWorkbook.js': 'workbooks' };
// bin/ledger.js loads compileCache.js first: the bundles after it compile with the code V8 kept.
const entryPoints = {
  main: path.join(dist, 'main.js'),
  groupWorker: path.join(dist, 'pipeline', 'groupWorker.js'),
  compileCache: path.join(dist, 'cache', 'compileCache.js'),
};
for (const [file, name] of Object.entries(APART)) entryPoints[name] = path.join(dist, file);
for (const f of readdirSync(path.join(dist, 'cli', 'run')).filter((f) => f.endsWith('.js'))) {
  entryPoints[`run-${f.slice(0, -3)}`] = path.join(dist, 'cli', 'run', f);
}

// Packages are bundled too (requiring exceljs' writer as ~200 files cost ~50 ms; bundled, ~25),
// except: ajv and yaml, which the code requires itself when first needed (createRequire), and
// the packages that call the deprecated Buffer() (Node warns about that only outside
// node_modules): archiver on the writing side, and on the reading side (import, validate of a
// workbook) unzipper's buffers and polyfill, and jszip, which exceljs' reader requires.
const EXTERNAL = ['ajv', 'yaml', 'archiver', 'archiver-utils', 'unzipper', 'buffers', 'buffer-indexof-polyfill', 'jszip'];

// commands.ts imports each command as import('./run/<name>.js'): that module is its own bundle.
const commandsApart = {
  name: 'commands-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/run\/[a-z]+\.js$/ }, (a) => ({ path: `./run-${a.path.slice('./run/'.length)}`, external: true }));
  },
};

const modulesApart = {
  name: 'modules-apart',
  setup(b) {
    b.onResolve({ filter: /\.js$/ }, (a) => {
      if (a.kind !== 'dynamic-import') return undefined;
      const file = path.relative(dist, path.resolve(a.resolveDir, a.path)).split(path.sep).join('/');
      return APART[file] ? { path: `./${APART[file]}.js`, external: true } : undefined;
    });
  },
};

// Handlebars builds templates with source-map's SourceNode when it can require it; without it
// (its require throws) it uses its own lighter code generator. The report needs no source maps.
const noSourceMap = {
  name: 'no-source-map',
  setup(b) {
    b.onResolve({ filter: /^source-map$/ }, () => ({ path: 'source-map', namespace: 'left-out' }));
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, () => ({ contents: "throw new Error('source-map is left out of the bundle');" }));
  },
};

await build({
  entryPoints,
  outdir: out,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [commandsApart, modulesApart, noSourceMap],
  // import.meta.url, as CommonJS knows it; the schemas' hash, known at build time.
  define: { 'import.meta.url': '__importMetaUrl', LEDGER_BUILT_SCHEMA_HASH: JSON.stringify(schemaHash()) },
  banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
});
// .js files of this folder are CommonJS (the package is "type": "module").
writeFileSync(path.join(out, 'package.json'), '{ "type": "commonjs" }\n');
// A command's bundle is required (synchronously, one file) rather than imported.
const main = path.join(out, 'main.js');
const text = readFileSync(main, 'utf8');
const lazy = text.replace(/\bimport\("(\.\/run-[a-z]+\.js)"\)/g, 'Promise.resolve().then(() => require("$1"))');
const commands = Object.keys(entryPoints).filter((name) => name.startsWith('run-')).length;
if ((lazy.match(/require\("\.\/run-/g) ?? []).length !== commands) {
  throw new Error('bundle: not every command of dist/cli/commands.js is required from its own bundle');
}
writeFileSync(main, lazy);
const apart = new RegExp(`\\bimport\\("(\\./(?:${Object.values(APART).join('|')})\\.js)"\\)`, 'g');
for (const f of readdirSync(out).filter((f) => f.endsWith('.js'))) {
  const file = path.join(out, f);
  const code = readFileSync(file, 'utf8');
  if (/\bnew Buffer\(/.test(code)) throw new Error(`bundle: ${f} calls new Buffer(); keep that package external`);
  if (apart.test(code)) writeFileSync(file, code.replace(apart, 'Promise.resolve().then(() => require("$1"))'));
  apart.lastIndex = 0;
}
