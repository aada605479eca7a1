// Writes the JSON Schema files (schemas/ of the package, `ledger schema --out`, `ledger init`).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allSchemas, schemaText } from '../schema/jsonSchema.js';
import { writing } from './writing.js';

/** Writes every schema file into `dir`; returns the paths written. */
export function writeSchemas(dir: string): string[] {
  writing(dir, () => mkdirSync(dir, { recursive: true }));
  return Object.entries(allSchemas()).map(([name, schema]) => {
    const file = path.join(dir, name);
    writing(file, () => writeFileSync(file, schemaText(schema)));
    return file;
  });
}
