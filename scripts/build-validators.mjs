// Part of `npm run build`: compiles the JSON Schemas into standalone validator code
// (dist/schema/validators.cjs), so no command pays ajv's compile time (~0.2 s) on every run.
// schemaCheck uses it only when its schema hash matches the schemas it was built from.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import standalone from 'ajv/dist/standalone/index.js';
import { schemaHash } from '../dist/schema/jsonSchema.js';
import { ajvFor, validatorIds } from '../dist/schema/schemaCheck.js';

const ajv = ajvFor({ source: true });
const code = (standalone.default ?? standalone)(ajv, validatorIds(ajv));
const out = fileURLToPath(new URL('../dist/schema/validators.cjs', import.meta.url));
writeFileSync(out, `${code}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash())};\n`);
