// Writes the JSON Schema files (schemas/ of the package, `ledger schema --out`, `ledger init`).
import path from 'node:path';
import { allSchemas, schemaText } from '../schema/jsonSchema.js';
import { writeFileAtomic } from './fsAtomic.js';

/** Writes every schema file into `dir`; returns the paths written. */
export function writeSchemas(dir: string): string[] {
  return Object.entries(allSchemas()).map(([name, schema]) => {
    const file = path.join(dir, name);
    writeFileAtomic(file, schemaText(schema));
    return file;
  });
}
