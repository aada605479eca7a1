#!/usr/bin/env node
// The `ledger` command. CommonJS (bin/package.json), like the bundle it runs (dist/bundle/, see
// scripts/bundle.mjs): no ES module loader to start, no file read asynchronously, before it runs.
'use strict';
const path = require('node:path');

require('../dist/bundle/compileCache.js').useCompileCache(path.join(__dirname, '..', 'dist'), process.argv.slice(2));
const { main } = require('../dist/bundle/main.js');

// `ledger validate | head -1`: a reader that stops early is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
}).then((code) => {
  process.exitCode = code;
});
