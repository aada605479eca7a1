// `npm run docs`: writes docs/diagnostics.md from the code tables, through the build output
// (dist/format/diagnosticsDoc.js). tests/docs/diagnostics.test.ts fails when the committed page
// differs from what this writes, so run it after changing a diagnostic or error code.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const built = path.join(repo, 'dist/format/diagnosticsDoc.js');
if (!existsSync(built)) {
  console.error('docs: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { diagnosticsPage } = await import(pathToFileURL(built).href);
const out = path.join(repo, 'docs/diagnostics.md');
writeFileSync(out, diagnosticsPage());
console.log(`wrote ${path.relative(process.cwd(), out) || out}`);
